// Problems in the AWS files, each with its one-click fix (profiles.apply {type:'fix'}).
import { useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import type { Problem } from '../../platform/types.js';

export function ProblemList({ problems, onFixed, title }: { readonly problems: readonly Problem[]; readonly onFixed?: () => void; readonly title?: string }) {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [busy, setBusy] = useState<string | null>(null);
  return (
    <section className="problems" aria-label={title ?? 'Problems'} data-testid="problems">
      {title !== undefined ? <h3 className="small">{title}</h3> : null}
      <ul>
        {problems.map((p) => (
          <li key={p.id} className={`problem problem-${p.severity}`} data-testid="problem">
            <span className="problem-icon" role="img" aria-label={p.severity === 'error' ? 'Error' : 'Warning'}>
              {p.severity === 'error' ? '!' : '?'}
            </span>
            <span className="problem-text">
              {p.message} <span className="muted small">({p.file} line {p.line})</span>
            </span>
            {p.fix !== null ? (
              <button
                type="button"
                className="button small primary"
                disabled={busy !== null}
                aria-label={`Fix: ${p.fix}`}
                title={p.fix}
                onClick={() => {
                  setBusy(p.id);
                  client.call('profiles.apply', { edit: { type: 'fix', problemId: p.id } }).then(
                    async () => {
                      status.info(`Fixed: ${p.fix ?? p.message}`);
                      await app.reload();
                      setBusy(null);
                      onFixed?.();
                    },
                    (e: unknown) => {
                      setBusy(null);
                      status.error(e);
                    },
                  );
                }}
              >
                {busy === p.id ? 'Fixing…' : 'Fix'}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
