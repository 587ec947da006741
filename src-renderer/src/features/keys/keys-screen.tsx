// Access keys: age and last use per key (keys.info), and the rotation wizard.
import { useMemo, useState } from 'react';
import { KEY_AGE_ALARM_DAYS, KEY_AGE_WARN_DAYS, keyAgeLevel } from '../../../../shared/domain/key-age.js';
import { plural } from '../../../../shared/domain/plural.js';
import { useAppState } from '../../app/app-state.js';
import { KeyAgeBadge } from '../../components/badges.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import type { KeyInfo } from '../../platform/types.js';
import { NoKeys } from './no-keys.js';
import { RotationWizard } from './rotation-wizard.js';

const MAX_ROWS = 200;

export function KeysScreen() {
  const app = useAppState();
  const client = useClient();
  const status = useStatus();
  const [filter, setFilter] = useState('');
  const [info, setInfo] = useState<Record<string, KeyInfo>>({});
  const [loading, setLoading] = useState<string | null>(null);
  const [rotating, setRotating] = useState<string | null>(null);
  const [checkingAll, setCheckingAll] = useState(false);
  const withKeys = useMemo(() => (app.list?.profiles ?? []).filter((p) => p.capabilities.rotate.ok), [app.list]);
  const shown = withKeys.filter((p) => p.name.toLowerCase().includes(filter.toLowerCase())).slice(0, MAX_ROWS);
  const old = withKeys.filter((p) => keyAgeLevel(p.keyAgeDays) === 'alarm').length;
  const unknown = withKeys.filter((p) => p.keyAgeDays === null).length;
  const checkAll = () => {
    setCheckingAll(true);
    client.call('keys.checkAll', {}).then(
      (r) => {
        setCheckingAll(false);
        if (r.failed > 0) status.error(new Error(`${r.failed} of ${plural(r.checked + r.failed, 'key')} could not be checked; ${r.failed === 1 ? 'its age stays' : 'their ages stay'} unknown. Check the network and try again.`));
      },
      (e: unknown) => {
        setCheckingAll(false);
        status.error(e);
      },
    );
  };
  return (
    <section className="page" aria-labelledby="keys-title">
      <header className="page-head">
        <h1 id="keys-title">Access keys</h1>
        {withKeys.length === 0 ? (
          <p className="muted">Age and last use of each long-lived access key, and rotation in a few steps.</p>
        ) : (
          <p className="muted">
            {plural(withKeys.length, 'long-lived key')}
            {old > 0 ? `; ${old} ${old === 1 ? 'is' : 'are'} ${KEY_AGE_ALARM_DAYS} days or older — rotate ${old === 1 ? 'it' : 'them'}` : ''}
            {unknown > 0 ? `; ${unknown} of unknown age` : ''}. Ages come from IAM; rotate soon from {KEY_AGE_WARN_DAYS} days, at the latest at {KEY_AGE_ALARM_DAYS}.
          </p>
        )}
        {withKeys.length > 0 ? (
          <button type="button" className="button" disabled={checkingAll} onClick={checkAll}>
            {checkingAll ? 'Checking all keys…' : 'Check all keys with AWS'}
          </button>
        ) : null}
      </header>
      {withKeys.length > 10 ? <input className="input search narrow" type="search" aria-label="Filter keys by profile" placeholder="Filter by profile…" value={filter} onChange={(e) => setFilter(e.target.value)} /> : null}
      {withKeys.length === 0 ? (
        <NoKeys />
      ) : (
        <table className="table" data-testid="keys-table">
          <thead>
            <tr>
              <th scope="col">Profile</th>
              <th scope="col">Access key</th>
              <th scope="col">Age</th>
              <th scope="col">Last used</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const i = info[p.name];
              return (
                <tr key={p.name} data-profile={p.name}>
                  <th scope="row">{p.name}</th>
                  <td>
                    <code>{p.accessKeyId}</code>
                    {i !== undefined ? <span className="muted small"> · {i.status}{i.userName !== null ? ` · ${i.userName}` : ''}</span> : null}
                  </td>
                  <td>
                    <KeyAgeBadge days={i !== undefined ? i.ageDays : p.keyAgeDays} />
                    {i !== undefined && i.createDate !== null ? <span className="muted small"> created {new Date(i.createDate).toLocaleDateString()}</span> : null}
                    {i !== undefined && i.createDate === null ? <span className="muted small"> IAM would not say (the key needs iam:ListAccessKeys)</span> : null}
                  </td>
                  <td data-testid="last-used">
                    {i === undefined ? (
                      <span className="muted">—</span>
                    ) : i.lastUsed === null || i.lastUsed.date === null ? (
                      'Never used'
                    ) : (
                      `${new Date(i.lastUsed.date).toLocaleDateString()}${i.lastUsed.service !== null ? ` · ${i.lastUsed.service}` : ''}${i.lastUsed.region !== null ? ` · ${i.lastUsed.region}` : ''}`
                    )}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      disabled={loading === p.name}
                      aria-label={`Check key of ${p.name}`}
                      onClick={() => {
                        setLoading(p.name);
                        client.call('keys.info', { profile: p.name }).then(
                          (k) => {
                            setLoading(null);
                            setInfo((s) => ({ ...s, [p.name]: k }));
                          },
                          (e: unknown) => {
                            setLoading(null);
                            status.error(e);
                          },
                        );
                      }}
                    >
                      {loading === p.name ? 'Checking…' : 'Check with AWS'}
                    </button>
                    <button type="button" className="button small primary" aria-label={`Rotate key of ${p.name}`} onClick={() => setRotating(p.name)}>
                      Rotate…
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rotating !== null ? (
        <RotationWizard
          profile={rotating}
          onClose={(done) => {
            setRotating(null);
            if (done) {
              setInfo(({ [rotating]: _, ...rest }) => rest);
              void app.reload();
            }
          }}
        />
      ) : null}
    </section>
  );
}
