// The application shell: title bar, section navigation, the files-changed banner, global shortcuts and dialogs.
import { useEffect, useMemo, useState } from 'react';
import { plural } from '../../../shared/domain/plural.js';
import { StatusProvider } from '../components/status.js';
import { DoctorScreen } from '../features/doctor/doctor-screen.js';
import { KeysScreen } from '../features/keys/keys-screen.js';
import { ConsoleDialogProvider } from '../features/console/console-dialog-provider.js';
import { PromptsProvider } from '../features/mfa/prompts.js';
import { ProfilesScreen } from '../features/profiles/profiles-screen.js';
import { RunningCallsProvider } from '../features/progress/running-calls.js';
import { SessionsScreen } from '../features/sessions/sessions-screen.js';
import { useSessions } from '../features/sessions/use-sessions.js';
import { SettingsScreen } from '../features/settings/settings-screen.js';
import { IdentityCenterScreen } from '../features/sso/identity-center-screen.js';
import { SsoSignInProvider } from '../features/sso/sign-in-provider.js';
import { QuickSwitcher } from '../features/switcher/quick-switcher.js';
import { VaultScreen } from '../features/vault/vault-screen.js';
import { NewProfileWizard } from '../features/wizard/new-profile.js';
import { DiscardChangesDialog } from '../features/editor/discard-dialog.js';
import { ClientContext } from '../platform/client-context.js';
import type { DesktopClient } from '../platform/desktop-client.js';
import { createDesktopClient } from '../platform/desktop-client.js';
import { Icon } from '../components/icons.js';
import type { IconName } from '../components/icons.js';
import { ActiveIdentityLine } from './active-identity.js';
import type { Screen } from './app-state.js';
import { AppStateProvider, useAppState } from './app-state.js';

const SCREENS: readonly { id: Screen; label: string; icon: IconName }[] = [
  { id: 'profiles', label: 'Profiles', icon: 'profiles' },
  { id: 'sessions', label: 'Sessions', icon: 'clock' },
  { id: 'sso', label: 'Identity Center', icon: 'building' },
  { id: 'keys', label: 'Access keys', icon: 'key' },
  { id: 'vault', label: 'Keychain', icon: 'lock' },
  { id: 'doctor', label: 'Doctor', icon: 'pulse' },
  { id: 'settings', label: 'Settings', icon: 'sliders' },
];

const isMac = /Mac/.test(navigator.platform);
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl+';

export function App({ client }: { readonly client?: DesktopClient }) {
  const c = useMemo(() => client ?? createDesktopClient(), [client]);
  return (
    <ClientContext.Provider value={c}>
      <StatusProvider>
        <AppStateProvider>
          <PromptsProvider>
            <SsoSignInProvider>
              <RunningCallsProvider>
                <ConsoleDialogProvider>
                  <Shell />
                </ConsoleDialogProvider>
              </RunningCallsProvider>
            </SsoSignInProvider>
          </PromptsProvider>
        </AppStateProvider>
      </StatusProvider>
    </ClientContext.Provider>
  );
}

function Shell() {
  const app = useAppState();
  const [switcher, setSwitcher] = useState(false);
  const theme = app.settings?.app.theme ?? 'system';

  useEffect(() => {
    const root = document.documentElement;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
  }, [theme]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.metaKey || e.ctrlKey;
      if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setSwitcher((s) => !s);
      } else if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'n') {
        e.preventDefault();
        app.setWizardOpen(true);
      } else if (mod && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        app.setScreen('profiles');
        requestAnimationFrame(() => document.getElementById('profile-search')?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [app]);

  // Causes, not every line they break: the same count as the problems bar.
  const problems = app.list?.problems.filter((p) => p.causeId === null).length ?? 0;
  const sessions = useSessions().sessions?.length ?? 0;

  return (
    <div className="app">
      <header className="titlebar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            <Icon name="hat" size={18} />
          </span>
          Hatrack
        </div>
        <div className="current" data-testid="current-default">
          <ActiveIdentityLine identity={app.list?.activeIdentity} keptAs={app.list?.defaultIdentity.keptAs ?? null} />
        </div>
        <div className="title-actions">
          <button type="button" className="button" onClick={() => setSwitcher(true)} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
            Switch… <kbd>{MOD_LABEL}K</kbd>
          </button>
          <button type="button" className="button primary" onClick={() => app.setWizardOpen(true)} aria-keyshortcuts={isMac ? 'Meta+N' : 'Control+N'}>
            New profile
          </button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Sections">
        <ul>
          {SCREENS.map((s) => (
            <li key={s.id}>
              <button type="button" className={app.screen === s.id ? 'nav-item active' : 'nav-item'} aria-current={app.screen === s.id ? 'page' : undefined} onClick={() => app.setScreen(s.id)}>
                <Icon name={s.icon} className="nav-icon" />
                <span className="nav-label">{s.label}</span>
                {s.id === 'profiles' && problems > 0 ? (
                  <span className="count-pill" aria-label={plural(problems, 'problem')}>
                    {problems}
                  </span>
                ) : null}
                {s.id === 'sessions' && sessions > 0 ? (
                  <span className="count-pill session-count" aria-label={plural(sessions, 'session')}>
                    {sessions}
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
        <p className="sidebar-foot muted small">
          <kbd>{MOD_LABEL}K</kbd> switch profile
          <br />
          <kbd>{MOD_LABEL}F</kbd> search
          <br />
          <kbd>{MOD_LABEL}N</kbd> new profile
        </p>
      </nav>
      <main className="content">
        {app.banner !== null ? (
          <div className="banner" role="status" data-testid="files-changed-banner">
            <span>
              Your {app.banner.kinds.join(' and ')} {app.banner.kinds.length === 1 ? 'file' : 'files'} changed on disk; the list is up to date.
            </span>
            <button type="button" className="link-button" onClick={app.dismissBanner}>
              Dismiss
            </button>
          </div>
        ) : null}
        {app.screen === 'profiles' ? <ProfilesScreen /> : null}
        {app.screen === 'sessions' ? <SessionsScreen /> : null}
        {app.screen === 'sso' ? <IdentityCenterScreen /> : null}
        {app.screen === 'keys' ? <KeysScreen /> : null}
        {app.screen === 'vault' ? <VaultScreen /> : null}
        {app.screen === 'doctor' ? <DoctorScreen /> : null}
        {app.screen === 'settings' ? <SettingsScreen /> : null}
      </main>
      {switcher ? <QuickSwitcher onClose={() => setSwitcher(false)} /> : null}
      {app.wizardOpen ? <NewProfileWizard onClose={() => app.setWizardOpen(false)} /> : null}
      {app.leaving !== null ? <DiscardChangesDialog what={app.leaving.what} onAnswer={app.answerLeaving} /> : null}
    </div>
  );
}
