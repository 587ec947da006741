// Collects what doctor's pure checks look at (files, modes, settings, keychain, key ages) and applies its safe
// fixes; plain Node.

import { chmodSync, statSync } from 'node:fs';
import path from 'node:path';

import { isHatrackError } from '../../../shared/domain/errors.js';
import type { AwsFilesService, AwsFilesView } from '../awsfiles/aws-files.js';
import { applyFix } from '../awsfiles/fixes.js';
import { resolveWriteTarget, writeProtection } from '../awsfiles/fs-primitives.js';
import { resolveHomeDir } from '../awsfiles/paths.js';
import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { defaultSettings, loadSettings } from '../settings/settings.js';
import { stsRegion } from '../sts/assume.js';
import { readKeyFacts } from '../keys/key-facts-cache.js';
import { resolveEndpoint } from '../sts/endpoints.js';
import type { StsGateway } from '../sts/sts-gateway.js';
import type { SecretStore } from '../vault/secret-store.js';
import { readVaultEntry, vaultProfiles } from '../vault/vault.js';
import { isVaultCommand } from '../vault/vault-edits.js';
import type { DoctorContext, FileAccess, FileMode, FixAction, VaultedKey } from './checks.js';

export interface GatherDeps {
  readonly env: Environment;
  readonly files: AwsFilesService;
  /** Opens the keychain; a KEYCHAIN_UNAVAILABLE failure skips the vault checks with a note. */
  readonly openStore: () => Promise<SecretStore>;
  readonly service: string;
}

export interface Gathered {
  readonly context: DoctorContext;
  /** Why some checks could not run (keychain unreachable, settings unreadable), for the user. */
  readonly notes: readonly string[];
}

function modeOf(file: string | null): FileMode | undefined {
  if (file === null) return undefined;
  try {
    return { path: file, mode: statSync(file).mode & 0o777 };
  } catch {
    return undefined;
  }
}

function accessOf(view: AwsFilesView): FileAccess[] {
  const out: FileAccess[] = [];
  for (const kind of ['config', 'credentials'] as const) {
    const file = view.paths[kind];
    if (file === null) continue;
    let readOnly;
    try {
      readOnly = writeProtection(resolveWriteTarget(file));
    } catch {
      readOnly = undefined; // A link loop: the write reports it.
    }
    out.push({ kind, path: file, special: view.snapshot[kind].special, readOnly });
  }
  return out;
}

/** IAM's CreateDate of each key the key-facts cache knows (see keys/key-facts-cache.ts); missing or damaged means none. */
export function readKeyCreateDates(dataDir: string): Map<string, Date> {
  const out = new Map<string, Date>();
  for (const [id, facts] of Object.entries(readKeyFacts(dataDir).keys)) {
    const d = facts.createDate === null ? undefined : new Date(facts.createDate);
    if (d !== undefined && !Number.isNaN(d.getTime())) out.set(id, d);
  }
  return out;
}

/**
 * Keys in the vault: every listed entry, plus the profiles wired to it read one by one — a locked keyring lists
 * nothing without complaint, while reading an entry fails with KEYCHAIN_UNAVAILABLE, which skips the vault checks
 * instead of reporting every wired profile as missing.
 */
export async function readVaultedKeys(store: SecretStore, service: string, wired: readonly string[] = []): Promise<VaultedKey[]> {
  const out: VaultedKey[] = [];
  const names = [...new Set([...(await vaultProfiles(store, service)), ...wired])].sort();
  for (const profile of names) {
    const entry = await readVaultEntry(store, service, profile);
    if (entry !== undefined) out.push({ profile, accessKeyId: entry.accessKeyId });
  }
  return out;
}

export async function gatherDoctorContext(deps: GatherDeps, callerArns?: ReadonlyMap<string, string>): Promise<Gathered> {
  const notes: string[] = [];
  const view = deps.files.view();
  let settings = defaultSettings();
  try {
    settings = loadSettings(deps.files.dataDir);
  } catch (e) {
    notes.push(`Settings not used: ${e instanceof Error ? e.message : String(e)}`);
  }
  let vault: VaultedKey[] | undefined;
  try {
    const wired = view.model.profiles.filter((p) => isVaultCommand(stringSetting(p.settings, 'credential_process'), p.name)).map((p) => p.name);
    vault = await readVaultedKeys(await deps.openStore(), deps.service, wired);
  } catch (e) {
    if (!(isHatrackError(e) && e.code === 'KEYCHAIN_UNAVAILABLE')) throw e;
    notes.push(`Vault checks skipped: ${e.message}`);
  }
  const awsDir = path.join(resolveHomeDir(deps.env), '.aws');
  const credsDir = deps.files.paths.credentials === null ? undefined : path.dirname(deps.files.paths.credentials);
  const context: DoctorContext = {
    docs: view.docs,
    model: view.model,
    problems: view.problems,
    settings,
    platform: deps.env.platform,
    modes: {
      config: modeOf(deps.files.paths.config),
      credentials: modeOf(deps.files.paths.credentials),
      // Only ~/.aws itself: a file moved elsewhere with AWS_SHARED_CREDENTIALS_FILE may sit in a shared folder
      // whose mode is not the user's to change.
      awsDir: credsDir === awsDir ? modeOf(awsDir) : undefined,
    },
    vault,
    keyCreateDates: readKeyCreateDates(deps.files.dataDir),
    now: deps.env.now(),
    callerArns,
    access: accessOf(view),
  };
  return { context, notes };
}

/** GetCallerIdentity for every profile with long-term keys of its own (plain or vaulted); failures are skipped. */
export async function callerArnsOf(
  env: Environment,
  model: ProfileModel,
  vaultKeys: ReadonlyMap<string, { accessKeyId: string; secretAccessKey: string }>,
  gateway: StsGateway,
): Promise<{ arns: Map<string, string>; failures: string[] }> {
  const arns = new Map<string, string>();
  const failures: string[] = [];
  for (const p of model.profiles) {
    const plain = stringSetting(p.settings, 'aws_access_key_id');
    const secret = stringSetting(p.settings, 'aws_secret_access_key');
    const creds = plain !== undefined && secret !== undefined && !p.settings.has('aws_session_token') ? { accessKeyId: plain, secretAccessKey: secret } : vaultKeys.get(p.name);
    if (creds === undefined) continue;
    try {
      const who = await gateway.getCallerIdentity({ credentials: creds, region: stsRegion(p, p), endpoint: resolveEndpoint('sts', env, p, model) });
      arns.set(p.name, who.arn);
    } catch (e) {
      failures.push(`${p.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { arns, failures };
}

/** Applies one safe fix. */
export function applyFixAction(files: AwsFilesService, action: FixAction): void {
  switch (action.kind) {
    case 'chmod':
      chmodSync(action.path, action.mode);
      return;
    case 'file-fix':
      files.edit((docs) => ({ docs: applyFix(docs, action.problemId), result: undefined }));
      return;
  }
}
