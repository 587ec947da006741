// Every save goes through here: show exactly the lines that will change (profiles.preview), then apply them.
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Dialog } from '../../components/dialog.js';
import { DiffView } from '../../components/diff-view.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { EditRequest, EditResult, FileChange } from '../../platform/types.js';

export interface PreviewDialogProps {
  readonly title: string;
  readonly edit: EditRequest;
  readonly applyLabel?: string;
  readonly danger?: boolean;
  readonly note?: ReactNode;
  readonly onApplied: (r: EditResult) => void;
  readonly onClose: () => void;
}

export function PreviewDialog({ title, edit, applyLabel = 'Save changes', danger, note, onApplied, onClose }: PreviewDialogProps) {
  const client = useClient();
  const [files, setFiles] = useState<readonly FileChange[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    client.call('profiles.preview', { edit }).then(
      (r) => live && setFiles(r.files),
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, edit]);
  const nothing = files !== null && files.every((f) => f.hunks.length === 0);
  return (
    <Dialog title={title} onClose={onClose} wide testId="preview-dialog">
      {note}
      {error !== null ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : files === null ? (
        <p className="muted">Working out the changes…</p>
      ) : (
        <DiffView files={files} />
      )}
      <div className="dialog-actions">
        {nothing ? (
          <span id="preview-nothing" className="help form-status">
            Nothing would change: the files already say this.
          </span>
        ) : null}
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className={danger === true ? 'button danger' : 'button primary'}
          aria-describedby={nothing ? 'preview-nothing' : undefined}
          disabled={files === null || nothing || busy || error !== null}
          onClick={() => {
            setBusy(true);
            client.call('profiles.apply', { edit }).then(
              (r) => onApplied(r),
              (e: unknown) => {
                setBusy(false);
                setError(describeError(e));
              },
            );
          }}
        >
          {busy ? 'Saving…' : applyLabel}
        </button>
      </div>
    </Dialog>
  );
}
