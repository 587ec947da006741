// An in-memory StsGateway for unit tests of engine logic: records calls, answers from the handlers given; plain Node.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { StsGateway } from './sts-gateway.js';

export interface RecordedCall {
  readonly method: keyof StsGateway;
  readonly args: readonly unknown[];
}

export type FakeGateway = StsGateway & { readonly calls: RecordedCall[] };

/** Methods not given throw NOT_SUPPORTED, so a test notices an unexpected AWS call. */
export function createFakeGateway(handlers: Partial<StsGateway>): FakeGateway {
  const calls: RecordedCall[] = [];
  const methods: (keyof StsGateway)[] = [
    'assumeRole',
    'assumeRoleWithWebIdentity',
    'getSessionToken',
    'getFederationToken',
    'getCallerIdentity',
    'listAccessKeys',
    'getAccessKeyLastUsed',
    'listAccountAliases',
    'createAccessKey',
    'updateAccessKey',
    'deleteAccessKey',
    'getUser',
    'listMfaDevices',
    'getRoleCredentials',
  ];
  const fake: Record<string, unknown> = { calls };
  for (const m of methods) {
    fake[m] = (...args: unknown[]): Promise<unknown> => {
      calls.push({ method: m, args });
      const h = handlers[m] as ((...a: unknown[]) => Promise<unknown>) | undefined;
      if (h === undefined) return Promise.reject(new HatrackError('NOT_SUPPORTED', `fake gateway: unexpected ${m}`));
      return h(...args);
    };
  }
  return fake as unknown as FakeGateway;
}
