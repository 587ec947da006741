// The one IPC contract between renderer and main: every channel's request and response schema (zod), and events.

import { z } from 'zod';
import { REGION_PATTERN, SERVICE_SLUG_PATTERN } from '../domain/console-places.js';
import {
  DoctorFindingSchema,
  EditRequestSchema,
  EditResultSchema,
  FileChangeSchema,
  KeyInfoSchema,
  MfaCodeSchema,
  ProfileDetailSchema,
  ProfileNameSchema,
  ProfilesListSchema,
  RotationStepSchema,
  SettingsViewSchema,
  AppSettingsSchema,
  ProfileSettingsPatchSchema,
} from './schemas.js';
import {
  SsoDiscoveryProgressSchema,
  SsoDiscoverySchema,
  SsoPopulatePreviewSchema,
  SsoPopulateRequestSchema,
  SsoPopulateResultSchema,
  SsoSessionNameSchema,
  SsoSessionStateSchema,
  SsoSetupRequestSchema,
  SsoSignInResultSchema,
  SsoSignInStartSchema,
  SsoTargetSchema,
} from './sso-schemas.js';
import { SessionIdSchema, SessionSchema, SessionsListSchema } from './session-schemas.js';

const Empty = z.object({}).strict();

/** Names one running network call so `calls.cancel` can abort it (chosen by the renderer, unique per call). */
const CallIdSchema = z.string().min(1).max(64);

/** One cross-account role request: planned (dry run) and applied from the same fields, with the same messages. */
const RoleSetupRequestSchema = z
  .object({
    source: ProfileNameSchema,
    account: z.string().regex(/^\d{12}$/, 'an AWS account id is 12 digits'),
    role: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'a role name uses letters, digits and +=,.@_-'),
    mfa: z.boolean(),
    externalId: z.string().optional(),
    profileName: ProfileNameSchema.optional(),
    sourceAccount: z.string().regex(/^\d{12}$/).optional(),
  })
  .strict();

/**
 * Every channel: one request object in, one value out. Requests are strict: an unknown field is an error.
 * `mutates: true` marks a channel that may change the AWS files, the keychain or the settings: after it succeeds the
 * shell re-reads what it shows (the tray) at once instead of waiting for the file watcher, which never sees settings.
 */
