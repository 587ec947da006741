// What `hatrack credential-process` prints for a vaulted profile: its keys, or an MFA session minted from them;
// plain Node (the STS gateway is passed in, so the AWS SDK loads only when a session must be minted).

import { HatrackError } from '../../../shared/domain/errors.js';
import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { stsRegion } from '../sts/assume.js';
import { resolveEndpoint } from '../sts/endpoints.js';
import type { ExportableCredentials } from '../sts/export-format.js';
import type { MfaCodeProvider } from '../sts/mfa-session.js';
import { createMfaSessionBroker } from '../sts/mfa-session.js';
import type { StsGateway } from '../sts/sts-gateway.js';
import { createKeychainMfaSessionCache } from './keychain-mfa-cache.js';
import type { SecretStore } from './secret-store.js';
import { readVaultEntry } from './vault-entry.js';

export interface VaultCredentialsDeps {
  readonly store: SecretStore;
  readonly service: string;
  readonly env: Environment;
  readonly model: ProfileModel;
  /** The settings ask for an MFA session for this profile (used only when it has mfa_serial). */
  readonly mfaSession: boolean;
  /** Needed only when an MFA session must be minted. */
  readonly gateway?: (() => StsGateway) | undefined;
  readonly codeProvider?: MfaCodeProvider | undefined;
  /** GetSessionToken DurationSeconds (default 3600). */
  readonly sessionSeconds?: number | undefined;
}

export async function vaultCredentials(deps: VaultCredentialsDeps, profile: string): Promise<ExportableCredentials> {
  const entry = await readVaultEntry(deps.store, deps.service, profile);
  if (entry === undefined) {
    throw new HatrackError('NO_CREDENTIALS', `Profile "${profile}" has no keys in the vault; add them with \`hatrack vault add ${profile}\`.`);
  }
  const p = deps.model.byName.get(profile);
  const accountId = p === undefined ? undefined : stringSetting(p.settings, 'aws_account_id');
  const keys = { accessKeyId: entry.accessKeyId, secretAccessKey: entry.secretAccessKey, accountId };
  const serial = p === undefined ? undefined : stringSetting(p.settings, 'mfa_serial');
  if (!deps.mfaSession || serial === undefined || p === undefined) return keys;
  if (deps.gateway === undefined) throw new HatrackError('INTERNAL', 'No STS gateway to mint an MFA session.');
  const broker = createMfaSessionBroker({
    gateway: deps.gateway(),
    cache: createKeychainMfaSessionCache(deps.store, deps.service, deps.env.now),
    codeProvider: deps.codeProvider,
    now: deps.env.now,
    durationSeconds: deps.sessionSeconds ?? 3600,
  });
  const target = { credentials: keys, region: stsRegion(p, p), endpoint: resolveEndpoint('sts', deps.env, p, deps.model) };
  const session = await broker.session(target, serial, profile);
  return { ...session, accountId };
}
