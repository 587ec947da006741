// The MFA code dialog: six digits, focused on open, paste-friendly, and it keeps nothing once closed.
import { useState } from 'react';
import { Dialog } from '../../components/dialog.js';
import { FormError } from '../../components/form-error.js';

export function MfaDialog({ profile, problem, onDone }: { readonly profile: string; readonly problem: string | null; readonly onDone: (code: string | null) => void }) {
  const [code, setCode] = useState('');
  const valid = /^\d{6}$/.test(code);
  return (
    <Dialog title="MFA code" onClose={() => onDone(null)} testId="mfa-dialog" describedBy="mfa-help">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) onDone(code);
        }}
      >
        <p id="mfa-help">
          Enter the 6-digit code from your authenticator for <strong>{profile}</strong>.
        </p>
        <FormError error={problem} />
        <label className="field">
          <span>Code</span>
          <input
            className="input mfa-input"
            name="mfa-code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            data-autofocus
            value={code}
            aria-invalid={code.length > 0 && !valid}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, '').slice(0, 6))}
            onPaste={(e) => {
              // Pasted codes often carry spaces ("123 456") or a trailing newline.
              e.preventDefault();
              setCode(e.clipboardData.getData('text').replace(/\D/g, '').slice(0, 6));
            }}
          />
        </label>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          {!valid ? (
            <span id="mfa-why" className="help form-status">
              Enter the 6-digit code.
            </span>
          ) : null}
          <button type="submit" className="button primary" disabled={!valid} aria-describedby={!valid ? 'mfa-why' : undefined}>
            Continue
          </button>
        </div>
      </form>
    </Dialog>
  );
}
