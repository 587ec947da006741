// createAppCore(deps): the one composition root (Electron main, tests, the browser e2e host); plain Node, no electron.

import { HatrackError, isHatrackError } from '../shared/domain/errors.js';
import { isSecretKey, maskSecret, maskSecretLine } from '../shared/domain/secrets.js';
import type { EventName, EventPayload, RequestOf, ResponseOf } from '../shared/ipc/contract.js';
import type { EditRequest, FileChange as WireFileChange, ProfileSummary } from '../shared/ipc/schemas.js';
import type { AwsDocs } from './core/awsfiles/aws-docs.js';
import type { AwsFilesService, AwsFilesView, FileChange } from './core/awsfiles/aws-files.js';
import { createAwsFiles } from './core/awsfiles/aws-files.js';
import { addProfile, removeProfile, renameProfile, setProfileValues } from './core/awsfiles/edits.js';
import { applyAllFixes, applyFix } from './core/awsfiles/fixes.js';
import type { Profile } from './core/awsfiles/profiles.js';
import { stringSetting } from './core/awsfiles/profiles.js';
import type { Environment } from './core/environment.js';
import type { CredentialsEngine } from './core/sts/index.js';
import type { FetchLike } from './core/sts/console-url.js';
import type { StsGateway } from './core/sts/sts-gateway.js';
import type { MfaSessionCache } from './core/sts/mfa-session.js';
import type { Dispatch, Handlers } from './ipc/dispatch.js';
import { createDispatch } from './ipc/dispatch.js';
import { problemJson, profileSummary } from './core/profile-views.js';
import { recordFirstSeen, staticKeyIds } from './core/sts/key-age-cache.js';
import { isProduction, loadSettings, updateSettings } from './core/settings/settings.js';
import type { Settings } from './core/settings/settings.js';
import { defaultState } from './core/switch/managed-default.js';
import { useProfile } from './core/switch/use-profile.js';
import { envSnippet } from './core/switch/env-snippet.js';
import { rotateProfileKey } from './core/sts/rotate-profile.js';
import type { Finding } from './core/doctor/checks.js';
import type { RoleSetupRequest } from './core/role-setup/role-setup.js';
import type { SecretStore } from './core/vault/secret-store.js';
import { vaultService } from './core/vault/vault-entry.js';
import { lineText } from './core/awsfiles/ini-document.js';

export interface AppCoreLog {
  readonly info: (message: string) => void;
  readonly error: (channel: string, detail: string) => void;
}

export interface AppCoreDeps {
  readonly env: Environment;
  readonly dataDir?: string | undefined;
  /** Opens a sign-in URL in the user's browser (Electron: shell.openExternal behind the allow-list). */
  readonly openExternal: (url: string) => Promise<void>;
  readonly log?: AppCoreLog | undefined;
  /** Test seams: a fake or moto-backed STS/IAM gateway, and the HTTP fetch used for the sign-in endpoint. */
  readonly gateway?: StsGateway | undefined;
  readonly fetch?: FetchLike | undefined;
  /** Watch the AWS files and push `files.changed` (default true). */
  readonly watchFiles?: boolean | undefined;
  readonly version?: string | undefined;
  /** process.versions.electron when running in the desktop shell. */
  readonly electronVersion?: string | undefined;
}

export interface AppCore {
  readonly dispatch: Dispatch;
  readonly handlers: Handlers;
  readonly files: AwsFilesService;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  dispose(): void;
}

function wireFinding(f: Finding): ResponseOf<'doctor.run'>['findings'][number] {
  return { code: f.code, severity: f.severity, profile: f.profile, message: f.message, fix: f.fix };
}

function roleSetupRequest(r: RequestOf<'roleSetup.plan'>): RoleSetupRequest {
  return { sourceProfile: r.source, targetAccount: r.account, roleName: r.role, mfa: r.mfa, externalId: r.externalId, profileName: r.profileName, sourceAccount: r.sourceAccount };
}

const silentLog: AppCoreLog = { info: () => undefined, error: () => undefined };

