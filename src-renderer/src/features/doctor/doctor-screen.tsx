// Doctor: best-practice checks over every profile, each finding with its fix button.
import { useCallback, useEffect, useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { DoctorFinding } from '../../platform/types.js';
import { AllClear } from './all-clear.js';
import type { CheckRun } from './all-clear.js';

const ORDER = { error: 0, warning: 1, info: 2 } as const;
const LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function DoctorScreen() {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [findings, setFindings] = useState<readonly DoctorFinding[] | null>(null);
  const [online, setOnline] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fixing, setFixing] = useState<string | null>(null);
  const [lastRun, setLastRun] = useState<CheckRun | null>(null);
  const run = useCallback(
    (withAws: boolean) => {
      setRunning(true);
      client.call('doctor.run', withAws ? { online: true } : {}).then(
        (r) => {
          setRunning(false);
          setError(null);
          setFindings(r.findings);
          setLastRun({ at: new Date(), online: withAws });
        },
        (e: unknown) => {
          setRunning(false);
          setError(describeError(e));
        },
      );
    },
    [client],
  );
  useEffect(() => run(false), [run]);
  const sorted = [...(findings ?? [])].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <section className="page" aria-labelledby="doctor-title">
      <header className="page-head">
        <h1 id="doctor-title">Doctor</h1>
        <p className="muted">Checks your profiles against AWS best practice and fixes what it safely can.</p>
      </header>
      <div className="toolbar">
        <button type="button" className="button primary" disabled={running} onClick={() => run(online)}>
          {running ? 'Checking…' : 'Run checks'}
        </button>
        <label className="toggle">
          <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} /> Also ask AWS (key ages, last use)
        </label>
      </div>
      {error !== null ? (
        <p className="notice" role="alert">
          {error}
        </p>
      ) : findings === null || lastRun === null ? null : sorted.length === 0 ? (
        <AllClear run={lastRun} profiles={app.list?.profiles.length ?? 0} running={running} onRunAgain={() => run(online)} />
      ) : (
        <ul className="findings" data-testid="findings">
          {sorted.map((f, i) => {
            const id = `${f.code}:${f.profile ?? ''}`;
            return (
              <li key={`${id}:${i}`} className={`finding finding-${f.severity}`} data-code={f.code} data-testid="finding">
                <span className={`sev sev-${f.severity}`}>{LABEL[f.severity]}</span>
                <span className="finding-text">
                  {f.profile !== null ? <strong>{f.profile}: </strong> : null}
                  {f.message}
                  {/* Advice Hatrack cannot apply by itself is shown whole, not squeezed into a button. */}
                  {f.fix !== null && f.fixLabel === null ? <span className="finding-advice muted small">{f.fix}</span> : null}
                </span>
                {f.fixLabel !== null ? (
                  <button
                    type="button"
                    className="button small"
                    disabled={fixing !== null}
                    aria-label={`${f.fixLabel}: ${f.message}`}
                    title={f.fix ?? undefined}
                    onClick={() => {
                      setFixing(id);
                      client.call('doctor.fix', { code: f.code, profile: f.profile }).then(
                        async (r) => {
                          setFixing(null);
                          setFindings(r.findings);
                          setLastRun((last) => (last !== null ? { ...last, at: new Date() } : last));
                          status.info(`Fixed: ${f.fixLabel ?? f.message}.`);
                          await app.reload();
                        },
                        (e: unknown) => {
                          setFixing(null);
                          status.error(e);
                        },
                      );
                    }}
                  >
                    {fixing === id ? 'Fixing…' : f.fixLabel}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
