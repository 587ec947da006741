// The one-click profile actions (Use, Assume, Console, Copy env, favourite), with MFA and production confirmation handled.
import { useMemo, useRef } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { isClientError } from '../../platform/desktop-client.js';
import type { ProfileSummary } from '../../platform/types.js';
import { usePrompts } from '../mfa/prompts.js';
import { useRunningCalls } from '../progress/running-calls.js';
import type { DefaultPairRole } from '../default-original/default-pair.js';
import { useSsoSignIn } from '../sso/sign-in-provider.js';
import { useChooseConsole } from '../console/console-dialog-context.js';
import type { ConsoleWhere } from '../console/console-dialog-context.js';

export interface ProfileActions {
  /** The three network actions show progress and errors on the profile (running-calls); true when they succeeded. */
  use(name: string): Promise<boolean>;
  assume(name: string): Promise<boolean>;
  /** Opens the console where the dialog says, or (without `where`) where this profile last opened. */
  console(name: string, where?: ConsoleWhere): Promise<boolean>;
  /** Shows the "Open console…" dialog (region, service, separate browser profile). */
  chooseConsole(name: string): void;
  copyEnv(name: string): Promise<void>;
  toggleFavourite(p: ProfileSummary): Promise<void>;
  /** Opens the IAM Identity Center sign-in dialog for the profile's session. */
  signIn(name: string): Promise<void>;
  /** Makes the user's own keys (kept as default-original) the [default] again. */
  switchBack(): Promise<void>;
}

/** An SSO profile whose token is missing or ran out for good: its primary action is Sign in, not Use. */
export function needsSignIn(p: ProfileSummary): boolean {
  return p.capabilities.signIn.ok && p.sso != null && !p.sso.signedIn;
}

