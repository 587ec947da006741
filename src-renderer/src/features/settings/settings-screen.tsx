// App settings: production patterns, notifications and theme (settings.get / settings.update).
import { useEffect, useState } from 'react';
import { KEY_AGE_ALARM_DAYS } from '../../../../shared/domain/key-age.js';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { SettingsView } from '../../platform/types.js';
import { ConsoleSettings } from '../console/console-settings.js';

type Theme = SettingsView['app']['theme'];

export function SettingsScreen() {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<SettingsView['app'] | null>(app.settings?.app ?? null);
  const [patterns, setPatterns] = useState((app.settings?.app.productionPatterns ?? []).join('\n'));
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (app.settings !== null) return;
    client.call('settings.get', {}).then(
      (s) => {
        app.setSettings(s);
        setDraft(s.app);
        setPatterns(s.app.productionPatterns.join('\n'));
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, [client, app]);

  const save = (patch: Partial<SettingsView['app']>, quiet = false) => {
    // The control shows the choice at once (a checkbox that waits for main to answer looks dead on a busy machine);
    // main's answer then replaces the draft, and a refusal puts the previous value back.
    const before = draft;
    if (before !== null) setDraft({ ...before, ...patch });
    setSaving(true);
    client.call('settings.update', { app: patch }).then(
      async (s) => {
        setSaving(false);
        app.setSettings(s);
        setDraft(s.app);
        if (!quiet) status.info('Settings saved.');
        if (patch.productionPatterns !== undefined) await app.reload();
      },
      (e: unknown) => {
        setSaving(false);
        if (before !== null) setDraft(before);
        status.error(e);
      },
    );
  };

  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-head">
        <h1 id="settings-title">Settings</h1>
      </header>
      {error !== null ? (
        <p className="notice" role="alert">
          {error}
        </p>
      ) : draft === null ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="settings">
          <fieldset className="card">
            <legend>Appearance</legend>
            <div className="segmented" role="radiogroup" aria-label="Theme">
              {(['system', 'light', 'dark'] as const).map((t: Theme) => (
                <label key={t} className={draft.theme === t ? 'seg on' : 'seg'}>
                  <input type="radio" name="theme" value={t} checked={draft.theme === t} onChange={() => save({ theme: t }, true)} />
                  {t === 'system' ? 'Match system' : t === 'light' ? 'Light' : 'Dark'}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="card">
            <legend>Production profiles</legend>
            <div className="field">
              <label htmlFor="prod-patterns">Profile name patterns, one per line</label>
              <textarea id="prod-patterns" className="input" rows={4} spellCheck={false} value={patterns} onChange={(e) => setPatterns(e.target.value)} aria-describedby="prod-help" />
              <span id="prod-help" className="help">
                Profiles whose names match a pattern are marked production: they show a red badge and ask for a confirmation before they become the default.
              </span>
            </div>
            <button
              type="button"
              className="button primary start"
              disabled={saving}
              onClick={() =>
                save({
                  productionPatterns: patterns
                    .split('\n')
                    .map((s) => s.trim())
                    .filter((s) => s !== ''),
                })
              }
            >
              Save patterns
            </button>
          </fieldset>
          <fieldset className="card">
            <legend>Notifications</legend>
            <label className="toggle">
              <input type="checkbox" checked={draft.notifications.sessionExpiring} onChange={(e) => save({ notifications: { ...draft.notifications, sessionExpiring: e.target.checked } })} /> Warn before a role session expires
            </label>
            <div className="field">
              <label htmlFor="lead">Minutes of warning</label>
              <input
                id="lead"
                className="input tiny"
                type="number"
                min={1}
                max={60}
                value={draft.refreshLeadMinutes}
                onChange={(e) => setDraft({ ...draft, refreshLeadMinutes: Number(e.target.value) })}
                onBlur={() => {
                  const n = Math.round(draft.refreshLeadMinutes);
                  if (n >= 1 && n <= 60 && n !== app.settings?.app.refreshLeadMinutes) save({ refreshLeadMinutes: n });
                }}
              />
            </div>
            <label className="toggle">
              <input type="checkbox" checked={draft.notifications.keyAge} onChange={(e) => save({ notifications: { ...draft.notifications, keyAge: e.target.checked } })} /> Remind me when an access key is {KEY_AGE_ALARM_DAYS} days old
            </label>
            <label className="toggle">
              <input type="checkbox" checked={draft.checkKeyAgeOnline} aria-describedby="check-keys-help" onChange={(e) => save({ checkKeyAgeOnline: e.target.checked })} /> Check key ages with AWS in the background
            </label>
            <p id="check-keys-help" className="muted small help">
              Once a day, each access key asks IAM for its own creation date, last use and account alias. Nothing secret is stored. Off: ages show as unknown until you check a key.
            </p>
            <label className="toggle">
              <input type="checkbox" checked={draft.launchAtLogin} onChange={(e) => save({ launchAtLogin: e.target.checked })} /> Open Hatrack at login
            </label>
          </fieldset>
          <ConsoleSettings draft={draft} save={save} />
        </div>
      )}
    </section>
  );
}
