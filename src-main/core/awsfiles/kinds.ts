// The one table of profile kinds (pure, any runtime): how botocore recognises each (spec §4.2) and what Hatrack can do with it.
//
// Adding a kind (SSO login is next): its name in PROFILE_KINDS (shared/ipc/schemas.ts), one row in KIND_ROWS below at the
// place botocore's precedence gives it, one resolver in RESOLVERS (core/sts/resolve.ts), and its label in the renderer
// (components/badges.tsx). The compiler refuses a kind that misses any of the four; nothing else decides what a kind can do.
//
// Modelled on Granted's ordered assumer list (specific types first, generic last) and aws-vault's single precedence over
// named predicates: the first row whose predicate holds names the kind.

import type { Capabilities, Capability, ProfileKind } from '../../../shared/ipc/schemas.js';
import type { SettingValue } from './ini-reading.js';

export type { Capabilities, Capability, CapabilityName, ProfileKind } from '../../../shared/ipc/schemas.js';

type Settings = ReadonlyMap<string, SettingValue>;

/** `merged` is botocore's merged profile; `inCredentialsFile` the credentials file's section alone, if any. */
export type KindPredicate = (merged: Settings, inCredentialsFile: Settings | undefined) => boolean;

export interface KindRow {
  readonly kind: ProfileKind;
  /** The botocore provider the row stands for, so a reader can check the order against credentials.py. */
  readonly provider: string;
  /** An assume-role provider: a source profile that holds static keys skips these rows (spec §5.2). */
  readonly assumesRole: boolean;
  readonly recognise: KindPredicate;
  readonly capabilities: (merged: Settings) => Capabilities;
}

// ---- Named predicates: each key test is written here once. ----

export const assumeRoleConfigured: KindPredicate = (s) => s.has('role_arn') && !s.has('web_identity_token_file');
export const webIdentityConfigured: KindPredicate = (s) => s.has('role_arn') && s.has('web_identity_token_file');
export const ssoConfigured: KindPredicate = (s) => s.has('sso_role_name') || s.has('sso_account_id');
export const keysInCredentialsFile: KindPredicate = (_s, c) => c !== undefined && (c.has('aws_access_key_id') || c.has('aws_secret_access_key'));
export const loginConfigured: KindPredicate = (s) => s.has('login_session');
export const processConfigured: KindPredicate = (s) => s.has('credential_process');
/** Static keys anywhere in the merged profile (botocore's ConfigProvider sees the merged view). */
export const hasStaticKeys: KindPredicate = (s) => s.has('aws_access_key_id') || s.has('aws_secret_access_key');
const always: KindPredicate = () => true;

/** Session credentials (ASIA… with a token) are not an IAM access key: no CreateDate, nothing to rotate. */
export const hasSessionToken = (s: Settings): boolean => s.has('aws_session_token') || s.has('aws_security_token');

// ---- Reasons. Each reads after the profile's name: `Profile "dev" ${reason}.` (resolve.ts throws exactly that). ----

export const LOGIN_REASON = 'uses "aws login" (login_session), which Hatrack cannot resolve yet';
export const NO_CREDENTIALS_REASON = 'has no credentials (no keys, role, SSO or credential_process)';
const COMPUTE_SOURCES = new Set(['Ec2InstanceMetadata', 'EcsContainer']);
export function computeSourceReason(credentialSource: string): string {
  return `uses credential_source = ${credentialSource}, which only works on AWS compute`;
}

const ALLOWED: Capability = Object.freeze({ ok: true, reason: null });
function refused(reason: string): Capability {
  return Object.freeze({ ok: false, reason });
}

const NOT_SSO = refused('is not an IAM Identity Center (SSO) profile, so there is nothing to sign in to');
const NO_MFA_ASSUME = refused('holds long-term keys without mfa_serial; temporary keys without MFA would add nothing these keys lack');
const SESSION_VAULT = refused('holds temporary credentials (a session token); the vault is for long-term access keys');
const SESSION_ROTATE = refused('holds session credentials; only long-term access keys (AKIA…) can be rotated');
const PROCESS_VAULT = refused('already has a credential_process; remove it first');
const NO_KEY_ID = refused('has no aws_access_key_id');

/** The capabilities of a kind that gets its credentials some other way than keys of its own. */
function notKeys(how: string, use: Capability, signIn: Capability): Capabilities {
  return Object.freeze({
    use,
    assume: use,
    console: use,
    export: use,
    vault: refused(`${how}; only long-term access keys in the files can move to the keychain`),
    rotate: refused(`${how}; only long-term access keys in the files can be rotated`),
    signIn,
  });
}

