// The Console card of Settings: the separate-browser-profile default, and the recents main remembered, with Clear.
import { regionLabel, serviceLabel } from '../../../../shared/domain/console-places.js';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import type { SettingsView } from '../../platform/types.js';

export interface ConsoleSettingsProps {
  readonly draft: SettingsView['app'];
  readonly save: (patch: Partial<SettingsView['app']>) => void;
}

export function ConsoleSettings({ draft, save }: ConsoleSettingsProps) {
  const client = useClient();
  const app = useAppState();
  const status = useStatus();
  const memory = app.settings?.console ?? { recentRegions: [], recentServices: [], last: {} };
  const nothingKept = memory.recentRegions.length === 0 && memory.recentServices.length === 0 && Object.keys(memory.last).length === 0;
  const clear = () =>
    client.call('console.clearRecents', {}).then(
      (s) => {
        app.setSettings(s);
        status.info('Forgot the recent console regions and services.');
      },
      (e: unknown) => status.error(e),
    );
  return (
    <fieldset className="card console-settings" data-testid="console-settings">
      <legend>Console</legend>
      <label className="toggle">
        <input type="checkbox" checked={draft.consoleSeparateProfile} aria-describedby="console-default-help" onChange={(e) => save({ consoleSeparateProfile: e.target.checked })} /> Open the console in a separate browser profile
      </label>
      <p id="console-default-help" className="muted small help">
        Where Chromium, Chrome, Brave, Edge, Vivaldi or Firefox is installed, each AWS profile gets a browser profile of its own, so several accounts stay signed in side by side. You can still choose each time in “Open console in…”.
      </p>
      <dl className="console-recents">
        <dt>Recent console regions</dt>
        <dd data-testid="recent-regions">{memory.recentRegions.length > 0 ? memory.recentRegions.map(regionLabel).join(', ') : 'None yet'}</dd>
        <dt>Recent console services</dt>
        <dd data-testid="recent-services">{memory.recentServices.length > 0 ? memory.recentServices.map(serviceLabel).join(', ') : 'None yet'}</dd>
      </dl>
      <button type="button" className="button start" disabled={nothingKept} aria-describedby="console-clear-help" onClick={() => void clear()}>
        Clear
      </button>
      <span id="console-clear-help" className="sr-only">
        Forgets the recent console regions and services and where each profile last opened the console.
      </span>
    </fieldset>
  );
}
