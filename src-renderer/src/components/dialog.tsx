// A modal dialog on the native <dialog> element: focus is trapped by the browser, Escape closes, focus returns on close.
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

export interface DialogProps {
  readonly title: string;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
  readonly describedBy?: string;
  readonly testId?: string;
}

export function Dialog({ title, onClose, children, wide, describedBy, testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!d.open) d.showModal();
    // showModal() moves focus to the first focusable element; honour the field the content asked for instead.
    d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    const onCancel = (ev: Event) => {
      ev.preventDefault();
      closeRef.current();
    };
    d.addEventListener('cancel', onCancel);
    return () => {
      d.removeEventListener('cancel', onCancel);
      if (d.open) d.close();
      if (opener !== null && opener.isConnected) opener.focus();
    };
  }, []);
  const titleId = `dlg-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <dialog ref={ref} className={wide === true ? 'dialog wide' : 'dialog'} aria-labelledby={titleId} aria-describedby={describedBy} data-testid={testId}>
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close dialog" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
