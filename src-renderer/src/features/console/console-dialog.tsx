// "Open console…": pick a region and a service (recent first), and whether to open it in the AWS profile's own browser
// profile. It reads what main remembered (settings.get) and which browsers main found (console.browsers); it never
// writes either: main remembers the choice when the console has opened.
import { useEffect, useMemo, useState } from 'react';
import { useAppState } from '../../app/app-state.js';
import { Dialog } from '../../components/dialog.js';
import { useClient } from '../../platform/client-context.js';
import { describeError } from '../../platform/desktop-client.js';
import type { ProfileSummary, ResponseOf } from '../../platform/types.js';
import { CONSOLE_HOME, regionGroups, serviceGroups, startingChoice } from './console-choices.js';
import type { ConsoleWhere } from './console-dialog-context.js';
import { PlacePicker } from './place-picker.js';

interface Loaded {
  readonly settings: ResponseOf<'settings.get'>;
  readonly browsers: ResponseOf<'console.browsers'>;
}

export interface ConsoleDialogProps {
  readonly profile: ProfileSummary;
  readonly onClose: () => void;
  readonly onOpen: (where: ConsoleWhere) => void;
}

export function ConsoleDialog({ profile, onClose, onOpen }: ConsoleDialogProps) {
  const client = useClient();
  const { setSettings } = useAppState();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([client.call('settings.get', {}), client.call('console.browsers', {})]).then(
      ([settings, browsers]) => {
        if (!live) return;
        setSettings(settings);
        setLoaded({ settings, browsers });
      },
      (e: unknown) => live && setError(describeError(e)),
    );
    return () => {
      live = false;
    };
  }, [client, setSettings]);
  return (
    <Dialog title={`Open console for ${profile.name}`} wide onClose={onClose} testId="console-dialog">
      {loaded !== null ? (
        <ConsoleForm profile={profile} loaded={loaded} onClose={onClose} onOpen={onOpen} />
      ) : error !== null ? (
        <p className="notice" role="alert">
          {error}
        </p>
      ) : (
        <p className="muted console-loading" role="status">
          Loading recent places…
        </p>
      )}
    </Dialog>
  );
}

function ConsoleForm({ profile, loaded, onClose, onOpen }: ConsoleDialogProps & { readonly loaded: Loaded }) {
  const memory = loaded.settings.console;
  const start = useMemo(() => startingChoice(profile, memory), [profile, memory]);
  const regions = useMemo(() => regionGroups(profile, memory), [profile, memory]);
  const services = useMemo(() => serviceGroups(memory), [memory]);
  const [region, setRegion] = useState(start.region);
  const [service, setService] = useState(start.service);
  const browsers = loaded.browsers.browsers.filter((b) => b.separateProfiles);
  const canSeparate = browsers.length > 0;
  const [separate, setSeparate] = useState(canSeparate && loaded.settings.app.consoleSeparateProfile);
  const [browser, setBrowser] = useState(browsers[0]?.id);
  const browserName = browsers.find((b) => b.id === browser)?.name ?? 'browser';
  return (
    <form
      className="console-form"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen({ region, service: service === CONSOLE_HOME ? undefined : service, separateProfile: separate, browser: separate ? browser : undefined });
      }}
    >
      <div className="console-pickers">
        <PlacePicker label="Region" placeholder="Search regions" groups={regions} value={region} onChange={setRegion} testId="console-region" autoFocus />
        <PlacePicker label="Service" placeholder="Search services" groups={services} value={service} onChange={setService} testId="console-service" />
      </div>
      <div className="console-browser">
        <label className="toggle">
          <input type="checkbox" checked={separate} disabled={!canSeparate} aria-describedby="console-separate-help" onChange={(e) => setSeparate(e.target.checked)} />
          Open in a separate browser profile
        </label>
        {separate && browsers.length > 1 ? (
          <label className="console-browser-pick">
            <span>Browser</span>
            <select className="input" value={browser} onChange={(e) => setBrowser(e.target.value)}>
              {browsers.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <p id="console-separate-help" className="help" data-testid="console-separate-help">
          {canSeparate
            ? `${profile.name} gets a ${browserName} profile of its own, with its own cookies, so several accounts stay signed in side by side.`
            : `${loaded.browsers.reason ?? 'No Chromium-based browser or Firefox found'}: the console opens in your default browser.`}
        </p>
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary">
          Open console
        </button>
      </div>
    </form>
  );
}