const ROLE = notKeys('gets its credentials by assuming a role', ALLOWED, NOT_SSO);
const WEB_IDENTITY = notKeys('assumes a role with a web identity token', ALLOWED, NOT_SSO);
const SSO = notKeys('gets its credentials from IAM Identity Center (SSO)', ALLOWED, ALLOWED);
const PROCESS = notKeys('gets its credentials from credential_process', ALLOWED, NOT_SSO);
const LOGIN = notKeys('uses "aws login" (login_session)', refused(LOGIN_REASON), NOT_SSO);
const NOTHING = refused(NO_CREDENTIALS_REASON);
const SETTINGS: Capabilities = Object.freeze({
  use: NOTHING,
  assume: NOTHING,
  console: NOTHING,
  export: NOTHING,
  vault: refused('has no access keys to move to the keychain'),
  rotate: refused('has no access keys to rotate'),
  signIn: NOT_SSO,
});

function roleCapabilities(s: Settings): Capabilities {
  const source = s.get('credential_source');
  if (typeof source !== 'string' || !COMPUTE_SOURCES.has(source)) return ROLE;
  return notKeys('gets its credentials by assuming a role', refused(computeSourceReason(source)), NOT_SSO);
}

function staticCapabilities(s: Settings): Capabilities {
  const session = hasSessionToken(s);
  const keyId = s.has('aws_access_key_id');
  return {
    use: ALLOWED,
    // The window's rule: Assume on plain keys is GetSessionToken, worth it only with MFA.
    assume: s.has('mfa_serial') ? ALLOWED : NO_MFA_ASSUME,
    console: ALLOWED,
    export: ALLOWED,
    vault: session ? SESSION_VAULT : s.has('credential_process') ? PROCESS_VAULT : keyId ? ALLOWED : NO_KEY_ID,
    rotate: session ? SESSION_ROTATE : keyId ? ALLOWED : NO_KEY_ID,
    signIn: NOT_SSO,
  };
}

const SETTINGS_ROW = { kind: 'settings', provider: '(none: not a credential source)', assumesRole: false, recognise: always, capabilities: () => SETTINGS } as const;

/**
 * botocore's order for an explicitly named profile (ProfileProviderBuilder after AssumeRoleProvider): the first row whose
 * predicate holds names the kind. Static keys appear twice because botocore reads the credentials file before
 * `aws login` and credential_process, and the config file after them.
 */
export const KIND_ROWS = [
  { kind: 'role', provider: 'AssumeRoleProvider', assumesRole: true, recognise: assumeRoleConfigured, capabilities: roleCapabilities },
  { kind: 'web-identity', provider: 'AssumeRoleWithWebIdentityProvider', assumesRole: true, recognise: webIdentityConfigured, capabilities: () => WEB_IDENTITY },
  { kind: 'sso', provider: 'SSOProvider', assumesRole: false, recognise: ssoConfigured, capabilities: () => SSO },
  { kind: 'static', provider: 'SharedCredentialProvider', assumesRole: false, recognise: keysInCredentialsFile, capabilities: staticCapabilities },
  { kind: 'login', provider: 'LoginProvider', assumesRole: false, recognise: loginConfigured, capabilities: () => LOGIN },
  { kind: 'process', provider: 'ProcessProvider', assumesRole: false, recognise: processConfigured, capabilities: () => PROCESS },
  { kind: 'static', provider: 'ConfigProvider', assumesRole: false, recognise: hasStaticKeys, capabilities: staticCapabilities },
  SETTINGS_ROW,
] as const satisfies readonly KindRow[];

/** Compiles only while every kind shared names has a row above. */
type EveryKindHasARow<Missing extends never> = Missing;
export type KindRowsAreComplete = EveryKindHasARow<Exclude<ProfileKind, (typeof KIND_ROWS)[number]['kind']>>;

function rowOf(merged: Settings, inCredentialsFile: Settings | undefined, skipRoles: boolean): KindRow {
  for (const row of KIND_ROWS as readonly KindRow[]) {
    if (skipRoles && row.assumesRole) continue;
    if (row.recognise(merged, inCredentialsFile)) return row;
  }
  return SETTINGS_ROW; // unreachable: the settings row always matches
}

/** The provider botocore's ProfileProviderBuilder reaches first for an explicitly named profile. */
export function credentialKind(merged: Settings, inCredentialsFile: Settings | undefined): ProfileKind {
  return rowOf(merged, inCredentialsFile, false).kind;
}

/** The kind without the assume-role rows: how a source profile that holds static keys is resolved (spec §5.2). */
export function nonRoleKind(merged: Settings, inCredentialsFile: Settings | undefined): ProfileKind {
  return rowOf(merged, inCredentialsFile, true).kind;
}

/** The kind is reached by assuming a role (its profile is one hop of a role chain). */
export function assumesRole(kind: ProfileKind): boolean {
  return (KIND_ROWS as readonly KindRow[]).some((row) => row.kind === kind && row.assumesRole);
}

/** What Hatrack can do with a profile, from the row that recognises it. */
export function profileCapabilities(profile: { readonly settings: Settings; readonly credentialsSettings: Settings | undefined }): Capabilities {
  return rowOf(profile.settings, profile.credentialsSettings, false).capabilities(profile.settings);
}
