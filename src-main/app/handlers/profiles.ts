// The profiles domain's IPC handlers (plain Node): list, detail, preview/apply of an edit, the audited reveal.

import { HatrackError } from '../../../shared/domain/errors.js';
import { isSecretKey, maskSecret } from '../../../shared/domain/secrets.js';
import type { AwsFilesView } from '../../core/awsfiles/aws-files.js';
import type { Profile } from '../../core/awsfiles/profiles.js';
import { stringSetting } from '../../core/awsfiles/profiles.js';
import { problemJson } from '../../core/profile-views.js';
import { loadSettings } from '../../core/settings/settings.js';
import { readKeyFacts } from '../../core/keys/key-facts-cache.js';
import { activeIdentity } from '../../core/switch/active-identity.js';
import { defaultState } from '../../core/switch/managed-default.js';
import { keptUserDefault } from '../../core/switch/restore-default.js';
import type { Handlers } from '../../ipc/dispatch.js';
import { blockingProblems, editFor, maskedSectionLines, summaryOf, wireFileChanges } from '../wire.js';
import type { ListContext } from '../wire.js';
import { profileSsoStates } from '../sso-state.js';
import type { HandlerContext } from './context.js';
import { requireProfile } from './context.js';

export type ProfilesHandlers = Pick<Handlers, 'profiles.list' | 'profiles.get' | 'profiles.preview' | 'profiles.apply' | 'profiles.reveal'>;

export function createProfilesHandlers({ env, files, log, applyEdit, ssoSignInNotices, keyChecks }: HandlerContext): ProfilesHandlers {
  async function listContext(view: AwsFilesView, profiles: readonly Profile[]): Promise<ListContext> {
    const state = defaultState(view.docs);
    return {
      ssoStates: await profileSsoStates(env, view.model, profiles),
      blocking: blockingProblems(view.problems),
      settings: loadSettings(files.dataDir),
      // What IAM last said; a key never checked has no age yet (the background pass below asks).
      keyFacts: { cache: readKeyFacts(files.dataDir), now: env.now() },
      managedDefault: state.managedProfile,
      defaultExpiresAt: state.expiresAt ?? null,
    };
  }

  return {
    'profiles.list': async () => {
      const view = files.view();
      const ctx = await listContext(view, view.model.profiles);
      // An SSO row that needs a new sign-in is also worth a notification when the window is hidden (once per token).
      ssoSignInNotices.observe([...ctx.ssoStates.values()].map((s) => ({ name: s.session ?? s.startUrl, needsSignIn: !s.signedIn && s.expiresAt !== null, expiresAt: s.expiresAt })));
      keyChecks.listed();
      return {
        files: { config: view.paths.config, credentials: view.paths.credentials },
        profiles: view.model.profiles.map((p) => summaryOf(p, ctx)),
        problems: view.problems.map((p) => problemJson(p, view)),
        defaultIdentity: {
          profile: ctx.managedDefault ?? (view.model.byName.has('default') ? 'default' : null),
          managed: ctx.managedDefault !== undefined,
          expiresAt: ctx.defaultExpiresAt,
          keptAs: keptUserDefault(view.docs) ?? null,
        },
        // The app's own environment stands in for a new terminal's (launched from the same login session).
        activeIdentity: activeIdentity({
          vars: env.vars,
          model: view.model,
          managedDefault: ctx.managedDefault,
          defaultExpiresAt: ctx.defaultExpiresAt,
          keyFacts: ctx.keyFacts.cache,
          now: ctx.keyFacts.now,
        }),
      };
    },
    'profiles.get': async ({ name }) => {
      const view = files.view();
      const profile = requireProfile(view, name);
      const settings: Record<string, string | Record<string, string>> = {};
      for (const [k, v] of profile.settings) settings[k] = typeof v === 'string' && isSecretKey(k) ? maskSecret(v) : v;
      return {
        ...summaryOf(profile, await listContext(view, [profile])),
        settings,
        sections: [...maskedSectionLines(view, profile, 'config'), ...maskedSectionLines(view, profile, 'credentials')],
        referencedBy: view.model.profiles.filter((p) => p.name !== name && stringSetting(p.settings, 'source_profile') === name).map((p) => p.name),
        problems: view.problems.filter((p) => p.profile === name).map((p) => problemJson(p, view)),
      };
    },
    'profiles.preview': async ({ edit }) => {
      const edited = editFor(edit);
      const report = files.edit((docs) => ({ docs: edited(docs), result: undefined }), { dryRun: true });
      return { files: wireFileChanges(report.files) };
    },
    'profiles.apply': async ({ edit }) => applyEdit(editFor(edit)),
    'profiles.reveal': async ({ name, key }) => {
      const profile = requireProfile(files.view(), name);
      const value = stringSetting(profile.settings, key);
      if (value === undefined) throw new HatrackError('BAD_REQUEST', `Profile "${name}" has no ${key}.`);
      // Audited: the fact is logged in main, never the value.
      log.info(`revealed ${key} of profile "${name}" to the window`);
      return { value };
    },
  };
}
