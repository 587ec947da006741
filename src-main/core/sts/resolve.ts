// Resolves credentials for a named profile the way botocore does for an explicit --profile (spec §4.2, §5.2); plain Node.

import { readFile } from 'node:fs/promises';

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { SettingValue } from '../awsfiles/ini-reading.js';
import { assumesRole, computeSourceReason, hasStaticKeys, LOGIN_REASON, NO_CREDENTIALS_REASON, nonRoleKind } from '../awsfiles/kinds.js';
import type { ProfileKind } from '../awsfiles/kinds.js';
import type { Profile, ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import type { SsoRoleCredentialCache } from '../sso/cli-credential-cache.js';
import { resolveSsoCredentials } from '../sso/sso-credentials.js';
import { assumedRoleCredentials, assumeRoleHop, defaultRoleSessionName, parseDurationSetting, stsRegion } from './assume.js';
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
  /** Ends every AWS call of this resolve when it aborts (the operation's deadline, or the user cancelling). */
  readonly signal?: AbortSignal | undefined;
  /** The AWS CLI's SSO role-credential cache (~/.aws/cli/cache); the CLI and the app inject it, tests may not. */
  readonly ssoCredentialCache?: SsoRoleCredentialCache | undefined;
}

type Settings = ReadonlyMap<string, SettingValue>;

const str = (s: Settings | undefined, k: string): string | undefined => (s === undefined ? undefined : stringSetting(s, k));

const holdsStaticKeys = (p: Profile): boolean => hasStaticKeys(p.settings, p.credentialsSettings);

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

type Resolver = (ctx: Ctx, p: Profile, visited: readonly string[]) => Promise<ResolvedCredentials>;

/** One resolver per kind; which one runs is the kinds table's answer (awsfiles/kinds.ts), never a key test here. */
const RESOLVERS: Readonly<Record<ProfileKind, Resolver>> = {
  role: (ctx, p, visited) => assumeRoleProfile(ctx, p, visited),
  'web-identity': (ctx, p) => webIdentity(ctx, p),
  sso: (ctx, p) => sso(ctx, p),
  static: (ctx, p, visited) => staticKeys(ctx, p, visited),
  login: (_ctx, p) => Promise.reject(new HatrackError('NOT_SUPPORTED', `Profile "${p.name}" ${LOGIN_REASON}.`)),
  process: (ctx, p) => processCredentials(ctx, p),
  settings: (_ctx, p) => Promise.reject(noCredentials(p)),
};

function noCredentials(p: Profile): HatrackError {
  return new HatrackError('NO_CREDENTIALS', `Profile "${p.name}" ${NO_CREDENTIALS_REASON}.`);
}

function resolveProfile(ctx: Ctx, p: Profile, visited: readonly string[]): Promise<ResolvedCredentials> {
  return RESOLVERS[p.kind](ctx, p, visited);
}

/** botocore's per-profile chain without assume-role: SSO, credentials-file keys, login, process, config-file keys. */
function profileChain(ctx: Ctx, p: Profile, visited: readonly string[]): Promise<ResolvedCredentials> {
  return RESOLVERS[nonRoleKind(p.settings, p.credentialsSettings)](ctx, p, visited);
}

/**
 * Credentials-file keys, else config-file keys. botocore's SharedCredentialProvider needs aws_access_key_id, so a lone
 * secret in the credentials file passes on to the providers after it (login, process, config-file keys).
 */
async function staticKeys(ctx: Ctx, p: Profile, visited: readonly string[]): Promise<ResolvedCredentials> {
  const fromCredFile = staticFrom(p, p.credentialsSettings);
  if (fromCredFile !== undefined) return fromCredFile;
  const later = nonRoleKind(p.settings, undefined);
  if (later !== 'static') return RESOLVERS[later](ctx, p, visited);
  const fromConfig = staticFrom(p, p.configSettings);
  if (fromConfig !== undefined) return fromConfig;
  throw noCredentials(p);
}

async function processCredentials(ctx: Ctx, p: Profile): Promise<ResolvedCredentials> {
  const s = p.settings;
  const command = str(s, 'credential_process');
  // A nested block is no command: the chain goes on to config-file keys.
  if (command === undefined) return staticFrom(p, p.configSettings) ?? Promise.reject(noCredentials(p));
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
      signal: ctx.deps.signal,
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
    if (name === parent.name && holdsStaticKeys(parent)) return requireCreds(profileChain(ctx, parent, visited), parent.name);
    throw new HatrackError('CYCLE', `source_profile chain loops: ${[...visited, name].join(' → ')}.`);
  }
  const src = lookup(ctx.model, name, parent.name);
  const next = [...visited, name];
  // A source holding static keys is used through its own chain even when it also names a role (botocore).
  if (holdsStaticKeys(src) || !assumesRole(src.kind)) return requireCreds(profileChain(ctx, src, next), name);
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
      throw new HatrackError('NOT_SUPPORTED', `Profile "${p.name}" ${computeSourceReason(kind)}.`);
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
    { region: stsRegion(p, ctx.top), endpoint: resolveEndpoint('sts', ctx.deps.env, p, ctx.model), signal: ctx.deps.signal },
    { roleArn, roleSessionName, webIdentityToken: token, durationSeconds: parseDurationSetting(str(p.settings, 'duration_seconds')) },
  );
  const { credentials, accountId } = assumedRoleCredentials(out, roleArn);
  return {
    ...credentials,
    accountId,
    roleArn,
    profile: p.name,
    source: 'web-identity',
    chained: false,
    hops: [{ profile: p.name, source: 'web-identity', roleArn }],
  };
}

async function sso(ctx: Ctx, p: Profile): Promise<ResolvedCredentials> {
  const { accountId, accessKeyId, secretAccessKey, sessionToken, expiration, warning } = await resolveSsoCredentials(
    { env: ctx.deps.env, model: ctx.model, readTextFile: ctx.readTextFile, gateway: ctx.deps.gateway, cache: ctx.deps.ssoCredentialCache, signal: ctx.deps.signal },
    p,
  );
  return { accessKeyId, secretAccessKey, sessionToken, expiration, accountId, profile: p.name, source: 'sso', chained: false, hops: [{ profile: p.name, source: 'sso' }], warning };
}
