// Turns an IAM user's long-term keys into console-capable GetFederationToken credentials, as aws-vault does (spec §6.5); plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import { AwsCallError } from './errors.js';
import type { CallTarget, StsGateway } from './sts-gateway.js';
import type { AwsCredentials } from './types.js';
import { assertValid, checkFederationName, checkSessionDuration, sanitizeSessionName } from './validation.js';

/** Session policy: without one a federated user has no permissions; the effective set is the user's own policies. */
export const ALLOW_ALL_POLICY = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';

export function userNameFromArn(arn: string): string | undefined {
  const m = /^arn:[\w-]+:iam::\d{12}:user\/(.+)$/.exec(arn);
  return m?.[1]?.split('/').pop();
}

/** GetFederationToken's Name: the user name in the allowed alphabet, at most 32 characters. */
export function federationName(userName: string): string {
  return sanitizeSessionName(userName).slice(0, 32);
}

export interface FederationDeps {
  readonly gateway: StsGateway;
  readonly iam: CallTarget;
  readonly sts: CallTarget;
}

export interface FederatedCredentials extends AwsCredentials {
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly name: string;
  readonly federatedUserArn: string | undefined;
}

/** iam:GetUser for the name, or the ARN AWS quoted when it denied GetUser; then GetFederationToken (never GetSessionToken first). */
export async function federate(deps: FederationDeps, durationSeconds = 3600): Promise<FederatedCredentials> {
  let userName: string | undefined;
  try {
    userName = (await deps.gateway.getUser(deps.iam)).userName;
  } catch (e) {
    if (!(e instanceof AwsCallError && e.code === 'ACCESS_DENIED' && e.callerArn !== undefined)) throw e;
    userName = userNameFromArn(e.callerArn);
  }
  if (userName === undefined) {
    throw new HatrackError('NOT_SUPPORTED', 'These keys do not belong to an IAM user, so they cannot open the console.');
  }
  const name = federationName(userName);
  assertValid([checkFederationName(name), checkSessionDuration(durationSeconds)]);
  const out = await deps.gateway.getFederationToken(deps.sts, { name, policy: ALLOW_ALL_POLICY, durationSeconds });
  return { ...out, name, federatedUserArn: out.federatedUserArn };
}
