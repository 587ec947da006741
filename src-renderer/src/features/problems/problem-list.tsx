// Problems in the AWS files, coloured by effect and grouped by cause, each with its one-click fix
// (profiles.apply {type:'fix'}), and "Fix all safe problems" with one preview of the combined diff.
import { useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import type { Problem } from '../../platform/types.js';
import { plural } from '../../../../shared/domain/plural.js';
import { PreviewDialog } from '../editor/preview-dialog.js';
import { EFFECTS, groupProblems, safeFixCount } from './problem-groups.js';

const FIX_ALL = { type: 'fixAll' } as const;

export interface ProblemListProps {
  readonly problems: readonly Problem[];
  readonly onFixed?: () => void;
  readonly title?: string;
  /** Offer "Fix all safe problems" (the whole files' list; the editor's per-profile list fixes one at a time). */
  readonly fixAll?: boolean;
}

export function ProblemList({ problems, onFixed, title, fixAll }: ProblemListProps) {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [busy, setBusy] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const groups = groupProblems(problems);
  const fixable = safeFixCount(problems);
  const fixOne = (p: Problem) => {
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
  };
  return (
    <div className="problems" role="group" aria-label={title ?? 'Problems'} data-testid="problems">
      {title !== undefined ? <h3 className="small">{title}</h3> : null}
      {fixAll === true && fixable > 1 ? (
        <div className="problems-tools">
          <button type="button" className="button small primary" onClick={() => setReviewing(true)}>
            Fix all safe problems ({fixable})…
          </button>
          <span className="muted small">You see every changed line before anything is written.</span>
        </div>
      ) : null}
      {groups.map((g) => (
        <div key={g.effect} className={`problem-group tone-${EFFECTS[g.effect].tone}`} data-effect={g.effect}>
          <div className="problem-group-title">
            <span className="problem-dot" aria-hidden="true" />
            {EFFECTS[g.effect].title}
            <span className="muted"> · {g.items.length}</span>
          </div>
          <ul>
            {g.items.map(({ problem: p, consequences }) => (
              <li key={p.id} className="problem" data-testid="problem" data-effect={p.effect}>
                <span className="problem-text">
                  {p.message} <span className="muted small">({p.file} line {p.line})</span>
                  {consequences.length > 0 ? (
                    <span className="problem-consequences muted small" data-testid="problem-consequences">
                      {' '}
                      It also causes {plural(consequences.length, 'more problem')} below it ({consequences.length === 1 ? 'line' : 'lines'} {consequences.map((c) => c.line).join(', ')}), gone once this is fixed.
                    </span>
                  ) : null}
                </span>
                {p.fix !== null ? (
                  <button type="button" className="button small" disabled={busy !== null} aria-label={`Fix: ${p.fix}`} title={p.fix} onClick={() => fixOne(p)}>
                    {busy === p.id ? 'Fixing…' : 'Fix'}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {reviewing ? (
        <PreviewDialog
          title="Fix all safe problems"
          edit={FIX_ALL}
          applyLabel="Fix them"
          note={<p className="muted">Every problem with a safe fix, in one change. Lines not shown stay exactly as they are; a backup is kept.</p>}
          onClose={() => setReviewing(false)}
          onApplied={(r) => {
            setReviewing(false);
            status.info(r.changed ? 'Fixed every problem that had a safe fix.' : 'Nothing needed changing.');
            void app.reload().then(() => onFixed?.());
          }}
        />
      ) : null}
    </div>
  );
}
