// One AssumeRole hop for a role profile: session name, external id, duration cap, MFA session; plain Node.

import type { Profile, ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { resolveEndpoint } from './endpoints.js';
import type { MfaCodeProvider, MfaSessionBroker } from './mfa-session.js';
import type { AssumedRole, CallTarget, IssuedCredentials, StsGateway } from './sts-gateway.js';
import { isLongTerm } from './types.js';
import type { AwsCredentials, ResolveHop } from './types.js';
import { assertValid, assumeRoleProblems, sanitizeSessionName } from './validation.js';

export const CHAINED_MAX_SECONDS = 3600;

export interface AssumeHopDeps {
  readonly env: Environment;
  readonly model: ProfileModel;
  readonly gateway: StsGateway;
  readonly mfa: MfaSessionBroker;
  readonly defaultSessionName: string;
  /** Overrides the broker's provider for this resolve (e.g. a code given on the command line). */
  readonly codeProvider?: MfaCodeProvider | undefined;
  /** Ends the hop's AWS calls (MFA session included) when it aborts. */
  readonly signal?: AbortSignal | undefined;
}

interface AssumedRoleCredentials {
  readonly credentials: IssuedCredentials;
  readonly accountId: string | undefined;
}

export interface AssumeHopResult extends AssumedRoleCredentials {
  readonly roleArn: string;
  readonly hop: ResolveHop;
}

/** `hatrack-<os user>`, cleaned to RoleSessionName's alphabet, so CloudTrail shows who assumed the role. */
export function defaultRoleSessionName(env: Environment): string {
  const user = env.vars['USER'] ?? env.vars['USERNAME'] ?? env.vars['LOGNAME'] ?? 'user';
  return sanitizeSessionName(`hatrack-${user}`);
}

/** botocore sends duration_seconds only when set, and ignores a value that `int()` rejects. */
export function parseDurationSetting(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*[+-]?\d+\s*$/.test(raw)) return undefined;
  return Number.parseInt(raw.trim(), 10);
}

/** The STS region for a hop: the role profile's region, else the profile asked for, else us-east-1 (as the JS SDK). */
export function stsRegion(hopProfile: Profile, topProfile: Profile | undefined): string {
  return stringSetting(hopProfile.settings, 'region') ?? (topProfile && stringSetting(topProfile.settings, 'region')) ?? 'us-east-1';
}

export function accountOfArn(arn: string | undefined): string | undefined {
  return arn?.split(':')[4] || undefined;
}

/** The credentials and account of an AssumeRole or AssumeRoleWithWebIdentity answer: the one mapping for both. */
export function assumedRoleCredentials(out: AssumedRole, roleArn: string): AssumedRoleCredentials {
  return {
    credentials: { accessKeyId: out.accessKeyId, secretAccessKey: out.secretAccessKey, sessionToken: out.sessionToken, expiration: out.expiration },
    accountId: accountOfArn(out.assumedRoleArn) ?? accountOfArn(roleArn),
  };
}

export async function assumeRoleHop(
  deps: AssumeHopDeps,
  profile: Profile,
  topProfile: Profile,
  source: AwsCredentials,
): Promise<AssumeHopResult> {
  const s = profile.settings;
  const roleArn = stringSetting(s, 'role_arn') ?? '';
  const roleSessionName = stringSetting(s, 'role_session_name') ?? deps.defaultSessionName;
  const externalId = stringSetting(s, 'external_id');
  const serialNumber = stringSetting(s, 'mfa_serial');
  const requested = parseDurationSetting(stringSetting(s, 'duration_seconds'));
  const target = (credentials: AwsCredentials): CallTarget => ({
    credentials,
    region: stsRegion(profile, topProfile),
    endpoint: resolveEndpoint('sts', deps.env, profile, deps.model),
    signal: deps.signal,
  });
  // Validate what the file says before anyone is asked for an MFA code.
  assertValid(assumeRoleProblems({ roleArn, roleSessionName, externalId, serialNumber }, false), profile.name);

  let signer = source;
  let viaMfaSession = false;
  let tokenCode: string | undefined;
  let sendSerial: string | undefined;
  if (serialNumber !== undefined) {
    if (isLongTerm(source)) {
      // aws-vault's way: one MFA session per device, then AssumeRole with it (no code per role).
      signer = await deps.mfa.session(target(source), serialNumber, profile.name, deps.codeProvider);
      viaMfaSession = true;
    } else {
      // Temporary source credentials cannot call GetSessionToken; send the code with AssumeRole as botocore does.
      tokenCode = await deps.mfa.code(serialNumber, profile.name, deps.codeProvider);
      sendSerial = serialNumber;
    }
  }
  const chained = !isLongTerm(signer);
  let durationSeconds = requested;
  let durationCapped = false;
  if (chained && durationSeconds !== undefined && durationSeconds > CHAINED_MAX_SECONDS) {
    durationSeconds = CHAINED_MAX_SECONDS;
    durationCapped = true;
  }
  const request = { roleArn, roleSessionName, externalId, durationSeconds, serialNumber: sendSerial, tokenCode };
  assertValid(assumeRoleProblems(request, chained), profile.name);
  const out = await deps.gateway.assumeRole(target(signer), request);
  return {
    ...assumedRoleCredentials(out, roleArn),
    roleArn,
    hop: { profile: profile.name, source: 'role', roleArn, chained, durationCapped, viaMfaSession },
  };
}
