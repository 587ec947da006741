// Switching back: undoes `use` by dropping the Hatrack-managed [default] and giving the user's kept keys their name back.
//
// `use` moved the user's own [default] to a profile of its own (default-original) and pointed every
// `source_profile = default` there; this is its exact reverse, so a round trip leaves the files as they were.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsDocs } from '../awsfiles/aws-docs.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import type { AwsFilesService, EditReport } from '../awsfiles/aws-files.js';
import { removeProfile, renameProfile, validateProfileName } from '../awsfiles/edits.js';
import { defaultState } from './managed-default.js';

export interface RestorePlan {
  readonly docs: AwsDocs;
  /** The profile whose sections are [default] again. */
  readonly restoredFrom: string;
  /** The profile the managed [default] was a copy of (it stays as it is). */
  readonly replacedManagedProfile: string;
}

/**
 * The profile holding the user's own default while [default] is Hatrack's copy of another profile; undefined when
 * there is nothing to switch back to (an unmanaged [default], or the kept profile is gone).
 */
export function keptUserDefault(docs: AwsDocs, keptAs?: string): string | undefined {
  const state = defaultState(docs);
  if (state.managedProfile === undefined || state.holdsUserContent) return undefined;
  const name = keptAs ?? state.keptAs;
  return modelOf(docs).byName.has(name) ? name : undefined;
}

/**
 * The files after making `requested` (default: the name the marker recorded, else default-original) the [default]
 * again. Throws (nothing to write) when that would lose anything.
 */
export function planRestore(docs: AwsDocs, requested?: string): RestorePlan {
  const state = defaultState(docs);
  const keptAs = requested ?? state.keptAs;
  validateProfileName(keptAs);
  if (state.managedProfile === undefined) {
    throw new HatrackError('INVALID_VALUE', '[default] is not managed by Hatrack: it already holds your own keys.');
  }
  if (state.holdsUserContent) {
    // Settings added by hand to the managed [default] would be lost with it; the user must decide where they go.
    throw new HatrackError('AMBIGUOUS_EDIT', '[default] holds settings Hatrack did not write; move them out of [default] first, then switch back.');
  }
  if (!modelOf(docs).byName.has(keptAs)) {
    throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${keptAs}" holding your own default keys to switch back to.`);
  }
  // removeProfile refuses while a role still names default as its source: those roles would change identity silently.
  const withoutManaged = removeProfile(docs, 'default', false);
  return { docs: renameProfile(withoutManaged, keptAs, 'default'), restoredFrom: keptAs, replacedManagedProfile: state.managedProfile };
}

/** `planRestore` as one transaction on both files. */
export function restoreUserDefault(files: AwsFilesService, keptAs?: string): EditReport<RestorePlan> {
  return files.edit<RestorePlan>((docs) => {
    const plan = planRestore(docs, keptAs);
    return { docs: plan.docs, result: plan };
  });
}
