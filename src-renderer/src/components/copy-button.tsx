// A button that copies text and says so.
import { useState } from 'react';
import { useClient } from '../platform/client-context.js';
import { useStatus } from './status.js';

export function CopyButton({ text, label, a11yLabel }: { readonly text: string; readonly label: string; readonly a11yLabel?: string }) {
  const client = useClient();
  const status = useStatus();
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="button small"
      aria-label={a11yLabel}
      onClick={() => {
        client.copyText(text).then(
          () => {
            setDone(true);
            setTimeout(() => setDone(false), 1500);
          },
          (e: unknown) => status.error(e),
        );
      }}
    >
      {done ? 'Copied' : label}
    </button>
  );
}
