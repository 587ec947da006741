// Shows exactly the lines an edit changes in each AWS file, with line numbers.
import type { FileChange } from '../platform/types.js';

export function DiffView({ files }: { readonly files: readonly FileChange[] }) {
  const changed = files.filter((f) => f.hunks.length > 0);
  if (changed.length === 0) return <p className="muted">Nothing would change in your files.</p>;
  return (
    <div className="diff" data-testid="diff">
      {changed.map((f) => (
        <section key={f.kind} className="diff-file" aria-label={`Changes to the ${f.kind} file`}>
          <h3 className="diff-path">
            <span className="chip">{f.kind}</span> <code>{f.path ?? `(${f.kind} file)`}</code>
          </h3>
          {f.hunks.map((h, hi) => (
            <pre key={hi} className="diff-hunk">
              {h.lines.map((l, li) => (
                <div key={li} className={`dl dl-${l.op}`}>
                  <span className="dl-no" aria-hidden="true">
                    {l.line > 0 ? l.line : ''}
                  </span>
                  <span className="dl-op">{l.op === 'add' ? '+' : l.op === 'remove' ? '−' : ' '}</span>
                  <span className="dl-text">{l.text === '' ? ' ' : l.text}</span>
                  <span className="sr-only">{l.op === 'add' ? ' (added)' : l.op === 'remove' ? ' (removed)' : ''}</span>
                </div>
              ))}
            </pre>
          ))}
          {f.backupPath !== null ? <p className="muted small">Backup: {f.backupPath}</p> : null}
        </section>
      ))}
    </div>
  );
}