export const CONTRACT = {
  'app.info': {
    request: Empty,
    response: z.object({ version: z.string(), platform: z.string(), dataDir: z.string(), electron: z.string().nullable() }),
  },
  'profiles.list': { request: Empty, response: ProfilesListSchema },
  'profiles.get': { request: z.object({ name: ProfileNameSchema }).strict(), response: ProfileDetailSchema },
  /** Exactly the lines an edit would change in each file; writes nothing. */
  'profiles.preview': { request: z.object({ edit: EditRequestSchema }).strict(), response: z.object({ files: z.array(FileChangeSchema) }) },
  'profiles.apply': { request: z.object({ edit: EditRequestSchema }).strict(), response: EditResultSchema, mutates: true },
  /** The explicit, audited reveal of one secret value (the only channel that returns a secret). */
  'profiles.reveal': {
    request: z.object({ name: ProfileNameSchema, key: z.enum(['aws_secret_access_key', 'aws_session_token']) }).strict(),
    response: z.object({ value: z.string() }),
  },
  'credentials.use': {
    request: z.object({ profile: ProfileNameSchema, confirmProduction: z.boolean().optional(), keepDefaultAs: ProfileNameSchema.optional(), mfaCode: MfaCodeSchema.optional(), callId: CallIdSchema.optional() }).strict(),
    // Who the new default is, as sts:GetCallerIdentity answered before anything was written (null when not checked).
    response: z.object({ profile: z.string(), expiresAt: z.string().nullable(), keptDefaultAs: z.string().nullable(), accountId: z.string().nullable().optional(), arn: z.string().nullable().optional() }),
    mutates: true,
  },
  /** Undoes `credentials.use`: the managed [default] goes, the user's kept keys (default-original) are [default] again. */
  'credentials.restoreDefault': {
    request: z.object({ keptAs: ProfileNameSchema.optional() }).strict(),
    response: z.object({ restoredFrom: z.string(), replacedProfile: z.string() }),
    mutates: true,
  },
  'credentials.assume': {
    request: z.object({ profile: ProfileNameSchema, mfaCode: MfaCodeSchema.optional(), callId: CallIdSchema.optional() }).strict(),
    response: z.object({ profile: z.string(), accessKeyId: z.string(), expiresAt: z.string().nullable(), roleArn: z.string().nullable(), chained: z.boolean() }),
  },
  /** Shell text for `export AWS_PROFILE=…` — never the keys themselves. */
  'credentials.envSnippet': {
    request: z.object({ profile: ProfileNameSchema, shell: z.enum(['posix', 'fish', 'powershell']).optional() }).strict(),
    response: z.object({ text: z.string() }),
  },
  /**
   * Opens the federated console in the browser from main; the sign-in URL never crosses to the renderer. `lastChoice`
   * opens where this profile last opened (region and service given here win); `separateProfile` opens it in the AWS
   * profile's own browser profile (of `browser`, an id from console.browsers, or the first one found). On success main
   * remembers the region and service in the recents and as the profile's last choice.
   */
  'console.open': {
    request: z
      .object({
        profile: ProfileNameSchema,
        region: z.string().regex(REGION_PATTERN, 'not an AWS region name').optional(),
        service: z.string().regex(SERVICE_SLUG_PATTERN, 'not a console service slug').optional(),
        lastChoice: z.boolean().optional(),
        separateProfile: z.boolean().optional(),
        browser: z.string().min(1).max(40).optional(),
        mfaCode: MfaCodeSchema.optional(),
        callId: CallIdSchema.optional(),
      })
      .strict(),
    // `browser`: the name of the browser it opened in with a profile of its own; null for the default browser.
    response: z.object({ opened: z.boolean(), partition: z.string(), expiresAt: z.string().nullable(), browser: z.string().nullable().optional() }),
    // It writes the recents and the last choice to Hatrack's settings.
    mutates: true,
  },
  /** The installed browsers that can keep a browser profile per AWS profile; `reason` says why none can. */
  'console.browsers': {
    request: Empty,
    response: z.object({ browsers: z.array(z.object({ id: z.string(), name: z.string(), separateProfiles: z.boolean() })), reason: z.string().nullable() }),
  },
  /** Forgets the console recents and every profile's last choice; answers the settings as they now are. */
  'console.clearRecents': { request: Empty, response: SettingsViewSchema, mutates: true },
  /** Aborts the running call that was started with this `callId` (it then fails with CANCELLED); false when none runs. */
  'calls.cancel': { request: z.object({ callId: CallIdSchema }).strict(), response: z.object({ cancelled: z.boolean() }) },
  'keys.info': { request: z.object({ profile: ProfileNameSchema, callId: CallIdSchema.optional() }).strict(), response: KeyInfoSchema },
  /**
   * Asks IAM about every access key now (not only stale ones); answers when the pass is done, progress as
   * `keys.checkProgress`. Cancelled: the keys checked so far stay cached, the rest is not asked, and it fails CANCELLED.
   * `reason`: the first failed key's sentence (null when none failed).
   */
  'keys.checkAll': {
    request: z.object({ callId: CallIdSchema.optional() }).strict(),
    response: z.object({ checked: z.number().int(), failed: z.number().int(), reason: z.string().nullable() }),
  },
  /** Cancel (`callId`) is honoured until the rotation's first change in IAM (POINT_OF_NO_RETURN), then ignored. */
  'keys.rotate': {
    request: z.object({ profile: ProfileNameSchema, keepOld: z.boolean().optional(), deleteKeyId: z.string().optional(), callId: CallIdSchema.optional() }).strict(),
    response: z.object({ ok: z.boolean(), newAccessKeyId: z.string().nullable(), steps: z.array(RotationStepSchema), message: z.string().nullable() }),
    mutates: true,
  },
  'vault.list': { request: Empty, response: z.object({ available: z.boolean(), reason: z.string().nullable(), profiles: z.array(z.object({ profile: z.string(), accessKeyId: z.string() })) }) },
  'vault.add': { request: z.object({ profile: ProfileNameSchema }).strict(), response: z.object({ profile: z.string(), files: z.array(FileChangeSchema) }), mutates: true },
  'vault.remove': { request: z.object({ profile: ProfileNameSchema }).strict(), response: z.object({ profile: z.string(), files: z.array(FileChangeSchema) }), mutates: true },
  'doctor.run': { request: z.object({ online: z.boolean().optional() }).strict(), response: z.object({ findings: z.array(DoctorFindingSchema) }) },
  'doctor.fix': { request: z.object({ code: z.string(), profile: z.string().nullable() }).strict(), response: z.object({ findings: z.array(DoctorFindingSchema) }), mutates: true },
  'roleSetup.plan': {
    request: RoleSetupRequestSchema,
    response: z.object({ trustPolicy: z.string(), permissionsPolicy: z.string(), profileName: z.string(), values: z.record(z.string(), z.string()), files: z.array(FileChangeSchema) }),
  },
  'roleSetup.apply': { request: RoleSetupRequestSchema, response: EditResultSchema, mutates: true },
  'settings.get': { request: Empty, response: SettingsViewSchema },
  'settings.update': {
    request: z.object({ app: AppSettingsSchema.partial().optional(), profiles: z.record(z.string(), ProfileSettingsPatchSchema).optional() }).strict(),
    response: SettingsViewSchema,
    mutates: true,
  },
  /** IAM Identity Center: every [sso-session] with its sign-in state (read from the token cache, no network). */
  'sso.sessions': { request: Empty, response: z.object({ sessions: z.array(SsoSessionStateSchema) }) },
  'sso.setup': { request: SsoSetupRequestSchema, response: EditResultSchema, mutates: true },
  /** Starts a device-code sign-in; answers once the code is known. The access token never crosses IPC. */
  'sso.signIn.start': { request: z.object({ target: SsoTargetSchema }).strict(), response: SsoSignInStartSchema },
  /** Opens the verification page (with the code filled in) in the browser from main. */
  'sso.signIn.openBrowser': { request: z.object({ flowId: z.string() }).strict(), response: z.object({ opened: z.boolean() }) },
  /** Answers when the sign-in ends: the token is written; a denial, expiry or cancel is an error and writes nothing. */
  'sso.signIn.wait': { request: z.object({ flowId: z.string() }).strict(), response: SsoSignInResultSchema, mutates: true },
  /** Stops polling; nothing is written. */
  'sso.signIn.cancel': { request: z.object({ flowId: z.string() }).strict(), response: z.object({ cancelled: z.boolean() }) },
  'sso.signOut': {
    request: z.object({ session: SsoSessionNameSchema }).strict(),
    response: z.object({ tokensRemoved: z.number().int(), credentialsRemoved: z.number().int() }),
    mutates: true,
  },
  /**
   * Every account and role the session can reach (progress as `sso.discovery.progress`); kept in main for populate.
   * `calls.cancel` with its `callId` stops every portal request at once (it then fails CANCELLED, nothing is kept).
   */
  'sso.discover': { request: z.object({ session: SsoSessionNameSchema, callId: CallIdSchema.optional() }).strict(), response: SsoDiscoverySchema },
  /** The profiles populate would write for the picked pairs (of the last discovery), as a diff; writes nothing. */
  'sso.populate.preview': { request: SsoPopulateRequestSchema, response: SsoPopulatePreviewSchema },
  'sso.populate.apply': { request: SsoPopulateRequestSchema, response: SsoPopulateResultSchema, mutates: true },
  /** Every session Hatrack obtained in this run, and the managed [default]: metadata only, soonest expiry first. */
  'sessions.list': { request: Empty, response: SessionsListSchema },
  /** Obtains the session again (the managed default: `use` of the same profile again, so [default] is rewritten). */
  'sessions.refresh': {
    request: z.object({ id: SessionIdSchema, mfaCode: MfaCodeSchema.optional(), callId: CallIdSchema.optional() }).strict(),
    response: z.object({ session: SessionSchema }),
    mutates: true,
  },
  /** Drops a session from the list (an MFA device session also from the cache); never touches the AWS files. */
  'sessions.forget': { request: z.object({ id: SessionIdSchema }).strict(), response: z.object({ forgotten: z.boolean() }), mutates: true },
} as const;

