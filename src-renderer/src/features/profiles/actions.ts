// The one-click profile actions (Use, Assume, Console, Copy env, favourite), with MFA and production confirmation handled.
import { useMemo, useRef } from 'react';
import { useAppState } from '../../app/app-state.js';
import { useStatus } from '../../components/status.js';
import { useClient } from '../../platform/client-context.js';
import { isClientError } from '../../platform/desktop-client.js';
import type { ProfileSummary } from '../../platform/types.js';
import { usePrompts } from '../mfa/prompts.js';
import { useSsoSignIn } from '../sso/sign-in-provider.js';

export interface ProfileActions {
  use(name: string): Promise<void>;
  assume(name: string): Promise<void>;
  console(name: string): Promise<void>;
  copyEnv(name: string): Promise<void>;
  toggleFavourite(p: ProfileSummary): Promise<void>;
  /** Opens the IAM Identity Center sign-in dialog for the profile's session. */
  signIn(name: string): Promise<void>;
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

export function useProfileActions(): ProfileActions {
  const client = useClient();
  const status = useStatus();
  const prompts = usePrompts();
  const app = useAppState();
  const ssoSignIn = useSsoSignIn();
  // Read at click time: depending on the list itself would give every row new actions on each reload.
  const list = useRef(app.list);
  list.current = app.list;
  return useMemo<ProfileActions>(
    () => ({
      async use(name) {
        try {
          let confirmProduction = false;
          for (;;) {
            try {
              const r = await prompts.withMfa(name, (mfaCode) =>
                client.call('credentials.use', { profile: name, ...(confirmProduction ? { confirmProduction: true } : {}), ...(mfaCode !== undefined ? { mfaCode } : {}) }),
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
        } catch (e) {
          status.error(e);
        }
      },
      async assume(name) {
        try {
          const r = await prompts.withMfa(name, (mfaCode) => client.call('credentials.assume', { profile: name, ...(mfaCode !== undefined ? { mfaCode } : {}) }));
          if (r === null) return;
          status.info(`Assumed ${r.roleArn ?? name}${until(r.expiresAt)}.`);
          await app.reload();
        } catch (e) {
          status.error(e);
        }
      },
      async console(name) {
        try {
          const r = await prompts.withMfa(name, (mfaCode) => client.call('console.open', { profile: name, ...(mfaCode !== undefined ? { mfaCode } : {}) }));
          if (r === null) return;
          status.info(r.opened ? `Opened the AWS console for ${name} in your browser.` : `The console for ${name} could not be opened.`);
        } catch (e) {
          status.error(e);
        }
      },
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
      async signIn(name) {
        const session = list.current?.profiles.find((x) => x.name === name)?.sso?.session ?? null;
        // Main resolves the profile's session (or legacy start URL) itself; the session name only titles the dialog.
        await ssoSignIn({ profile: name }, session ?? name);
      },
    }),
    [client, status, prompts, app.reload, ssoSignIn],
  );
}
