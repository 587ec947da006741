// JSON views of profiles and problems that the CLI prints (and the IPC contract mirrors); secrets masked.

import { isSecretKey, maskSecret } from '../../shared/domain/secrets.js';
import type { Problem as WireProblem, ProfileSummary } from '../../shared/ipc/schemas.js';
import type { AwsFilesView } from './awsfiles/aws-files.js';
import type { SettingValue } from './awsfiles/ini-reading.js';
import { profileCapabilities } from './awsfiles/kinds.js';
import type { Problem } from './awsfiles/problems.js';
import type { Profile } from './awsfiles/profiles.js';
import { stringSetting } from './awsfiles/profiles.js';

/** One profile in `list --json`: the wire ProfileSummary's fields that the files alone decide. */
export type ProfileListJson = Pick<ProfileSummary, 'name' | 'kind' | 'region' | 'accountId' | 'roleArn' | 'sourceProfile' | 'mfaSerial' | 'accessKeyId'> & {
  readonly sources: Readonly<ProfileSummary['sources']>;
  /** Only in `list`: the access key's age in days as far as Hatrack knows it, else null. */
  readonly keyAgeDays?: number | null | undefined;
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
 * `keyAgeDays` is given by `list`; left undefined, JSON.stringify leaves the field out. No capabilities: with their
 * reasons they would nearly quadruple the output of a 5,000-profile `list --json` (1.0 MB → 3.9 MB).
 */
function listEntry(profile: Profile, keyAgeDays?: number | null): ProfileListJson {
  const s = profile.settings;
  return {
    name: profile.name,
    kind: profile.kind,
    region: profile.region ?? null,
    sources: profile.sources,
    accountId: accountIdOf(profile),
    roleArn: stringSetting(s, 'role_arn') ?? null,
    sourceProfile: stringSetting(s, 'source_profile') ?? null,
    mfaSerial: stringSetting(s, 'mfa_serial') ?? null,
    accessKeyId: stringSetting(s, 'aws_access_key_id') ?? null,
    keyAgeDays,
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
  };
}

export function maskedSettings(settings: ReadonlyMap<string, SettingValue>): Record<string, SettingValue> {
  const out: Record<string, SettingValue> = {};
  for (const [key, value] of settings) out[key] = typeof value === 'string' && isSecretKey(key) ? maskSecret(value) : value;
  return out;
}

/** Age of a static profile's access key from Hatrack's key-age cache (`hatrack keys` fills it), else null. */
function keyAgeOf(profile: Profile, keyAges: ReadonlyMap<string, number>): number | null {
  const id = profile.kind === 'static' ? stringSetting(profile.settings, 'aws_access_key_id') : undefined;
  return id === undefined ? null : (keyAges.get(id) ?? null);
}

/** One profile as `list --json` prints it (one object literal, no spread: a cold process builds thousands). */
export function listProfileJson(profile: Profile, keyAges?: ReadonlyMap<string, number>): ProfileListJson {
  return listEntry(profile, keyAges === undefined ? undefined : keyAgeOf(profile, keyAges));
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
