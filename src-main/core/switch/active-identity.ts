// Which identity the AWS CLI and SDKs would use in a new terminal, and why (spec §1.3, §4.2); plain Node.
//
// A new terminal inherits the environment the user's shell gives it; the app can only see its own process
// environment, which is the best stand-in it has (launched from the same login session). Precedence:
//   1. AWS_ACCESS_KEY_ID (with AWS_SECRET_ACCESS_KEY) — the AWS CLI uses these keys even when AWS_PROFILE is set
//      (botocore drops env keys only for an explicit --profile); the JS SDK prefers AWS_PROFILE when both are set.
//   2. AWS_PROFILE, then AWS_DEFAULT_PROFILE (CLI v2 order; botocore/CLI v1 read AWS_DEFAULT_PROFILE first and the
//      JS SDK not at all).
//   3. the [default] profile (which `hatrack use` may have filled with another profile's session).

import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { KeyFactsCache } from '../keys/key-facts-cache.js';
import { cachedAccountName } from '../keys/key-facts-cache.js';
import { profileKeyFacts } from '../profile-views.js';

export type ActiveIdentitySource = 'env-keys' | 'env-profile' | 'default' | 'none';

export interface ActiveIdentity {
  readonly source: ActiveIdentitySource;
  /** The environment variable that decided it (AWS_ACCESS_KEY_ID, AWS_PROFILE, AWS_DEFAULT_PROFILE), else null. */
  readonly variable: string | null;
  /** The profile the tools load: the one the variable names, or `default`; null for environment keys or none. */
  readonly profile: string | null;
  /** False when the variable names a profile the files do not have (every AWS command then fails). */
  readonly profileFound: boolean;
  /** When [default] is Hatrack-managed: the profile `use` filled it from. */
  readonly standsFor: string | null;
  readonly accountId: string | null;
  readonly accountName: string | null;
  /** The role's name when the identity is a role (from role_arn). */
  readonly roleName: string | null;
  /** When the managed default's session expires. */
  readonly expiresAt: string | null;
  /** Where the AWS CLI and the SDKs disagree about this environment, in one sentence; else null. */
  readonly note: string | null;
}

export interface ActiveIdentityInput {
  readonly vars: Readonly<Record<string, string | undefined>>;
  readonly model: ProfileModel;
  readonly managedDefault: string | undefined;
  readonly defaultExpiresAt: string | null;
  readonly keyFacts: KeyFactsCache;
  readonly now: Date;
}

const set = (v: string | undefined): v is string => v !== undefined && v.trim() !== '';

/** The role name at the end of a role ARN (paths dropped), else null. */
export function roleNameOf(roleArn: string | undefined): string | null {
  const m = roleArn === undefined ? null : /^arn:[\w-]+:iam::\d{12}:role\/(?:.*\/)?([^/]+)$/.exec(roleArn);
  return m?.[1] ?? null;
}

function envProfile(vars: ActiveIdentityInput['vars']): { variable: string; profile: string; note: string | null } | undefined {
  const profile = vars['AWS_PROFILE'];
  const legacy = vars['AWS_DEFAULT_PROFILE'];
  if (set(profile)) {
    const note = set(legacy) && legacy !== profile ? `AWS_DEFAULT_PROFILE names "${legacy}": the AWS CLI v1 and boto3 use that one instead.` : null;
    return { variable: 'AWS_PROFILE', profile, note };
  }
  if (set(legacy)) return { variable: 'AWS_DEFAULT_PROFILE', profile: legacy, note: 'The JS SDK ignores AWS_DEFAULT_PROFILE and uses [default].' };
  return undefined;
}

export function activeIdentity(input: ActiveIdentityInput): ActiveIdentity {
  const { vars, model } = input;
  const none = { profileFound: false, standsFor: null, accountId: null, accountName: null, roleName: null, expiresAt: null };
  const named = envProfile(vars);
  const keyId = vars['AWS_ACCESS_KEY_ID'];
  if (set(keyId) && set(vars['AWS_SECRET_ACCESS_KEY'])) {
    const accountId = input.keyFacts.keys[keyId]?.accountId ?? null;
    return {
      ...none,
      source: 'env-keys',
      variable: 'AWS_ACCESS_KEY_ID',
      profile: null,
      accountId,
      accountName: cachedAccountName(input.keyFacts, accountId),
      note: named === undefined ? null : `${named.variable} names "${named.profile}": the JS SDK uses that profile, the AWS CLI uses the keys.`,
    };
  }
  const profile = named?.profile ?? 'default';
  const found = model.byName.get(profile);
  if (found === undefined) {
    return { ...none, source: named === undefined ? 'none' : 'env-profile', variable: named?.variable ?? null, profile: named === undefined ? null : profile, note: named?.note ?? null };
  }
  // A managed [default] holds a session of another profile: its account and role are that profile's.
  const standsFor = profile === 'default' && input.managedDefault !== undefined ? input.managedDefault : null;
  const subject = (standsFor === null ? undefined : model.byName.get(standsFor)) ?? found;
  const facts = profileKeyFacts(subject, { cache: input.keyFacts, now: input.now });
  return {
    source: named === undefined ? 'default' : 'env-profile',
    variable: named?.variable ?? null,
    profile,
    profileFound: true,
    standsFor,
    accountId: facts.accountId,
    accountName: facts.accountName,
    roleName: roleNameOf(stringSetting(subject.settings, 'role_arn')),
    expiresAt: standsFor === null ? null : input.defaultExpiresAt,
    note: named?.note ?? null,
  };
}