export type Channel = keyof typeof CONTRACT;
export const CHANNELS = Object.keys(CONTRACT) as Channel[];
export type RequestOf<C extends Channel> = z.infer<(typeof CONTRACT)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof CONTRACT)[C]['response']>;

/** Whether a channel is marked `mutates: true` in CONTRACT. */
export function mutates(channel: Channel): boolean {
  const spec: { readonly request: unknown; readonly mutates?: boolean } = CONTRACT[channel];
  return spec.mutates === true;
}

/** Events main pushes to the renderer. */
export const EVENTS = {
  'files.changed': z.object({ kind: z.enum(['config', 'credentials']), path: z.string() }),
  'session.expiring': z.object({ profile: z.string(), expiresAt: z.string() }),
  'default.changed': z.object({ profile: z.string().nullable(), expiresAt: z.string().nullable() }),
  'rotation.step': RotationStepSchema,
  'sso.discovery.progress': SsoDiscoveryProgressSchema,
  /** A session's sign-in ran out and cannot be refreshed: the user must sign in again. */
  'sso.signInNeeded': z.object({ session: z.string(), message: z.string() }),
  /** A background (or requested) pass asked IAM about access keys; the list re-reads ages and account names. */
  'keys.checked': z.object({ checked: z.number().int(), failed: z.number().int() }),
  /** A session was obtained, refreshed or forgotten (or [default] switched): the sessions panel lists them again. */
  'sessions.changed': z.object({}),
  /** A key check pass's progress: `done` of `total` keys answered (or failed) so far. */
  'keys.checkProgress': z.object({ done: z.number().int(), total: z.number().int() }),
} as const;

export type EventName = keyof typeof EVENTS;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;

export const IpcErrorSchema = z.object({ code: z.string(), message: z.string() });
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** Electron drops custom fields of errors thrown across invoke (electron/electron#24427), so errors travel as values. */
export type Envelope<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** The API the preload exposes as `window.hatrack` (and the browser test host as the same shape). */
export type HatrackApi = {
  readonly [C in Channel]: (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>>;
} & {
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
};

/** The Electron IPC channel a contract channel travels on (one ipcMain.handle per contract channel). */
export function ipcChannelName(channel: Channel): string {
  return `hatrack:${channel}`;
}

/** The one IPC channel main pushes events on; the preload fans them out by event name. */
export const IPC_EVENT = 'hatrack:event';
