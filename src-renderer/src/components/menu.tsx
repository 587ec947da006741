// A popup action menu (WAI-ARIA menu pattern): arrow keys, Home/End and first letters move, Enter/Space choose,
// Escape/Tab/a click outside close, and focus goes back to whoever opened it. Disabled items stay focusable and say why.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuItem {
  readonly id: string;
  readonly label: string;
  /** Set when the item cannot be chosen: shown under the label and read with it. */
  readonly disabledReason?: string | undefined;
  readonly onSelect: () => void;
}

/** Where the menu opens: a point (right click) or below an element's box (the "…" button, Shift+F10). */
export type MenuAnchor = { readonly x: number; readonly y: number } | { readonly rect: DOMRect };

export interface MenuProps {
  readonly label: string;
  readonly items: readonly MenuItem[];
  readonly anchor: MenuAnchor;
  /** Called after the menu has handed focus back (so a dialog the item opens remembers the right opener). */
  readonly onClose: () => void;
  /** Where focus returns; the element focused when the menu opened if not given. */
  readonly returnFocus?: () => HTMLElement | null;
  readonly testId?: string;
}

const MARGIN = 8;

export function Menu({ label, items, anchor, onClose, returnFocus, testId }: MenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  const uid = useId();
  const opener = useRef<HTMLElement | null>(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const [active, setActive] = useState(() => Math.max(0, items.findIndex((i) => i.disabledReason === undefined)));

  // Measure, then place inside the window: flip above the anchor or shift left rather than run off the edge.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el === null) return;
    const { width, height } = el.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    let left: number;
    let top: number;
    if ('rect' in anchor) {
      left = anchor.rect.right - width;
      top = anchor.rect.bottom + 4;
      if (top + height > vh - MARGIN) top = anchor.rect.top - height - 4;
    } else {
      left = anchor.x;
      top = anchor.y;
      if (top + height > vh - MARGIN) top = anchor.y - height;
    }
    setPos({ left: Math.min(Math.max(MARGIN, left), vw - width - MARGIN), top: Math.min(Math.max(MARGIN, top), vh - height - MARGIN) });
  }, [anchor]);

  useEffect(() => {
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[active]?.focus();
  }, [active, pos]);

  const close = () => {
    const target = returnFocus?.() ?? opener.current;
    if (target !== null && target.isConnected) target.focus();
    onClose();
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      if (ref.current !== null && !ref.current.contains(e.target as Node)) closeRef.current();
    };
    const onBlurWindow = () => closeRef.current();
    document.addEventListener('pointerdown', onDown, true);
    window.addEventListener('blur', onBlurWindow);
    return () => {
      document.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('blur', onBlurWindow);
    };
  }, []);

  const choose = (item: MenuItem) => {
    if (item.disabledReason !== undefined) return;
    close();
    item.onSelect();
  };

  const onKeyDown = (e: ReactKeyboardEvent) => {
    const n = items.length;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = (active + 1) % n;
    else if (e.key === 'ArrowUp') next = (active - 1 + n) % n;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    else if (e.key === 'Escape' || e.key === 'Tab') {
      // Escape belongs to the menu alone: it must not also close the editor behind it.
      e.preventDefault();
      e.stopPropagation();
      e.nativeEvent.stopImmediatePropagation();
      close();
      return;
    } else if (e.key.length === 1 && /\S/.test(e.key)) {
      const k = e.key.toLowerCase();
      const from = items.findIndex((it, i) => i > active && it.label.toLowerCase().startsWith(k));
      const wrap = items.findIndex((it) => it.label.toLowerCase().startsWith(k));
      next = from >= 0 ? from : wrap >= 0 ? wrap : null;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    if (next !== null) setActive(next);
  };

  return createPortal(
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="menu"
      data-testid={testId}
      style={pos === null ? { visibility: 'hidden', left: 0, top: 0 } : { left: pos.left, top: pos.top }}
      onKeyDown={onKeyDown}
    >
      {items.map((item, i) => {
        const reasonId = `${uid}-why-${i}`;
        const disabled = item.disabledReason !== undefined;
        return (
          <div
            key={item.id}
            role="menuitem"
            tabIndex={i === active ? 0 : -1}
            aria-disabled={disabled ? true : undefined}
            aria-describedby={disabled ? reasonId : undefined}
            className={`menu-item${disabled ? ' disabled' : ''}`}
            data-action={item.id}
            onClick={() => choose(item)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                e.stopPropagation();
                choose(item);
              }
            }}
            onPointerMove={() => setActive(i)}
          >
            <span className="menu-label">{item.label}</span>
            {disabled ? (
              <span id={reasonId} className="menu-why">
                {item.disabledReason}
              </span>
            ) : null}
          </div>
        );
      })}
    </div>,
    // Inside the main landmark (position: fixed keeps it above everything), so screen readers find it in context.
    document.querySelector('main') ?? document.body,
  );
}
