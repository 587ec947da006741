// Rotating a profile's key everywhere the old key is written (CLI and app alike); plain Node, no Electron.
//
// Rotation deletes (or deactivates) the old key in IAM, so every copy left on disk stops working. The copies Hatrack
// wrote itself — the managed [default] that `use` fills — change in the same file transaction as the profile's own
// section. Any copy Hatrack cannot account for, and keys kept in the keychain, are refused before a key is created.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import type { AwsFilesService } from '../awsfiles/aws-files.js';
import { setProfileValues } from '../awsfiles/edits.js';
import type { ValueChange } from '../awsfiles/edits.js';
import type { Profile, ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import { defaultState } from '../switch/managed-default.js';
import { isVaultCommand } from '../vault/vault-edits.js';
import type { OperationOptions } from './index.js';
import type { NewKeyToSave, RotateOptions, RotationOutcome } from './rotation.js';

export interface RotateProfileDeps {
  readonly files: AwsFilesService;
  /** The credentials engine's rotate (resolves the profile's long-term keys, then runs the IAM steps). */
  readonly rotate: (model: ProfileModel, profile: string, opts: RotateOptions & OperationOptions) => Promise<RotationOutcome>;
}

const KEY_ID = 'aws_access_key_id';

const keyIdOf = (p: Profile | undefined): string | undefined => (p === undefined ? undefined : stringSetting(p.settings, KEY_ID));

/** True when [default] is the copy `use` wrote (marker line) and it holds `keyId`. */
function managedDefaultHolds(docs: AwsDocs, keyId: string): boolean {
  return defaultState(docs).managedProfile !== undefined && keyIdOf(modelOf(docs).byName.get('default')) === keyId;
}

/** Refuses (nothing created yet) when the old key lives where rotation could not update it. */
function checkRotatable(docs: AwsDocs, profile: string): string | undefined {
  const model = modelOf(docs);
  const p = model.byName.get(profile);
  if (p === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${profile}".`);
  if (isVaultCommand(stringSetting(p.settings, 'credential_process'), profile)) {
    throw new HatrackError(
      'NOT_SUPPORTED',
      `Profile "${profile}" keeps its keys in the keychain, which rotate does not update; run \`hatrack vault remove ${profile}\`, rotate, then \`hatrack vault add ${profile}\`.`,
    );
  }
  const oldId = keyIdOf(p);
  if (oldId === undefined) return undefined; // the engine refuses a profile without keys of its own
  const managed = managedDefaultHolds(docs, oldId);
  const copies = model.profiles.filter((q) => q.name !== profile && keyIdOf(q) === oldId && !(q.name === 'default' && managed)).map((q) => `"${q.name}"`);
  if (copies.length > 0) {
    throw new HatrackError(
      'AMBIGUOUS_EDIT',
      `The key of profile "${profile}" (${oldId}) is also written in profile ${copies.join(', ')}, which would be left holding a deleted key; remove the copy (or point it at "${profile}" with source_profile) first.`,
    );
  }
  return oldId;
}

/** The files with `key` in place of `oldId`: the profile's own section and a managed [default] holding the old key. */
export function withRotatedKey(docs: AwsDocs, profile: string, oldId: string, key: NewKeyToSave): AwsDocs {
  if (keyIdOf(modelOf(docs).byName.get(profile)) !== oldId) {
    throw new HatrackError('FILE_CHANGED_ON_DISK', `The key of profile "${profile}" changed on disk during the rotation.`);
  }
  const changes: ValueChange[] = [
    [KEY_ID, key.accessKeyId],
    ['aws_secret_access_key', key.secretAccessKey],
    ['aws_session_token', null],
    ['aws_security_token', null],
  ];
  const updateDefault = profile !== 'default' && managedDefaultHolds(docs, oldId);
  const next = setProfileValues(docs, profile, changes);
  return updateDefault ? setProfileValues(next, 'default', changes) : next;
}

/**
 * Rotates the profile's key and saves the new one in one file transaction wherever the old one was written.
 * Throws before anything is created when that cannot be done; afterwards, returns the engine's outcome.
 */
export async function rotateProfileKey(
  deps: RotateProfileDeps,
  profile: string,
  opts: Omit<RotateOptions, 'saveNewKey' | 'cancel'> & OperationOptions,
): Promise<RotationOutcome> {
  const view = deps.files.view();
  const oldId = checkRotatable(view.docs, profile);
  const saveNewKey = (key: NewKeyToSave): Promise<void> => {
    if (oldId === undefined) throw new HatrackError('INTERNAL', `Profile "${profile}" had no key to replace.`);
    deps.files.edit((docs) => ({ docs: withRotatedKey(docs, profile, oldId, key), result: undefined }));
    return Promise.resolve();
  };
  return deps.rotate(view.model, profile, { ...opts, saveNewKey });
}
