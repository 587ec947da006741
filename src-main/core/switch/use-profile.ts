// `use` as one core action (CLI and app alike): refuse early, resolve credentials, then one transaction on both files.

import { HatrackError, isHatrackError } from '../../../shared/domain/errors.js';
import type { AwsFilesService, EditReport } from '../awsfiles/aws-files.js';
import { validateProfileName } from '../awsfiles/edits.js';
import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';
import { DEFAULT_KEEP_NAME, defaultState, planSwitch } from './managed-default.js';
import type { SwitchCredentials, SwitchPlan } from './managed-default.js';

export interface UseProfileRequest {
  readonly profile: string;
  readonly keepDefaultAs?: string | undefined;
  /** The user confirmed making a production profile the default (CLI --yes, the app's dialog). */
  readonly confirmProduction: boolean;
}

export interface UseProfileDeps {
  readonly files: AwsFilesService;
  readonly isProduction: (profile: string) => boolean;
  /** Resolves the profile's credentials (static keys, or a freshly assumed role session). */
  readonly resolve: (model: ProfileModel, profile: string) => Promise<SwitchCredentials>;
  /**
   * Asks AWS who the credentials belong to (sts:GetCallerIdentity, at the profile's endpoint). Keys IAM does not
   * know must never become the default every tool falls back to. Absent: no check (CLI --no-verify).
   */
  readonly verify?: ((model: ProfileModel, profile: string, credentials: SwitchCredentials) => Promise<DefaultIdentity>) | undefined;
}

/** Who the new default is, as AWS reported it. */
export interface DefaultIdentity {
  readonly account: string;
  readonly arn: string;
}

export interface UseProfileResult {
  readonly profile: string;
  readonly expiresAt: string | null;
  readonly region: string | undefined;
  readonly plan: SwitchPlan;
  readonly report: EditReport<SwitchPlan>;
  /** Undefined when verification was skipped. */
  readonly identity: DefaultIdentity | undefined;
}

export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function useProfile(deps: UseProfileDeps, request: UseProfileRequest): Promise<UseProfileResult> {
  const name = request.profile;
  const keepAs = request.keepDefaultAs ?? DEFAULT_KEEP_NAME;
  validateProfileName(keepAs);
  const view = deps.files.view();
  const profile = view.model.byName.get(name);
  if (profile === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);

  // Everything that can be refused is refused before an MFA code is asked for or a role assumed.
  const state = defaultState(view.docs);
  if (name === 'default' && state.managedProfile !== undefined) {
    throw new HatrackError('INVALID_VALUE', `[default] is already managed by Hatrack (profile "${state.managedProfile}"); use "${state.managedProfile}" again to refresh it.`);
  }
  if (state.holdsUserContent && view.model.byName.has(keepAs)) {
    throw new HatrackError('PROFILE_EXISTS', `Your own [default] must be kept as "${keepAs}", but that profile already exists; choose another name to keep it under.`);
  }
  if (!request.confirmProduction && deps.isProduction(name)) {
    throw new HatrackError('NEEDS_CONFIRMATION', `Profile "${name}" is a production profile; confirm to make it the default for every tool (CLI: --yes).`);
  }

  const credentials = await deps.resolve(view.model, name);
  const identity = deps.verify === undefined ? undefined : await verified(deps.verify, view.model, name, credentials);
  const region = stringSetting(profile.settings, 'region');
  const report = deps.files.edit<SwitchPlan>((docs) => {
    const plan = planSwitch(docs, { profile: name, credentials, region, keepDefaultAs: keepAs });
    return { docs: plan.docs, result: plan };
  });
  const expiresAt = credentials.expiration === undefined ? null : isoSeconds(credentials.expiration);
  return { profile: name, expiresAt, region, plan: report.result, report, identity };
}

async function verified(verify: NonNullable<UseProfileDeps['verify']>, model: ProfileModel, name: string, credentials: SwitchCredentials): Promise<DefaultIdentity> {
  try {
    return await verify(model, name, credentials);
  } catch (e) {
    if (!isHatrackError(e)) throw e;
    throw new HatrackError(e.code, `Profile "${name}" was not made the default (nothing was written): ${e.message}`);
  }
}
