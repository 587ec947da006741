// Access keys: age and last use per key (keys.info), checking them all (keys.checkAll), and the rotation wizard.
import { useMemo, useState } from 'react';
import { KEY_AGE_ALARM_DAYS, KEY_AGE_WARN_DAYS, keyAgeLevel } from '../../../../shared/domain/key-age.js';
import { plural } from '../../../../shared/domain/plural.js';
import { useAppState } from '../../app/app-state.js';
import type { KeyInfo } from '../../platform/types.js';
import { CheckAllKeys } from './check-all-keys.js';
import { KeyRow } from './key-row.js';
import { NoKeys } from './no-keys.js';
import { RotationWizard } from './rotation-wizard.js';

const MAX_ROWS = 200;

export function KeysScreen() {
  const app = useAppState();
  const [filter, setFilter] = useState('');
  const [info, setInfo] = useState<Record<string, KeyInfo>>({});
  const [rotating, setRotating] = useState<string | null>(null);
  const withKeys = useMemo(() => (app.list?.profiles ?? []).filter((p) => p.capabilities.rotate.ok), [app.list]);
  const shown = withKeys.filter((p) => p.name.toLowerCase().includes(filter.toLowerCase())).slice(0, MAX_ROWS);
  const old = withKeys.filter((p) => keyAgeLevel(p.keyAgeDays) === 'alarm').length;
  const unknown = withKeys.filter((p) => p.keyAgeDays === null).length;
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
        {withKeys.length > 0 ? <CheckAllKeys /> : null}
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
            {shown.map((p) => (
              <KeyRow key={p.name} profile={p} info={info[p.name]} onChecked={(k) => setInfo((s) => ({ ...s, [p.name]: k }))} onRotate={() => setRotating(p.name)} />
            ))}
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
