// `hatrack doctor`'s best-practice checks: pure functions over a snapshot of the files, settings, file modes,
// keychain and (optionally) caller identities; any runtime, no I/O.

import { ageInDays, keyAgeLevel } from '../../../shared/domain/key-age.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import type { WriteProtection } from '../awsfiles/fs-primitives.js';
import type { Problem } from '../awsfiles/problems.js';
import type { Profile, ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { Settings } from '../settings/settings.js';
import { isProduction } from '../settings/settings.js';
import { managedMarker } from '../switch/managed-default.js';
import { isVaultCommand } from '../vault/vault-edits.js';

export type FindingSeverity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'CREDENTIALS_FILE_PERMISSIONS'
  | 'CONFIG_FILE_PERMISSIONS'
  | 'AWS_DIR_PERMISSIONS'
  | 'PLAINTEXT_KEYS'
  | 'KEY_TOO_OLD'
  | 'KEY_AGE_UNKNOWN'
  | 'PRODUCTION_DEFAULT'
  | 'PRODUCTION_ROLE_WITHOUT_MFA'
  | 'ROOT_ACCESS_KEYS'
  | 'SHARED_ACCESS_KEY'
  | 'SECURITY_TOKEN_LEFTOVER'
  | 'FILE_BREAKS_CLI'
  | 'VAULT_ENTRY_MISSING'
  | 'VAULT_ENTRY_UNUSED'
  | 'FILE_NOT_REGULAR'
  | 'FILE_READ_ONLY';

/** What `doctor --fix` can do by itself. Advice that needs a decision (vault add, rotate) stays text in `fix`. */
export type FixAction = (
  | { readonly kind: 'chmod'; readonly path: string; readonly mode: number }
  | { readonly kind: 'file-fix'; readonly problemId: string }
) & {
  /** What a button that applies it says: a few plain words (the window's Doctor), never a command line. */
  readonly label: string;
};

export interface Finding {
  readonly code: FindingCode;
  readonly severity: FindingSeverity;
  readonly profile: string | null;
  readonly message: string;
  /** One line saying how to fix it (a command to run, or what `--fix` will do), or null. */
  readonly fix: string | null;
  /** Set when `doctor --fix` can apply the fix safely. */
  readonly action: FixAction | null;
}

export interface FileMode {
  readonly path: string;
  /** Permission bits (st_mode & 0o777). */
  readonly mode: number;
}

/** One AWS file's path as Hatrack would write it. */
export interface FileAccess {
  readonly kind: 'config' | 'credentials';
  readonly path: string;
  /** What is at the path when it is not a regular file ('FIFO (named pipe)', 'character device'…). */
  readonly special: string | undefined;
  /** The file, or the folder it is replaced in, lacks its owner's write permission. */
  readonly readOnly: WriteProtection | undefined;
}

export interface VaultedKey {
  readonly profile: string;
  readonly accessKeyId: string;
}

export interface DoctorContext {
  readonly docs: AwsDocs;
  readonly model: ProfileModel;
  readonly problems: readonly Problem[];
  readonly settings: Settings;
  readonly platform: NodeJS.Platform;
  readonly modes: { readonly config?: FileMode | undefined; readonly credentials?: FileMode | undefined; readonly awsDir?: FileMode | undefined };
  /** undefined when the keychain was not reachable (the vault checks are then skipped). */
  readonly vault: readonly VaultedKey[] | undefined;
  /** IAM's CreateDate by access key id, from the key-facts cache (keys never checked, or IAM would not say: absent). */
  readonly keyCreateDates: ReadonlyMap<string, Date>;
  readonly now: Date;
  /** GetCallerIdentity ARNs by profile (doctor --online). */
  readonly callerArns?: ReadonlyMap<string, string> | undefined;
  /** The files' paths: special files and write protection. */
  readonly access?: readonly FileAccess[] | undefined;
}

const octal = (mode: number): string => `0${(mode & 0o777).toString(8)}`;
const SECRETS = ['aws_secret_access_key', 'aws_session_token', 'aws_security_token'];

function hasSecretIn(settings: ReadonlyMap<string, unknown> | undefined): boolean {
  return settings !== undefined && SECRETS.some((k) => settings.has(k));
}

/** Long-term keys: an access key id and secret with no session token. */
function longTermKeyId(p: Profile): string | undefined {
  const id = stringSetting(p.settings, 'aws_access_key_id');
  if (id === undefined || !p.settings.has('aws_secret_access_key')) return undefined;
  if (p.settings.has('aws_session_token') || p.settings.has('aws_security_token')) return undefined;
  return id;
}

/** The profile a Hatrack-managed [default] copies (from its marker line), if [default] is managed. */
function managedDefaultProfile(ctx: DoctorContext): string | undefined {
  const def = ctx.model.byName.get('default');
  if (def === undefined) return undefined;
  for (const [file, occs] of [['credentials', def.credentialsSections], ['config', def.configSections]] as const) {
    for (const occ of occs) {
      const name = managedMarker(ctx.docs[file], occ)?.profile;
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

/** Owner-only; a file its owner made read-only stays read-only (that is a choice, see accessChecks). */
function privateMode(mode: number): number {
  return (mode & 0o200) === 0 ? 0o400 : 0o600;
}

/** What makes Hatrack leave a file alone: something other than a file at its path, or no write permission. */
function accessChecks(ctx: DoctorContext): Finding[] {
  const out: Finding[] = [];
  for (const f of ctx.access ?? []) {
    if (f.special !== undefined) {
      out.push({
        code: 'FILE_NOT_REGULAR',
        severity: 'error',
        profile: null,
        message: `${f.path} is a ${f.special}, not a regular file: the AWS CLI reads the ${f.kind} file as absent (no profile in it is used), and Hatrack will not read or replace it.`,
        fix: `Replace ${f.path} with a regular file (or point ${f.kind === 'config' ? 'AWS_CONFIG_FILE' : 'AWS_SHARED_CREDENTIALS_FILE'} at one).`,
        action: null,
      });
    } else if (f.readOnly !== undefined) {
      const ro = f.readOnly;
      const what = ro.what === 'file' ? `${f.path} is read-only (${octal(ro.mode)})` : `${ro.path}, the folder holding ${f.path}, is read-only (${octal(ro.mode)})`;
      out.push({
        code: 'FILE_READ_ONLY',
        severity: 'warning',
        profile: null,
        message: `${what}: Hatrack takes that as "do not touch" and refuses every change to the ${f.kind} file (set, use, rotate, vault add…) with FILE_READ_ONLY.`,
        fix: `If changes are welcome: chmod u+w ${ro.path}`,
        action: null,
      });
    }
  }
  return out;
}

function permissionChecks(ctx: DoctorContext): Finding[] {
  if (ctx.platform === 'win32') return []; // POSIX modes mean nothing there; NTFS ACLs are out of scope.
  const out: Finding[] = [];
  const creds = ctx.modes.credentials;
  if (creds !== undefined && (creds.mode & 0o077) !== 0) {
    const mode = privateMode(creds.mode);
    out.push({
      code: 'CREDENTIALS_FILE_PERMISSIONS',
      severity: 'error',
      profile: null,
      message: `${creds.path} is ${octal(creds.mode)}: other users on this machine can read it.`,
      fix: `chmod ${mode.toString(8)} ${creds.path}`,
      action: { kind: 'chmod', path: creds.path, mode, label: 'Make private' },
    });
  }
  const config = ctx.modes.config;
  const configHoldsSecrets = ctx.model.profiles.some((p) => hasSecretIn(p.configSettings));
  if (config !== undefined && configHoldsSecrets && (config.mode & 0o077) !== 0) {
    const mode = privateMode(config.mode);
    out.push({
      code: 'CONFIG_FILE_PERMISSIONS',
      severity: 'error',
      profile: null,
      message: `${config.path} holds secret keys and is ${octal(config.mode)}: other users on this machine can read it.`,
      fix: `chmod ${mode.toString(8)} ${config.path}`,
      action: { kind: 'chmod', path: config.path, mode, label: 'Make private' },
    });
  }
  const dir = ctx.modes.awsDir;
  if (dir !== undefined && (dir.mode & 0o077) !== 0) {
    out.push({
      code: 'AWS_DIR_PERMISSIONS',
      severity: 'warning',
      profile: null,
      message: `${dir.path} is ${octal(dir.mode)}: other users can list it (and read any file in it created with a loose mode).`,
      fix: `chmod 700 ${dir.path}`,
      action: { kind: 'chmod', path: dir.path, mode: 0o700, label: 'Make folder private' },
    });
  }
  return out;
}

function keyChecks(ctx: DoctorContext, managed: string | undefined): Finding[] {
  const out: Finding[] = [];
  const owners = new Map<string, string[]>();
  const own = (id: string, profile: string): void => {
    const list = owners.get(id) ?? [];
    if (!list.includes(profile)) list.push(profile);
    owners.set(id, list);
  };
  const maxDays = ctx.settings.app.keyMaxAgeDays;
  const ageCheck = (profile: string, id: string): void => {
    const created = ctx.keyCreateDates.get(id);
    if (created === undefined) {
      out.push({ code: 'KEY_AGE_UNKNOWN', severity: 'info', profile, message: `The age of access key ${id} of profile "${profile}" is unknown until IAM is asked.`, fix: `hatrack keys ${profile}`, action: null });
      return;
    }
    const days = ageInDays(created, ctx.now);
    if (keyAgeLevel(days, maxDays) === 'alarm') {
      out.push({
        code: 'KEY_TOO_OLD',
        severity: 'warning',
        profile,
        message: `Access key ${id} of profile "${profile}" is ${days} days old (rotate from ${maxDays}).`,
        fix: `hatrack rotate ${profile}`,
        action: null,
      });
    }
  };
  const isManagedDefault = (name: string): boolean => name === 'default' && managed !== undefined;
  for (const p of ctx.model.profiles) {
    const id = longTermKeyId(p);
    if (id === undefined || isManagedDefault(p.name)) continue;
    own(id, p.name);
    ageCheck(p.name, id);
    out.push({
      code: 'PLAINTEXT_KEYS',
      severity: 'warning',
      profile: p.name,
      message: `Profile "${p.name}" keeps its long-term secret key in plain text in the ${p.credentialsSettings?.has('aws_secret_access_key') === true ? 'credentials' : 'config'} file.`,
      fix: `hatrack vault add ${p.name}`,
      action: null,
    });
  }
  for (const v of ctx.vault ?? []) {
    own(v.accessKeyId, v.profile);
    ageCheck(v.profile, v.accessKeyId);
  }
  for (const [id, profiles] of owners) {
    if (profiles.length < 2) continue;
    out.push({
      code: 'SHARED_ACCESS_KEY',
      severity: 'warning',
      profile: profiles[0]!,
      message: `Access key ${id} is used by ${profiles.length} profiles (${profiles.join(', ')}): rotating it in one leaves the others broken, and their activity cannot be told apart.`,
      fix: `Keep one profile with the key and point the others at it with source_profile, or give each its own key.`,
      action: null,
    });
  }
  return out;
}

function accountOf(arn: string | undefined): string | undefined {
  const parts = arn?.split(':');
  return parts !== undefined && parts.length >= 6 && /^\d{12}$/.test(parts[4]!) ? parts[4] : undefined;
}

function productionChecks(ctx: DoctorContext, managed: string | undefined): Finding[] {
  const out: Finding[] = [];
  const prod = (name: string): boolean => isProduction(ctx.settings, name);
  const def = ctx.model.byName.get('default');
  if (managed !== undefined && prod(managed)) {
    out.push({
      code: 'PRODUCTION_DEFAULT',
      severity: 'warning',
      profile: 'default',
      message: `[default] holds the credentials of production profile "${managed}": every command that names no profile acts on production.`,
      fix: 'hatrack use <a non-production profile>',
      action: null,
    });
  } else if (def !== undefined && managed === undefined) {
    const id = stringSetting(def.settings, 'aws_access_key_id');
    const twin = id === undefined ? undefined : ctx.model.profiles.find((p) => p.name !== 'default' && prod(p.name) && stringSetting(p.settings, 'aws_access_key_id') === id);
    const vaultTwin = id === undefined ? undefined : ctx.vault?.find((v) => v.profile !== 'default' && prod(v.profile) && v.accessKeyId === id);
    const name = twin?.name ?? vaultTwin?.profile;
    if (name !== undefined) {
      out.push({
        code: 'PRODUCTION_DEFAULT',
        severity: 'warning',
        profile: 'default',
        message: `[default] uses the same access key as production profile "${name}": every command that names no profile acts on production.`,
        fix: 'Remove the keys from [default] (or hatrack use <a non-production profile>).',
        action: null,
      });
    }
  }
  // Accounts known to be production: those of production profiles' roles, account ids and SSO accounts.
  const prodAccounts = new Set<string>();
  for (const p of ctx.model.profiles) {
    if (!prod(p.name)) continue;
    for (const a of [accountOf(stringSetting(p.settings, 'role_arn')), stringSetting(p.settings, 'aws_account_id'), stringSetting(p.settings, 'sso_account_id')]) {
      if (a !== undefined) prodAccounts.add(a);
    }
  }
  for (const p of ctx.model.profiles) {
    if (p.kind !== 'role' || p.settings.has('mfa_serial')) continue;
    const account = accountOf(stringSetting(p.settings, 'role_arn'));
    if (!prod(p.name) && (account === undefined || !prodAccounts.has(account))) continue;
    out.push({
      code: 'PRODUCTION_ROLE_WITHOUT_MFA',
      severity: 'warning',
      profile: p.name,
      message: `Role profile "${p.name}" reaches production${account === undefined ? '' : ` account ${account}`} without mfa_serial, so no MFA code is asked for.`,
      fix: `hatrack set ${p.name} mfa_serial=arn:aws:iam::<your account>:mfa/<device> (and require aws:MultiFactorAuthPresent in the role's trust policy)`,
      action: null,
    });
  }
  return out;
}

function rootChecks(ctx: DoctorContext): Finding[] {
  const out: Finding[] = [];
  for (const [profile, arn] of ctx.callerArns ?? []) {
    if (!arn.endsWith(':root')) continue;
    out.push({
      code: 'ROOT_ACCESS_KEYS',
      severity: 'error',
      profile,
      message: `Profile "${profile}" holds access keys of the root user of account ${accountOf(arn) ?? '?'}; root keys cannot be limited by any policy.`,
      fix: 'Create an IAM user or role for this work, then delete the root access key in the console (Security credentials).',
      action: null,
    });
  }
  return out;
}

function vaultChecks(ctx: DoctorContext): Finding[] {
  if (ctx.vault === undefined) return [];
  const out: Finding[] = [];
  const stored = new Set(ctx.vault.map((v) => v.profile));
  for (const p of ctx.model.profiles) {
    if (!isVaultCommand(stringSetting(p.settings, 'credential_process'), p.name) || stored.has(p.name)) continue;
    out.push({
      code: 'VAULT_ENTRY_MISSING',
      severity: 'error',
      profile: p.name,
      message: `Profile "${p.name}" gets its keys from the Hatrack vault, but the keychain has no entry for it: every AWS call with it fails.`,
      fix: `hatrack set ${p.name} aws_access_key_id=... aws_secret_access_key=... then hatrack unset ${p.name} credential_process`,
      action: null,
    });
  }
  for (const v of ctx.vault) {
    const p = ctx.model.byName.get(v.profile);
    if (p !== undefined && isVaultCommand(stringSetting(p.settings, 'credential_process'), v.profile)) continue;
    out.push({
      code: 'VAULT_ENTRY_UNUSED',
      severity: 'info',
      profile: v.profile,
      message: `The keychain holds keys for profile "${v.profile}" (${v.accessKeyId}), but no profile uses them.`,
      fix: `hatrack vault remove ${v.profile} (puts the keys back into the files)`,
      action: null,
    });
  }
  return out;
}

function problemChecks(ctx: DoctorContext): Finding[] {
  const out: Finding[] = [];
  for (const p of ctx.problems) {
    if (p.code !== 'SECURITY_TOKEN_LEFTOVER' && !p.breaksCli) continue;
    const action: FixAction | null = p.fix === undefined ? null : { kind: 'file-fix', problemId: p.id, label: p.fix.title };
    out.push({
      code: p.breaksCli ? 'FILE_BREAKS_CLI' : 'SECURITY_TOKEN_LEFTOVER',
      severity: p.breaksCli ? 'error' : 'warning',
      profile: p.profile ?? null,
      message: p.breaksCli ? `${p.file} line ${p.line} (${p.code}): ${p.message} Every AWS CLI command fails until it is fixed.` : `${p.file} line ${p.line}: ${p.message}`,
      fix: p.fix === undefined ? 'Edit the line by hand (hatrack list shows it).' : `${p.fix.title} (hatrack fix ${p.id})`,
      action,
    });
  }
  return out;
}

const ORDER: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding, errors first, in a stable order. */
export function runChecks(ctx: DoctorContext): Finding[] {
  const managed = managedDefaultProfile(ctx);
  const all = [...problemChecks(ctx), ...accessChecks(ctx), ...permissionChecks(ctx), ...rootChecks(ctx), ...vaultChecks(ctx), ...keyChecks(ctx, managed), ...productionChecks(ctx, managed)];
  return all.map((f, i) => [f, i] as const).sort((a, b) => ORDER[a[0].severity] - ORDER[b[0].severity] || a[1] - b[1]).map(([f]) => f);
}
