// One attempt's signal for the IAM Identity Center clients (plain Node): the caller's cancel plus the network policy's
// per-attempt timeout, so a server that accepts and never answers ends the attempt instead of the whole sign-in.

import { seconds } from '../sts/errors.js';
import type { NetworkPolicy } from '../sts/network-policy.js';

export interface AttemptSignal {
  readonly signal: AbortSignal;
  /** True when this attempt ended because the policy's timeout fired (not the caller's cancel). */
  timedOut(): boolean;
}

export function attemptSignal(policy: Pick<NetworkPolicy, 'requestTimeoutMs'>, caller: AbortSignal | undefined): AttemptSignal {
  const timeout = AbortSignal.timeout(policy.requestTimeoutMs);
  const signal = caller === undefined ? timeout : AbortSignal.any([caller, timeout]);
  return { signal, timedOut: () => timeout.aborted && caller?.aborted !== true };
}

/** The one-line reason a request to `service` at `host` gave up, in the words the STS/IAM clients use. */
export function unreachable(service: string, host: string, timedOut: boolean, policy: Pick<NetworkPolicy, 'requestTimeoutMs'>, attempts: number): string {
  const why = timedOut ? `no answer within ${seconds(policy.requestTimeoutMs)} (timeout` : '(network error';
  const tail = attempts > 1 ? `, ${attempts} attempts)` : ')';
  return timedOut ? `Could not reach ${service} at ${host}: ${why}${tail}.` : `Could not reach ${service} at ${host} ${why}${tail}.`;
}
