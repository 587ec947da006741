// The vault: moves a profile's long-term keys between the AWS files and the OS keychain; plain Node, no Electron.
//
// Order matters more than anything here. `add`: plan the file edit (refusing early), write the keychain, read it
// back, then edit the files in one transaction; if the file edit fails the keychain entry is deleted again, so the
// keys always live in exactly one place. `remove`: files first (the keys are back on disk), then the keychain entry.

import { HatrackError } from '../../../shared/domain/errors.js';
import { maskSecret } from '../../../shared/domain/secrets.js';
import type { AwsFilesService, FileChange } from '../awsfiles/aws-files.js';
import { stringSetting } from '../awsfiles/profiles.js';
import type { HatrackRuntime } from './process-command.js';
import { credentialProcessCommand } from './process-command.js';
import type { SecretStore } from './secret-store.js';
import { scrubProfileSecretsFromBackups } from './scrub-backups.js';
import { isVaultCommand, planVaultAdd, planVaultRemove } from './vault-edits.js';
import type { VaultEntry } from './vault-entry.js';
import { PROFILE_ACCOUNT_PREFIX, profileAccount, readVaultEntry, serializeVaultEntry } from './vault-entry.js';

export interface VaultDeps {
  readonly files: AwsFilesService;
  readonly store: SecretStore;
  /** Keychain service name (vaultService(env.vars)). */
  readonly service: string;
  readonly runtime: HatrackRuntime;
  readonly now: () => Date;
}

export interface VaultAddResult {
  readonly profile: string;
  readonly accessKeyId: string;
  readonly command: string;
  readonly dryRun: boolean;
  readonly files: readonly FileChange[];
  /** Backups of the AWS files (in the data dir) from which the secret was scrubbed. */
  readonly scrubbedBackups: number;
}

export interface VaultRemoveResult {
  readonly profile: string;
  readonly accessKeyId: string;
  readonly files: readonly FileChange[];
  /** Set when the files were restored but the keychain entry could not be deleted. */
  readonly warning?: string | undefined;
}

export interface VaultListItem {
  readonly profile: string;
  readonly accessKeyId: string;
  readonly storedAt: string;
  /** The profile's credential_process still points at this vault entry. */
  readonly wired: boolean;
}

/** The diffs the files core reports quote removed lines; a secret in them is masked before anyone can print it. */
function masked(files: readonly FileChange[], secret: string): FileChange[] {
  const hide = (text: string): string => (text.includes(secret) ? text.split(secret).join(maskSecret(secret)) : text);
  return files.map((f) => ({ ...f, diff: f.diff.map((h) => ({ ...h, lines: h.lines.map((l) => ({ ...l, text: hide(l.text) })) })) }));
}

export { readVaultEntry };

export async function vaultAdd(deps: VaultDeps, profile: string, opts: { readonly dryRun?: boolean } = {}): Promise<VaultAddResult> {
  const command = credentialProcessCommand(deps.runtime, profile);
  // Plan on the current files first: every refusal (no keys, wrong kind, odd layout) happens before the keychain.
  const preview = deps.files.edit((docs) => {
    const plan = planVaultAdd(docs, profile, command);
    return { docs: plan.docs, result: plan };
  }, { dryRun: true });
  if (opts.dryRun === true) {
    return { profile, accessKeyId: preview.result.accessKeyId, command, dryRun: true, files: masked(preview.files, preview.result.secretAccessKey), scrubbedBackups: 0 };
  }
  const entry: VaultEntry = {
    version: 1,
    accessKeyId: preview.result.accessKeyId,
    secretAccessKey: preview.result.secretAccessKey,
    storedAt: deps.now().toISOString(),
    origin: preview.result.origin,
  };
  const account = profileAccount(profile);
  const text = serializeVaultEntry(entry);
  await deps.store.set(deps.service, account, text);
  const back = await deps.store.get(deps.service, account);
  if (back !== text) {
    await deps.store.delete(deps.service, account).catch(() => false);
    throw new HatrackError('KEYCHAIN_UNAVAILABLE', `The keychain did not give back what was stored for profile "${profile}"; the files were not changed.`);
  }
  let files: readonly FileChange[];
  try {
    const report = deps.files.edit((docs) => {
      const plan = planVaultAdd(docs, profile, command);
      // The files may have changed between the preview and now; the keychain must hold what is being removed.
      if (plan.accessKeyId !== entry.accessKeyId || plan.secretAccessKey !== entry.secretAccessKey) {
        throw new HatrackError('FILE_CHANGED_ON_DISK', `The keys of profile "${profile}" changed while they were being vaulted; run the command again.`);
      }
      return { docs: plan.docs, result: undefined };
    });
    files = masked(report.files, entry.secretAccessKey);
  } catch (e) {
    await deps.store.delete(deps.service, account).catch(() => false);
    throw e;
  }
  // The file store backed up the old file, secret included, and older backups hold the secrets the profile had
  // before; the point of the vault is that no plain copy of any of them stays.
  // (After the try: the keys are out of the files now, so a failure here must never delete the keychain entry.)
  const scrubbedBackups = scrubProfileSecretsFromBackups(deps.files.dataDir, profile, [entry.secretAccessKey]);
  return { profile, accessKeyId: entry.accessKeyId, command, dryRun: false, files, scrubbedBackups };
}

export async function vaultRemove(deps: VaultDeps, profile: string, opts: { readonly dryRun?: boolean } = {}): Promise<VaultRemoveResult> {
  const entry = await readVaultEntry(deps.store, deps.service, profile);
  if (entry === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `Profile "${profile}" has no keys in the vault.`);
  const report = deps.files.edit((docs) => ({ docs: planVaultRemove(docs, profile, entry), result: undefined }), { dryRun: opts.dryRun === true });
  const files = masked(report.files, entry.secretAccessKey);
  if (opts.dryRun === true) return { profile, accessKeyId: entry.accessKeyId, files };
  try {
    await deps.store.delete(deps.service, profileAccount(profile));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { profile, accessKeyId: entry.accessKeyId, files, warning: `The keys are back in the file, but the keychain entry could not be deleted: ${why}` };
  }
  return { profile, accessKeyId: entry.accessKeyId, files };
}

/** Profile names with a vault entry (no secrets read). */
export async function vaultProfiles(store: SecretStore, service: string): Promise<string[]> {
  const accounts = await store.list(service);
  return accounts.filter((a) => a.startsWith(PROFILE_ACCOUNT_PREFIX)).map((a) => a.slice(PROFILE_ACCOUNT_PREFIX.length)).sort();
}

export async function vaultList(deps: Pick<VaultDeps, 'files' | 'store' | 'service'>): Promise<VaultListItem[]> {
  const model = deps.files.view().model;
  const out: VaultListItem[] = [];
  for (const profile of await vaultProfiles(deps.store, deps.service)) {
    const entry = await readVaultEntry(deps.store, deps.service, profile);
    if (entry === undefined) continue;
    const p = model.byName.get(profile);
    const wired = p !== undefined && isVaultCommand(stringSetting(p.settings, 'credential_process'), profile);
    out.push({ profile, accessKeyId: entry.accessKeyId, storedAt: entry.storedAt, wired });
  }
  return out;
}
