// Resolves credentials for a named profile the way botocore does for an explicit --profile (spec §4.2, §5.2); plain Node.

import { readFile } from 'node:fs/promises';

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { SettingValue } from '../awsfiles/ini-reading.js';
import type { Profile, ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import type { SsoRoleCredentialCache } from '../sso/cli-credential-cache.js';
import { resolveSsoCredentials } from '../sso/sso-credentials.js';
import { accountOfArn, assumeRoleHop, defaultRoleSessionName, parseDurationSetting, stsRegion } from './assume.js';
import { runCredentialProcess } from './credential-process.js';
import type { ProcessRunner } from './credential-process.js';
import { resolveEndpoint } from './endpoints.js';
import type { MfaCodeProvider, MfaSessionBroker } from './mfa-session.js';
import { staticFrom } from './static-credentials.js';
import type { StsGateway } from './sts-gateway.js';
import type { ResolvedCredentials } from './types.js';
import { assertValid, checkRoleArn, checkRoleSessionName } from './validation.js';

export interface ResolveDeps {
  readonly env: Environment;
  readonly gateway: StsGateway;
  readonly mfa: MfaSessionBroker;
  readonly runProcess?: ProcessRunner | undefined;
  readonly readTextFile?: ((file: string) => Promise<string>) | undefined;
  /** RoleSessionName when a profile sets none; default `hatrack-<os user>`. */
  readonly defaultSessionName?: string | undefined;
  /** Overrides the broker's MFA code provider for this resolve. */
  readonly codeProvider?: MfaCodeProvider | undefined;
  /** The AWS CLI's SSO role-credential cache (~/.aws/cli/cache); the CLI and the app inject it, tests may not. */
  readonly ssoCredentialCache?: SsoRoleCredentialCache | undefined;
}

type Settings = ReadonlyMap<string, SettingValue>;

const has = (s: Settings | undefined, k: string): boolean => s?.has(k) === true;
const str = (s: Settings | undefined, k: string): string | undefined => (s === undefined ? undefined : stringSetting(s, k));

function hasStaticKeys(p: Profile): boolean {
  return has(p.settings, 'aws_access_key_id') || has(p.settings, 'aws_secret_access_key');
}

/** Resolves `profileName` from the AWS files alone; ambient AWS_* credentials are ignored, as for `--profile`. */
export async function resolveCredentials(
  model: ProfileModel,
  profileName: string,
  deps: ResolveDeps,
): Promise<ResolvedCredentials> {
  const top = lookup(model, profileName, undefined);
  const ctx: Ctx = {
    model,
    deps,
    top,
    readTextFile: deps.readTextFile ?? ((f) => readFile(f, 'utf8')),
    sessionName: deps.defaultSessionName ?? defaultRoleSessionName(deps.env),
  };
  return resolveProfile(ctx, top, [top.name]);
}

interface Ctx {
  readonly model: ProfileModel;
  readonly deps: ResolveDeps;
  readonly top: Profile;
  readonly readTextFile: (file: string) => Promise<string>;
  readonly sessionName: string;
}

function lookup(model: ProfileModel, name: string, referrer: string | undefined): Profile {
  const p = model.byName.get(name);
  if (p !== undefined) return p;
  throw new HatrackError(
    'PROFILE_NOT_FOUND',
    referrer === undefined
      ? `Profile "${name}" does not exist.`
      : `Profile "${referrer}" names source_profile "${name}", which does not exist.`,
  );
}

async function resolveProfile(ctx: Ctx, p: Profile, visited: readonly string[]): Promise<ResolvedCredentials> {
  if (has(p.settings, 'role_arn')) {
    if (has(p.settings, 'web_identity_token_file')) return webIdentity(ctx, p);
    return assumeRoleProfile(ctx, p, visited);
  }
  return profileChain(ctx, p);
}

/** botocore's per-profile chain without assume-role: SSO, credentials-file keys, login, process, config-file keys. */
async function profileChain(ctx: Ctx, p: Profile): Promise<ResolvedCredentials> {
  const s = p.settings;
  if (has(s, 'sso_account_id') || has(s, 'sso_role_name')) return sso(ctx, p);
  const fromCredFile = staticFrom(p, p.credentialsSettings);
  if (fromCredFile !== undefined) return fromCredFile;
  if (has(s, 'login_session')) {
    throw new HatrackError('NOT_SUPPORTED', `Profile "${p.name}" uses "aws login" (login_session), which Hatrack cannot resolve yet.`);
  }
  const command = str(s, 'credential_process');
  if (command !== undefined) {
    const c = await runCredentialProcess(command, p.name, { env: ctx.deps.env, runner: ctx.deps.runProcess });
    return {
      ...c,
      accountId: c.accountId ?? str(s, 'aws_account_id'),
      profile: p.name,
      source: 'process',
      chained: false,
      hops: [{ profile: p.name, source: 'process' }],
    };
  }
  const fromConfig = staticFrom(p, p.configSettings);
  if (fromConfig !== undefined) return fromConfig;
  throw new HatrackError('NO_CREDENTIALS', `Profile "${p.name}" has no credentials (no keys, role, SSO or credential_process).`);
}


async function assumeRoleProfile(ctx: Ctx, p: Profile, visited: readonly string[]): Promise<ResolvedCredentials> {
  const sourceName = str(p.settings, 'source_profile');
  const credentialSource = str(p.settings, 'credential_source');
  if (sourceName !== undefined && credentialSource !== undefined) {
    throw new HatrackError('INVALID_CONFIG', `Profile "${p.name}" sets both source_profile and credential_source; keep one.`);
  }
  let source: ResolvedCredentials;
  if (credentialSource !== undefined) {
    source = fromCredentialSource(ctx, p, credentialSource);
  } else if (sourceName !== undefined) {
    source = await resolveSource(ctx, p, sourceName, visited);
  } else {
    throw new HatrackError('INVALID_CONFIG', `Profile "${p.name}" has role_arn but neither source_profile nor credential_source.`);
  }
  const out = await assumeRoleHop(
    {
      env: ctx.deps.env,
      model: ctx.model,
      gateway: ctx.deps.gateway,
      mfa: ctx.deps.mfa,
      defaultSessionName: ctx.sessionName,
      codeProvider: ctx.deps.codeProvider,
    },
    p,
    ctx.top,
    source,
  );
  return {
    ...out.credentials,
    accountId: out.accountId,
    roleArn: out.roleArn,
    profile: p.name,
    source: 'role',
    chained: out.hop.chained === true,
    hops: [out.hop, ...source.hops],
  };
}

async function resolveSource(ctx: Ctx, parent: Profile, name: string, visited: readonly string[]): Promise<ResolvedCredentials> {
  if (visited.includes(name)) {
    // The one allowed revisit: a profile naming itself while holding its own static keys.
    if (name === parent.name && hasStaticKeys(parent)) return requireCreds(profileChain(ctx, parent), parent.name);
    throw new HatrackError('CYCLE', `source_profile chain loops: ${[...visited, name].join(' → ')}.`);
  }
  const src = lookup(ctx.model, name, parent.name);
  const next = [...visited, name];
  if (hasStaticKeys(src) || !has(src.settings, 'role_arn')) return requireCreds(profileChain(ctx, src), name);
  return resolveProfile(ctx, src, next);
}

async function requireCreds(p: Promise<ResolvedCredentials>, name: string): Promise<ResolvedCredentials> {
  try {
    return await p;
  } catch (e) {
    if (isHatrackError(e) && e.code === 'NO_CREDENTIALS') {
      throw new HatrackError('NO_CREDENTIALS', `The source profile "${name}" must have credentials.`);
    }
    throw e;
  }
}

function fromCredentialSource(ctx: Ctx, p: Profile, kind: string): ResolvedCredentials {
  // Exact case, as both botocore and the JS SDK compare it.
  switch (kind) {
    case 'Environment': {
      const v = ctx.deps.env.vars;
      const id = v['AWS_ACCESS_KEY_ID'];
      const secret = v['AWS_SECRET_ACCESS_KEY'];
      if (id === undefined || id === '' || secret === undefined || secret === '') {
        throw new HatrackError(
          'NO_CREDENTIALS',
          `Profile "${p.name}" uses credential_source = Environment, but AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set.`,
        );
      }
      const token = v['AWS_SECURITY_TOKEN'] || v['AWS_SESSION_TOKEN'] || undefined;
      const rawExp = v['AWS_CREDENTIAL_EXPIRATION'];
      const expiration = rawExp === undefined || rawExp === '' ? undefined : new Date(rawExp);
      return {
        accessKeyId: id,
        secretAccessKey: secret,
        sessionToken: token,
        expiration: expiration !== undefined && !Number.isNaN(expiration.getTime()) ? expiration : undefined,
        accountId: v['AWS_ACCOUNT_ID'] || undefined,
        profile: p.name,
        source: 'environment',
        chained: false,
        hops: [{ profile: p.name, source: 'environment' }],
      };
    }
    case 'Ec2InstanceMetadata':
    case 'EcsContainer':
      throw new HatrackError('NOT_SUPPORTED', `Profile "${p.name}" uses credential_source = ${kind}, which only works on AWS compute.`);
    default:
      throw new HatrackError(
        'INVALID_CONFIG',
        `Profile "${p.name}" has credential_source = ${kind}; use Environment, Ec2InstanceMetadata or EcsContainer (exact case).`,
      );
  }
}

async function webIdentity(ctx: Ctx, p: Profile): Promise<ResolvedCredentials> {
  const roleArn = str(p.settings, 'role_arn') ?? '';
  const file = str(p.settings, 'web_identity_token_file') ?? '';
  const roleSessionName = str(p.settings, 'role_session_name') ?? ctx.sessionName;
  assertValid([checkRoleArn(roleArn), checkRoleSessionName(roleSessionName)], p.name);
  let token: string;
  try {
    token = (await ctx.readTextFile(file)).trim();
  } catch {
    throw new HatrackError('NO_CREDENTIALS', `Profile "${p.name}": the web identity token file cannot be read.`);
  }
  const out = await ctx.deps.gateway.assumeRoleWithWebIdentity(
    { region: stsRegion(p, ctx.top), endpoint: resolveEndpoint('sts', ctx.deps.env, p, ctx.model) },
    { roleArn, roleSessionName, webIdentityToken: token, durationSeconds: parseDurationSetting(str(p.settings, 'duration_seconds')) },
  );
  return {
    accessKeyId: out.accessKeyId,
    secretAccessKey: out.secretAccessKey,
    sessionToken: out.sessionToken,
    expiration: out.expiration,
    accountId: accountOfArn(out.assumedRoleArn) ?? accountOfArn(roleArn),
    roleArn,
    profile: p.name,
    source: 'web-identity',
    chained: false,
    hops: [{ profile: p.name, source: 'web-identity', roleArn }],
  };
}

async function sso(ctx: Ctx, p: Profile): Promise<ResolvedCredentials> {
  const { accountId, accessKeyId, secretAccessKey, sessionToken, expiration } = await resolveSsoCredentials(
    { env: ctx.deps.env, model: ctx.model, readTextFile: ctx.readTextFile, gateway: ctx.deps.gateway, cache: ctx.deps.ssoCredentialCache },
    p,
  );
  return { accessKeyId, secretAccessKey, sessionToken, expiration, accountId, profile: p.name, source: 'sso', chained: false, hops: [{ profile: p.name, source: 'sso' }] };
}
