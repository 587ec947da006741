// Routes a tray or notification click to a core action (Electron main; every Electron part injected).

import type { TrayAction } from '../app/tray/tray-model.js';
import type { Dispatch } from '../ipc/dispatch.js';
import type { Envelope } from '../../shared/ipc/contract.js';

export interface TrayActionDeps {
  readonly dispatch: Dispatch;
  /** A native yes/no dialog; resolves true only on an explicit yes. */
  readonly confirm: (message: string, detail: string) => Promise<boolean>;
  readonly writeClipboard: (text: string) => void;
  /** Shows the window, at a route of the renderer when given (`#/profiles/<name>`, `#/doctor`). */
  readonly showWindow: (hash?: string) => void;
  readonly quit: () => void;
  readonly notify: (title: string, body: string) => void;
  readonly touchRecent: (profile: string) => void;
  /** Called after an action that may have changed the files, so the tray is rebuilt at once. */
  readonly changed: () => void;
}

export function profileRoute(profile: string): string {
  return `#/profiles/${encodeURIComponent(profile)}`;
}

export function createTrayActionRunner(deps: TrayActionDeps): (action: TrayAction) => Promise<void> {
  /** Errors a window can resolve (an MFA code to type, a production confirmation) open it; others are a notification. */
  const report = (profile: string, result: Envelope<unknown>): boolean => {
    if (result.ok) return true;
    if (result.error.code === 'MFA_REQUIRED' || result.error.code === 'NEEDS_CONFIRMATION') deps.showWindow(profileRoute(profile));
    else deps.notify(`Hatrack: ${profile}`, result.error.message);
    return false;
  };

  /**
   * The window's device-code sign-in without the window: the browser opens at the verification page with the code
   * filled in, and a notification shows the same code so the user can check the page is ours before approving.
   */
  const signInFromTray = async (target: Extract<TrayAction, { type: 'ssoSignIn' }>['target']): Promise<void> => {
    const name = 'session' in target ? target.session : target.profile;
    const title = `Hatrack: sign in to ${name}`;
    const started = await deps.dispatch('sso.signIn.start', { target });
    if (!started.ok) return deps.notify(title, started.error.message);
    const { flowId, prompt } = started.value;
    if (prompt !== null) {
      deps.notify(title, `Check that your browser shows the code ${prompt.userCode}, then approve it there.`);
      const opened = await deps.dispatch('sso.signIn.openBrowser', { flowId });
      if (!opened.ok) {
        await deps.dispatch('sso.signIn.cancel', { flowId });
        return deps.notify(title, opened.error.message);
      }
    }
    const done = await deps.dispatch('sso.signIn.wait', { flowId });
    deps.notify(title, done.ok ? `Signed in until ${new Date(done.value.expiresAt).toLocaleTimeString()}.` : done.error.message);
  };

  return async (action) => {
    switch (action.type) {
      case 'use':
      case 'refresh': {
        if (action.type === 'use' && action.confirm) {
          const yes = await deps.confirm(`Use the production profile "${action.profile}" as the default?`, 'Every AWS tool that uses the default profile will act on production.');
          if (!yes) return;
        }
        // A refresh renews what the user already chose (and confirmed) as the default.
        const confirmProduction = action.type === 'refresh' || action.confirm;
        const result = await deps.dispatch('credentials.use', confirmProduction ? { profile: action.profile, confirmProduction: true } : { profile: action.profile });
        if (report(action.profile, result)) deps.touchRecent(action.profile);
        deps.changed();
        return;
      }
      case 'restoreDefault': {
        const result = await deps.dispatch('credentials.restoreDefault', {});
        if (result.ok) deps.notify('Hatrack', `Your own keys are the default again (from ${result.value.restoredFrom}).`);
        else deps.notify('Hatrack: switch back', result.error.message);
        deps.changed();
        return;
      }
      case 'ssoSignIn': {
        await signInFromTray(action.target);
        deps.changed();
        return;
      }
      case 'assume': {
        const result = await deps.dispatch('credentials.assume', { profile: action.profile });
        if (report(action.profile, result)) {
          deps.touchRecent(action.profile);
          const value = result.ok ? result.value : null;
          deps.notify(`Hatrack: ${action.profile}`, value?.expiresAt ? `Temporary credentials ready until ${new Date(value.expiresAt).toLocaleTimeString()}.` : 'Credentials ready.');
        }
        return;
      }
      case 'console': {
        // Like the row's Console button: where this profile last opened (region and service).
        const result = await deps.dispatch('console.open', { profile: action.profile, lastChoice: true });
        if (report(action.profile, result)) deps.touchRecent(action.profile);
        return;
      }
      case 'copyExport': {
        const result = await deps.dispatch('credentials.envSnippet', { profile: action.profile });
        if (report(action.profile, result) && result.ok) deps.writeClipboard(result.value.text);
        return;
      }
      case 'edit':
        deps.showWindow(profileRoute(action.profile));
        return;
      case 'doctor':
        deps.showWindow('#/doctor');
        return;
      case 'open':
        deps.showWindow();
        return;
      case 'quit':
        deps.quit();
        return;
      default: {
        const never: never = action;
        throw new Error(`unknown tray action ${JSON.stringify(never)}`);
      }
    }
  };
}
