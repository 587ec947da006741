// Doctor with nothing to report: a calm "All clear" that says what was looked at and when, so "no findings" reads
// as a result rather than as a check that did not run. The list mirrors the checks in src-main/core/doctor/checks.ts.
import { plural } from '../../../../shared/domain/plural.js';
import { EmptyState } from '../../components/empty-state.js';

export interface CheckRun {
  readonly at: Date;
  /** Whether IAM was asked too (key ages and last use). */
  readonly online: boolean;
}

const CHECKED = [
  'The AWS CLI can read both files',
  'Who can read ~/.aws and your credentials file',
  'Secret keys in plain text, shared between profiles or belonging to the root user',
  'Production as the default profile, and production roles without MFA',
  'Keys Hatrack keeps in the keychain',
] as const;

export function AllClear({ run, profiles, running, onRunAgain }: { readonly run: CheckRun; readonly profiles: number; readonly running: boolean; readonly onRunAgain: () => void }) {
  const time = run.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <EmptyState
      icon="check"
      tone="ok"
      title="All clear"
      testId="doctor-clean"
      actions={
        <button type="button" className="button" disabled={running} onClick={onRunAgain}>
          {running ? 'Checking…' : 'Run again'}
        </button>
      }
    >
      <p>
        No problems found in {plural(profiles, 'profile')}, checked at <time dateTime={run.at.toISOString()}>{time}</time>.
      </p>
      <ul className="empty-state-list muted" aria-label="What was checked">
        {CHECKED.map((c) => (
          <li key={c}>{c}</li>
        ))}
        <li>{run.online ? 'Key ages and last use, as IAM reports them' : 'Key ages Hatrack knows (turn on “Also ask AWS” to ask IAM)'}</li>
      </ul>
    </EmptyState>
  );
}
