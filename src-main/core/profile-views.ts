// JSON views of profiles and problems that the CLI prints (and the IPC contract mirrors); secrets masked.

import { isSecretKey, maskSecret } from '../../shared/domain/secrets.js';
import type { Problem as WireProblem, ProfileSummary } from '../../shared/ipc/schemas.js';
import type { AwsFilesView } from './awsfiles/aws-files.js';
import type { SettingValue } from './awsfiles/ini-reading.js';
import { profileCapabilities } from './awsfiles/kinds.js';
import type { Problem } from './awsfiles/problems.js';
import type { Profile } from './awsfiles/profiles.js';
import { stringSetting } from './awsfiles/profiles.js';
import type { KeyFactsCache } from './keys/key-facts-cache.js';
import { cachedAccountName, cachedKeyAge, staticKeyId } from './keys/key-facts-cache.js';

/** One profile in `list --json`: the wire ProfileSummary's fields that the files alone decide. */
export type ProfileListJson = Pick<ProfileSummary, 'name' | 'kind' | 'region' | 'accountId' | 'roleArn' | 'sourceProfile' | 'mfaSerial' | 'accessKeyId'> & {
  readonly sources: Readonly<ProfileSummary['sources']>;
  /** Only in `list`: the access key's age in days from IAM's CreateDate (key-facts cache), else null (unknown). */
  readonly keyAgeDays?: number | null | undefined;
  /** Only in `list`: `iam` when keyAgeDays is IAM's answer, null while the age is unknown. */
  readonly keyAgeSource?: ProfileSummary['keyAgeSource'] | undefined;
  /** Only in `list`: the account's IAM alias as last checked, else null. */
  readonly accountName?: string | null | undefined;
};

/** A profile for `show --json` and the window (which adds settings, key ages and the default): with its capabilities. */
export type ProfileSummaryJson = ProfileListJson & Pick<ProfileSummary, 'capabilities'>;

export type ProblemJson = WireProblem;

const ROLE_ACCOUNT = /^arn:[\w-]+:iam::(\d{12}):/;

export function accountIdOf(profile: Profile): string | null {
  const roleArn = stringSetting(profile.settings, 'role_arn');
  const fromRole = roleArn === undefined ? undefined : ROLE_ACCOUNT.exec(roleArn)?.[1];
  return fromRole ?? stringSetting(profile.settings, 'sso_account_id') ?? stringSetting(profile.settings, 'aws_account_id') ?? null;
}

/** What the kinds table says Hatrack can do with the profile, with the files' facts about it. */
export function profileSummary(profile: Profile): ProfileSummaryJson {
  return { ...listEntry(profile), capabilities: profileCapabilities(profile) };
}

/**
 * The files' facts only (`list` adds key facts). No capabilities: with their reasons they would nearly quadruple the
 * output of a 5,000-profile `list --json` (1.0 MB → 3.9 MB).
 */
function listEntry(profile: Profile, facts?: ProfileKeyFacts): ProfileListJson {
  const s = profile.settings;
  return {
    name: profile.name,
    kind: profile.kind,
    region: profile.region ?? null,
    sources: profile.sources,
    accountId: facts === undefined ? accountIdOf(profile) : facts.accountId,
    roleArn: stringSetting(s, 'role_arn') ?? null,
    sourceProfile: stringSetting(s, 'source_profile') ?? null,
    mfaSerial: stringSetting(s, 'mfa_serial') ?? null,
    accessKeyId: stringSetting(s, 'aws_access_key_id') ?? null,
    // Left undefined without facts, so JSON.stringify leaves the fields out of `show --json`.
    keyAgeDays: facts?.keyAgeDays,
    keyAgeSource: facts?.keyAgeSource,
    accountName: facts?.accountName,
  };
}

export function problemJson(problem: Problem, view: AwsFilesView): ProblemJson {
  return {
    id: problem.id,
    file: problem.file,
    path: view.paths[problem.file],
    line: problem.line,
    code: problem.code,
    severity: problem.severity,
    breaksCli: problem.breaksCli,
    message: problem.message,
    profile: problem.profile ?? null,
    key: problem.key ?? null,
    fix: problem.fix?.title ?? null,
    effect: problem.effect,
    causeId: problem.causeId ?? null,
  };
}

export function maskedSettings(settings: ReadonlyMap<string, SettingValue>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const [key, value] of settings) out[key] = typeof value === 'string' && isSecretKey(key) ? maskSecret(value) : value;
  return out;
}

/** What IAM last said (the key-facts cache) as of `now`: ages count on Hatrack's clock. */
export interface KeyFactsView {
  readonly cache: KeyFactsCache;
  readonly now: Date;
}

export interface ProfileKeyFacts {
  readonly keyAgeDays: number | null;
  readonly keyAgeSource: 'iam' | null;
  /** The files' account id, else the one IAM named for the profile's own key. */
  readonly accountId: string | null;
  readonly accountName: string | null;
}

/** A profile's key age and account name from the cache; unknown stays null (never a made-up 0). */
export function profileKeyFacts(profile: Profile, facts: KeyFactsView): ProfileKeyFacts {
  const keyId = staticKeyId(profile);
  const keyAgeDays = keyId === undefined ? null : cachedKeyAge(facts.cache, keyId, facts.now);
  const accountId = accountIdOf(profile) ?? (keyId === undefined ? null : (facts.cache.keys[keyId]?.accountId ?? null));
  return { keyAgeDays, keyAgeSource: keyAgeDays === null ? null : 'iam', accountId, accountName: cachedAccountName(facts.cache, accountId) };
}

/**
 * One profile as `list --json` prints it; with `facts`, its key age and account name from the cache (no network).
 * One object literal, no spread: a cold process builds thousands.
 */
export function listProfileJson(profile: Profile, facts?: KeyFactsView): ProfileListJson {
  return listEntry(profile, facts === undefined ? undefined : profileKeyFacts(profile, facts));
}

export function showJson(view: AwsFilesView, profile: Profile): object {
  const sections = [
    ...profile.allConfigSections.map((o) => ({ file: 'config', path: view.paths.config, line: o.headerLine + 1, header: `[${o.name}]` })),
    ...profile.credentialsSections.map((o) => ({ file: 'credentials', path: view.paths.credentials, line: o.headerLine + 1, header: `[${o.name}]` })),
  ];
  const referencedBy = view.model.profiles.filter((p) => p.name !== profile.name && stringSetting(p.settings, 'source_profile') === profile.name).map((p) => p.name);
  return {
    ...profileSummary(profile),
    settings: maskedSettings(profile.settings),
    sections,
    referencedBy,
    problems: view.problems.filter((p) => p.profile === profile.name).map((p) => problemJson(p, view)),
  };
}

/** Pretty JSON for a person at a terminal, compact JSON for a program (5,000 profiles print 3× faster). */
export function jsonText(value: unknown, ctx: { readonly io: { readonly stdoutIsTty?: boolean } }): string {
  return ctx.io.stdoutIsTty === true ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}