function until(expiresAt: string | null): string {
  if (expiresAt === null) return '';
  const d = new Date(expiresAt);
  return ` until ${d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
}

/**
 * Why the profile cannot take an action, for its tooltip; undefined when it can. Core's kinds table decides both
 * (ProfileSummary.capabilities); the window never re-derives them from the kind.
 */
export function whyNot(p: ProfileSummary, capability: keyof ProfileSummary['capabilities']): string | undefined {
  const c = p.capabilities[capability];
  return c.ok ? undefined : `${p.name} ${c.reason ?? 'cannot do this'}.`;
}

/** What a profile row can do: each action with the capability that gates it (null = always possible). */
export type RowActionId = 'signIn' | 'switchBack' | 'use' | 'assume' | 'console' | 'consoleIn' | 'copyEnv' | 'edit';

export interface RowAction {
  readonly id: RowActionId;
  /** The row button's word ("Use"). */
  readonly short: string;
  /** The menu item's words ("Use as default"). */
  readonly menuLabel: string;
  /** The row button's accessible name, naming the profile ("Use dev as default"). */
  readonly a11yLabel: (name: string) => string;
  readonly capability: keyof ProfileSummary['capabilities'] | null;
}

export const ROW_ACTIONS: Readonly<Record<RowActionId, RowAction>> = {
  signIn: { id: 'signIn', short: 'Sign in', menuLabel: 'Sign in to IAM Identity Center', a11yLabel: (n) => `Sign in for ${n}`, capability: 'signIn' },
  switchBack: { id: 'switchBack', short: 'Switch back', menuLabel: 'Switch back to your own keys', a11yLabel: (n) => `Switch back to your own keys (from ${n})`, capability: null },
  use: { id: 'use', short: 'Use', menuLabel: 'Use as default', a11yLabel: (n) => `Use ${n} as default`, capability: 'use' },
  assume: { id: 'assume', short: 'Assume', menuLabel: 'Assume now', a11yLabel: (n) => `Assume ${n}`, capability: 'assume' },
  console: { id: 'console', short: 'Console', menuLabel: 'Open AWS console', a11yLabel: (n) => `Open console for ${n}`, capability: 'console' },
  consoleIn: { id: 'consoleIn', short: 'Console…', menuLabel: 'Open console in…', a11yLabel: (n) => `Choose where to open the console for ${n}`, capability: 'console' },
  copyEnv: { id: 'copyEnv', short: 'Copy env', menuLabel: 'Copy env variables', a11yLabel: (n) => `Copy env for ${n}`, capability: null },
  edit: { id: 'edit', short: 'Edit', menuLabel: 'Edit…', a11yLabel: (n) => `Edit ${n}`, capability: null },
};

/**
 * The row's one button: the first action in this order the profile can take. Keys and roles get Use (a role can be
 * Assumed from the menu); a kind that cannot resolve credentials (settings only, aws login) gets Edit, so every row
 * has exactly one enabled primary action. An SSO profile whose token is missing or ran out for good gets Sign in
 * first: Use would only fail until it is signed in. The two rows of a switched default (features/default-original)
 * get Switch back: Use on either would only make another managed copy.
 */
export const PRIMARY_ACTION_ORDER: readonly { readonly id: RowActionId; readonly when: (p: ProfileSummary, pair: DefaultPairRole | null) => boolean }[] = [
  { id: 'signIn', when: needsSignIn },
  { id: 'switchBack', when: (_p, pair) => pair !== null },
  { id: 'use', when: (p) => p.capabilities.use.ok },
  { id: 'assume', when: (p) => p.capabilities.assume.ok },
  { id: 'console', when: (p) => p.capabilities.console.ok },
  { id: 'edit', when: () => true },
];

export function primaryAction(p: ProfileSummary, pair: DefaultPairRole | null = null): RowAction {
  const first = PRIMARY_ACTION_ORDER.find((a) => a.when(p, pair));
  return ROW_ACTIONS[first?.id ?? 'edit'];
}

/** The row's other actions, in menu order, each enabled or disabled with the reason. */
export function secondaryActions(p: ProfileSummary, pair: DefaultPairRole | null = null): readonly { readonly action: RowAction; readonly disabledReason: string | undefined }[] {
  const primary = primaryAction(p, pair).id;
  // Sign in is offered only while it is needed; a signed-in SSO profile signs in again from the Identity Center screen.
  const useOrBack: RowActionId = pair === null ? 'use' : 'switchBack';
  const order: readonly RowActionId[] = needsSignIn(p) ? ['signIn', useOrBack, 'assume', 'console', 'consoleIn', 'copyEnv', 'edit'] : [useOrBack, 'assume', 'console', 'consoleIn', 'copyEnv', 'edit'];
  return order
    .filter((id) => id !== primary)
    .map((id) => {
      const action = ROW_ACTIONS[id];
      return { action, disabledReason: action.capability === null ? undefined : whyNot(p, action.capability) };
    });
}

/** Runs a row action; `edit` opens the editor, which is the screen's business, not the actions'. */
export function runRowAction(actions: ProfileActions, id: Exclude<RowActionId, 'edit'>, name: string): Promise<unknown> {
  switch (id) {
    case 'signIn':
      return actions.signIn(name);
    case 'switchBack':
      return actions.switchBack();
    case 'use':
      return actions.use(name);
    case 'assume':
      return actions.assume(name);
    case 'console':
      return actions.console(name);
    case 'consoleIn':
      actions.chooseConsole(name);
      return Promise.resolve();
    case 'copyEnv':
      return actions.copyEnv(name);
  }
}

export function useProfileActions(): ProfileActions {
  const client = useClient();
  const status = useStatus();
  const prompts = usePrompts();
  const app = useAppState();
  const ssoSignIn = useSsoSignIn();
  const { run } = useRunningCalls();
  const chooseConsole = useChooseConsole();
  // Read at click time: depending on the list itself would give every row new actions on each reload.
  const list = useRef(app.list);
  list.current = app.list;
  return useMemo<ProfileActions>(() => {
    const signIn = async (name: string): Promise<void> => {
      const session = list.current?.profiles.find((x) => x.name === name)?.sso?.session ?? null;
      // Main resolves the profile's session (or legacy start URL) itself; the session name only titles the dialog.
      await ssoSignIn({ profile: name }, session ?? name);
    };
    // An SSO error's next step on the row: the sign-in dialog for that profile.
    const signInFor = (name: string) => () => void signIn(name);
    return {
      use(name) {
        return run(name, 'use', async (callId) => {
          let confirmProduction = false;
          for (;;) {
            try {
              const r = await prompts.withMfa(name, (mfaCode) =>
                client.call('credentials.use', { profile: name, callId, ...(confirmProduction ? { confirmProduction: true } : {}), ...(mfaCode !== undefined ? { mfaCode } : {}) }),
              );
              if (r === null) return;
              status.info(`Default profile is now ${r.profile}${until(r.expiresAt)}.`);
              await app.reload();
              return;
            } catch (e) {
              if (isClientError(e) && e.code === 'NEEDS_CONFIRMATION' && !confirmProduction) {
                const ok = await prompts.confirm({
                  title: 'Use a production profile?',
                  message: `${name} is marked as production. Every AWS command without --profile will act on production until you switch back.`,
                  confirmLabel: 'Use production',
                  danger: true,
                });
                if (!ok) return;
                confirmProduction = true;
                continue;
              }
              throw e;
            }
          }
        }, signInFor(name));
      },
      assume(name) {
        return run(name, 'assume', async (callId) => {
          const r = await prompts.withMfa(name, (mfaCode) => client.call('credentials.assume', { profile: name, callId, ...(mfaCode !== undefined ? { mfaCode } : {}) }));
          if (r === null) return;
          status.info(`Assumed ${r.roleArn ?? name}${until(r.expiresAt)}.`);
          await app.reload();
        }, signInFor(name));
      },
      console(name, where) {
        // The row's button and the switcher open where this profile last opened; the dialog says exactly where.
        const place =
          where === undefined
            ? { lastChoice: true }
            : { region: where.region, ...(where.service !== undefined ? { service: where.service } : {}), ...(where.separateProfile ? { separateProfile: true, ...(where.browser !== undefined ? { browser: where.browser } : {}) } : {}) };
        return run(name, 'console', async (callId) => {
          const r = await prompts.withMfa(name, (mfaCode) => client.call('console.open', { profile: name, callId, ...place, ...(mfaCode !== undefined ? { mfaCode } : {}) }));
          if (r === null) return;
          const inWhat = r.browser != null ? `a separate ${r.browser} profile` : 'your browser';
          status.info(r.opened ? `Opened the AWS console for ${name} in ${inWhat}.` : `The console for ${name} could not be opened.`);
        }, signInFor(name));
      },
      chooseConsole,
      async copyEnv(name) {
        try {
          const r = await client.call('credentials.envSnippet', { profile: name });
          await client.copyText(r.text);
          status.info(`Copied “${r.text.trim().split('\n')[0] ?? ''}” to the clipboard.`);
        } catch (e) {
          status.error(e);
        }
      },
      async toggleFavourite(p) {
        try {
          await client.call('settings.update', { profiles: { [p.name]: { favourite: !p.favourite } } });
          await app.reload();
        } catch (e) {
          status.error(e);
        }
      },
      signIn,
      async switchBack() {
        try {
          const r = await client.call('credentials.restoreDefault', {});
          status.info(`Your own keys are the default again (${r.restoredFrom} is [default] once more).`);
          await app.reload();
        } catch (e) {
          status.error(e);
        }
      },
    };
  }, [client, status, prompts, app.reload, ssoSignIn, run, chooseConsole]);
}