/** The pure edit an EditRequest stands for, shared by preview and apply so both see exactly the same change. */
export function editFor(request: EditRequest): (docs: AwsDocs) => AwsDocs {
  switch (request.type) {
    case 'set':
      return (docs) => setProfileValues(docs, request.profile, Object.entries(request.values));
    case 'add':
      return (docs) => addProfile(docs, request.profile, Object.entries(request.values));
    case 'remove':
      return (docs) => removeProfile(docs, request.profile, request.force);
    case 'rename':
      return (docs) => renameProfile(docs, request.from, request.to);
    case 'fix':
      return (docs) => applyFix(docs, request.problemId);
    case 'fixAll':
      return (docs) => applyAllFixes(docs).docs;
  }
}

export function wireFileChanges(files: readonly FileChange[]): WireFileChange[] {
  return files.map((f) => ({ kind: f.kind, path: f.path, hunks: f.diff.map((h) => ({ oldStart: h.oldStart, newStart: h.newStart, lines: [...h.lines] })), backupPath: f.backupPath ?? null }));
}

function requireProfile(view: AwsFilesView, name: string): Profile {
  const profile = view.model.byName.get(name);
  if (profile === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
  return profile;
}

/** A section's lines as they stand in the file, with secret values masked. */
function maskedSectionLines(view: AwsFilesView, profile: Profile, file: 'config' | 'credentials') {
  const reading = file === 'config' ? view.model.config : view.model.credentials;
  const occs = file === 'config' ? profile.allConfigSections : profile.credentialsSections;
  return occs.map((occ) => {
    const lines: string[] = [];
    let end = occ.endLine;
    while (end > occ.headerLine + 1 && reading.lineKinds[end - 1] === 'blank') end--;
    for (let i = occ.headerLine; i < end; i++) {
      lines.push(maskSecretLine(lineText(reading.doc, i)));
    }
    return { file, path: view.paths[file], line: occ.headerLine + 1, lines };
  });
}

/** What the list needs besides the files: settings, key ages and who [default] stands for. */
interface ListContext {
  readonly settings: Settings;
  readonly keyAges: ReadonlyMap<string, number>;
  readonly managedDefault: string | undefined;
  readonly defaultExpiresAt: string | null;
}

function summaryOf(profile: Profile, ctx: ListContext): ProfileSummary {
  const base = profileSummary(profile);
  const process = stringSetting(profile.settings, 'credential_process') ?? '';
  const prefs = ctx.settings.profiles[profile.name];
  const keyAge = base.accessKeyId === null ? undefined : ctx.keyAges.get(base.accessKeyId);
  const isDefault = ctx.managedDefault === undefined ? profile.name === 'default' : profile.name === ctx.managedDefault;
  return {
    ...base,
    sources: [...base.sources],
    kind: profile.kind,
    keyAgeDays: keyAge ?? null,
    keyAgeSource: keyAge === undefined ? null : 'first-seen',
    production: isProduction(ctx.settings, profile.name),
    favourite: prefs?.favorite === true,
    isDefault,
    sessionExpiresAt: isDefault ? ctx.defaultExpiresAt : null,
    vaulted: / credential-process --profile /.test(process),
  };
}

/** The marker `use` writes: `# managed by hatrack: profile "X", expires 2026-…Z - …`. */
function managedExpiry(view: AwsFilesView): string | null {
  const def = view.model.byName.get('default');
  const occ = def?.credentialsSections[0];
  if (occ === undefined) return null;
  const doc = view.docs.credentials;
  const marker = occ.headerLine + 1 < doc.lineCount ? lineText(doc, occ.headerLine + 1) : '';
  return /expires (\S+Z)/.exec(marker)?.[1] ?? null;
}

function settingsView(settings: Settings): ResponseOf<'settings.get'> {
  const profiles: ResponseOf<'settings.get'>['profiles'] = {};
  for (const [name, p] of Object.entries(settings.profiles)) {
    profiles[name] = { production: p.production ?? null, colour: p.color ?? null, favourite: p.favorite === true, notes: p.notes ?? '' };
  }
  const app = settings.app;
  return {
    app: {
      productionPatterns: [...app.productionPatterns],
      theme: app.theme,
      refreshLeadMinutes: app.refreshLeadMinutes,
      notifications: { sessionExpiring: app.notifications.sessionExpiry, keyAge: app.notifications.keyAge },
      launchAtLogin: app.launchAtLogin === true,
    },
    profiles,
  };
}

function applySettingsPatch(settings: Settings, patch: RequestOf<'settings.update'>): Settings {
  const app = { ...settings.app };
  if (patch.app !== undefined) {
    const a = patch.app;
    if (a.productionPatterns !== undefined) app.productionPatterns = [...a.productionPatterns];
    if (a.theme !== undefined) app.theme = a.theme;
    if (a.refreshLeadMinutes !== undefined) app.refreshLeadMinutes = a.refreshLeadMinutes;
    if (a.launchAtLogin !== undefined) app.launchAtLogin = a.launchAtLogin;
    if (a.notifications !== undefined) app.notifications = { ...app.notifications, sessionExpiry: a.notifications.sessionExpiring, keyAge: a.notifications.keyAge };
  }
  const profiles = { ...settings.profiles };
  for (const [name, p] of Object.entries(patch.profiles ?? {})) {
    const next = { ...(profiles[name] ?? {}) };
    if (p.production !== undefined) {
      if (p.production === null) delete next.production;
      else next.production = p.production;
    }
    if (p.colour !== undefined) {
      if (p.colour === null) delete next.color;
      else next.color = p.colour;
    }
    if (p.favourite !== undefined) next.favorite = p.favourite;
    if (p.notes !== undefined) next.notes = p.notes;
    profiles[name] = next;
  }
  return { ...settings, app, profiles };
}

export function createAppCore(deps: AppCoreDeps): AppCore {
  const log = deps.log ?? silentLog;
  const env = deps.env;
  const files = createAwsFiles(env, deps.dataDir === undefined ? {} : { dataDir: deps.dataDir });
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let engine: Promise<CredentialsEngine> | undefined;

  // The AWS SDK is loaded on first use only: listing and editing profiles never pays for it. MFA sessions live
  // in the keychain when one is reachable (one code per device per working day, across restarts), else in memory.
  const credentialsEngine = (): Promise<CredentialsEngine> =>
    (engine ??= (async () => {
      const { createCredentialsEngine } = await import('./core/sts/index.js');
      let mfaSessions: MfaSessionCache | undefined;
      try {
        const { createKeychainMfaSessionCache } = await import('./core/vault/keychain-mfa-cache.js');
        mfaSessions = createKeychainMfaSessionCache(await secretStore(), vaultService(env.vars), env.now);
      } catch {
        mfaSessions = undefined; // no keychain: the engine keeps sessions in memory for this run
      }
      return createCredentialsEngine({ env, dataDir: files.dataDir, gateway: deps.gateway, fetch: deps.fetch, mfaSessions });
    })());

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  const unwatch = deps.watchFiles === false ? () => undefined : files.watch((change) => emit('files.changed', { kind: change.kind, path: change.path }));

  // The keychain is opened once per app: the OS may ask the user to unlock it, and asking twice is the top
  // complaint against aws-vault and Leapp.
  let store: Promise<SecretStore> | undefined;
  const secretStore = (): Promise<SecretStore> => {
    store ??= import('./core/vault/keyring-secret-store.js').then(({ createKeyringSecretStore }) => createKeyringSecretStore({ platform: env.platform, vars: env.vars }));
    store.catch(() => (store = undefined));
    return store;
  };
  const vaultDeps = async () => {
    const { currentRuntime } = await import('./core/vault/process-command.js');
    return { files, store: await secretStore(), service: vaultService(env.vars), runtime: currentRuntime(env.cliEntry), now: env.now };
  };
  const doctorFindings = async () => {
    const [{ gatherDoctorContext }, { runChecks }] = await Promise.all([import('./core/doctor/gather.js'), import('./core/doctor/checks.js')]);
    const gathered = await gatherDoctorContext({ env, files, openStore: secretStore, service: vaultService(env.vars) });
    return runChecks(gathered.context);
  };

  function listContext(view: AwsFilesView): ListContext {
    const state = defaultState(view.docs);
    return {
      settings: loadSettings(files.dataDir),
      keyAges: recordFirstSeen(files.dataDir, staticKeyIds(view.model.profiles), env.now()),
      managedDefault: state.managedProfile,
      defaultExpiresAt: state.managedProfile === undefined ? null : managedExpiry(view),
    };
  }

  function applyEdit(edit: (docs: AwsDocs) => AwsDocs) {
    const report = files.edit((docs) => ({ docs: edit(docs), result: undefined }));
    return { changed: report.changed, files: wireFileChanges(report.files) };
  }

  const handlers: Handlers = {
    'app.info': async () => ({ version: deps.version ?? '0.1.0', platform: env.platform, dataDir: files.dataDir, electron: deps.electronVersion ?? null }),
    'profiles.list': async () => {
      const view = files.view();
      const ctx = listContext(view);
      return {
        files: { config: view.paths.config, credentials: view.paths.credentials },
        profiles: view.model.profiles.map((p) => summaryOf(p, ctx)),
        problems: view.problems.map((p) => problemJson(p, view)),
        defaultIdentity: {
          profile: ctx.managedDefault ?? (view.model.byName.has('default') ? 'default' : null),
          managed: ctx.managedDefault !== undefined,
          expiresAt: ctx.defaultExpiresAt,
        },
      };
    },
    'profiles.get': async ({ name }) => {
      const view = files.view();
      const profile = requireProfile(view, name);
      const settings: Record<string, string | Record<string, string>> = {};
      for (const [k, v] of profile.settings) settings[k] = typeof v === 'string' && isSecretKey(k) ? maskSecret(v) : v;
      return {
        ...summaryOf(profile, listContext(view)),
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
    'credentials.envSnippet': async ({ profile, shell }) => {
      requireProfile(files.view(), profile);
      return { text: envSnippet(profile, shell) };
    },
    'credentials.assume': async ({ profile, mfaCode }) => {
      const view = files.view();
      requireProfile(view, profile);
      const creds = await (await credentialsEngine()).resolve(view.model, profile, { mfaCode });
      return { profile, accessKeyId: creds.accessKeyId, expiresAt: creds.expiration?.toISOString() ?? null, roleArn: creds.roleArn ?? null, chained: creds.chained };
    },
    'credentials.use': async ({ profile, confirmProduction, keepDefaultAs, mfaCode }) => {
      const engine = await credentialsEngine();
      const result = await useProfile(
        { files, isProduction: (name) => isProduction(loadSettings(files.dataDir), name), resolve: (model, name) => engine.resolve(model, name, { mfaCode }), verify: engine.identityOf },
        { profile, keepDefaultAs, confirmProduction: confirmProduction === true },
      );
      emit('default.changed', { profile: result.profile, expiresAt: result.expiresAt });
      return { profile: result.profile, expiresAt: result.expiresAt, keptDefaultAs: result.plan.movedDefaultTo ?? null, accountId: result.identity?.account ?? null, arn: result.identity?.arn ?? null };
    },
    'console.open': async ({ profile, region, service, mfaCode }) => {
      const view = files.view();
      requireProfile(view, profile);
      const login = await (await credentialsEngine()).consoleUrl(view.model, profile, { region, service, mfaCode });
      await deps.openExternal(login.url);
      return { opened: true, partition: login.partition, expiresAt: login.expiresAt.toISOString() };
    },
    'keys.info': async ({ profile }) => {
      const view = files.view();
      requireProfile(view, profile);
      const info = await (await credentialsEngine()).accessKeyInfo(view.model, profile);
      return { ...info, userName: info.userName ?? null };
    },
    'keys.rotate': async ({ profile, keepOld, deleteKeyId }) => {
      requireProfile(files.view(), profile);
      const steps: ResponseOf<'keys.rotate'>['steps'] = [];
      const outcome = await rotateProfileKey({ files, rotate: (await credentialsEngine()).rotate }, profile, {
        keepOld,
        deleteKeyId,
        onStep: (e) => {
          const step = { profile, step: e.step, status: e.status, detail: e.detail ?? null };
          steps.push(step);
          emit('rotation.step', step);
        },
      });
      if (outcome.ok) return { ok: true, newAccessKeyId: outcome.newAccessKeyId, steps, message: null };
      return { ok: false, newAccessKeyId: outcome.newAccessKeyId ?? null, steps, message: outcome.error.message };
    },
    'vault.list': async () => {
      try {
        const { vaultList } = await import('./core/vault/vault.js');
        const items = await vaultList({ files, store: await secretStore(), service: vaultService(env.vars) });
        return { available: true, reason: null, profiles: items.map((i) => ({ profile: i.profile, accessKeyId: i.accessKeyId })) };
      } catch (e) {
        if (isHatrackError(e) && e.code === 'KEYCHAIN_UNAVAILABLE') return { available: false, reason: e.message, profiles: [] };
        throw e;
      }
    },
    'vault.add': async ({ profile }) => {
      const { vaultAdd } = await import('./core/vault/vault.js');
      const result = await vaultAdd(await vaultDeps(), profile);
      return { profile: result.profile, files: wireFileChanges(result.files) };
    },
    'vault.remove': async ({ profile }) => {
      const { vaultRemove } = await import('./core/vault/vault.js');
      const result = await vaultRemove(await vaultDeps(), profile);
      return { profile: result.profile, files: wireFileChanges(result.files) };
    },
    'doctor.run': async () => ({ findings: (await doctorFindings()).map(wireFinding) }),
    'doctor.fix': async ({ code, profile }) => {
      const finding = (await doctorFindings()).find((f) => f.code === code && f.profile === profile && f.action !== null);
      if (finding === undefined || finding.action === null) throw new HatrackError('NO_SAFE_FIX', `There is no automatic fix for ${code}${profile === null ? '' : ` on profile "${profile}"`}; follow its advice instead.`);
      const { applyFixAction } = await import('./core/doctor/gather.js');
      applyFixAction(files, finding.action);
      return { findings: (await doctorFindings()).map(wireFinding) };
    },
    'roleSetup.plan': async (request) => {
      const { planRoleSetup, roleSetupEdit } = await import('./core/role-setup/role-setup.js');
      const plan = planRoleSetup(files.view().model, roleSetupRequest(request));
      const preview = files.edit((docs) => ({ docs: roleSetupEdit(docs, plan), result: undefined }), { dryRun: true });
      return {
        trustPolicy: JSON.stringify(plan.trustPolicy, null, 2),
        permissionsPolicy: JSON.stringify(plan.sourcePolicy, null, 2),
        profileName: plan.profileName,
        values: Object.fromEntries(plan.profileValues.filter((v): v is readonly [string, string] => v[1] !== null)),
        files: wireFileChanges(preview.files),
      };
    },
    'roleSetup.apply': async (request) => {
      const { planRoleSetup, roleSetupEdit } = await import('./core/role-setup/role-setup.js');
      const plan = planRoleSetup(files.view().model, roleSetupRequest(request));
      return applyEdit((docs) => roleSetupEdit(docs, plan));
    },
    'settings.get': async () => settingsView(loadSettings(files.dataDir)),
    'settings.update': async (patch) => settingsView(updateSettings(files.dataDir, (current) => applySettingsPatch(current, patch))),
  };

  const dispatch = createDispatch(handlers, log, { checkResponses: env.vars['HATRACK_CHECK_RESPONSES'] === '1' });

  return {
    dispatch,
    handlers,
    files,
    on(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit,
    dispose() {
      unwatch();
      listeners.clear();
    },
  };
}

export type { RequestOf };
