// Asked before an unsaved edit is thrown away (another profile, another screen, closing the editor).
import { Dialog } from '../../components/dialog.js';

export function DiscardChangesDialog({ what, onAnswer }: { readonly what: string; readonly onAnswer: (discard: boolean) => void }) {
  return (
    <Dialog title="Discard unsaved changes?" onClose={() => onAnswer(false)} describedBy="discard-text" testId="discard-dialog">
      <p id="discard-text">Your changes to {what} are not saved. Discard them, or keep editing and review them first.</p>
      <div className="dialog-actions">
        <button type="button" className="button" data-autofocus onClick={() => onAnswer(false)}>
          Keep editing
        </button>
        <button type="button" className="button danger" onClick={() => onAnswer(true)}>
          Discard changes
        </button>
      </div>
    </Dialog>
  );
}
