// Fuzz test of dispatch (plain Node): >10,000 random and malformed payloads on every channel; none crashes, none leaks through.
//
// The oracle is the contract itself: a payload reaches a handler only if the channel's zod request schema accepts it,
// and what reached the handler must validate again and be plain data (no borrowed prototypes).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, CONTRACT } from '../../shared/ipc/contract.js';
import type { Channel } from '../../shared/ipc/contract.js';
import { createDispatch } from './dispatch.js';
import type { Handlers } from './dispatch.js';

/** At least one valid request per channel; mutations of these probe the edges of each schema. */
const VALID: { readonly [C in Channel]: readonly unknown[] } = {
  'app.info': [{}],
  'profiles.list': [{}],
  'profiles.get': [{ name: 'dev' }],
  'profiles.preview': [
    { edit: { type: 'set', profile: 'dev', values: { region: 'eu-west-1', output: null } } },
    { edit: { type: 'add', profile: 'new', values: { region: 'us-east-1' } } },
    { edit: { type: 'remove', profile: 'old', force: false } },
    { edit: { type: 'rename', from: 'a', to: 'b' } },
    { edit: { type: 'fix', problemId: 'p1' } },
    { edit: { type: 'fixAll' } },
  ],
  'profiles.apply': [{ edit: { type: 'set', profile: 'dev', values: { region: 'eu-west-1' } } }, { edit: { type: 'fixAll' } }],
  'profiles.reveal': [{ name: 'dev', key: 'aws_secret_access_key' }, { name: 'dev', key: 'aws_session_token' }],
  'credentials.use': [{ profile: 'dev' }, { profile: 'prod', confirmProduction: true, keepDefaultAs: 'old-default', mfaCode: '123456' }],
  'credentials.restoreDefault': [{}, { keptAs: 'old-default' }],
  'credentials.assume': [{ profile: 'dev' }, { profile: 'dev', mfaCode: '000000' }, { profile: 'dev', callId: 'call-2' }],
  'credentials.envSnippet': [{ profile: 'dev' }, { profile: 'dev', shell: 'fish' }],
  'console.open': [
    { profile: 'dev' },
    { profile: 'dev', region: 'eu-west-1', service: 's3', mfaCode: '654321' },
    { profile: 'dev', lastChoice: true, separateProfile: true, browser: 'firefox', callId: 'call-3' },
  ],
  'console.browsers': [{}],
  'console.clearRecents': [{}],
  'calls.cancel': [{ callId: 'call-1' }],
  'keys.info': [{ profile: 'dev' }],
  'keys.checkAll': [{}],
  'keys.rotate': [{ profile: 'dev' }, { profile: 'dev', keepOld: true, deleteKeyId: 'AKIAOLD' }],
  'vault.list': [{}],
  'vault.add': [{ profile: 'dev' }],
  'vault.remove': [{ profile: 'dev' }],
  'doctor.run': [{}, { online: true }],
  'doctor.fix': [{ code: 'KEY_OLD', profile: null }, { code: 'X', profile: 'dev' }],
  'roleSetup.plan': [{ source: 'dev', account: '123456789012', role: 'Admin', mfa: true }, { source: 'dev', account: '123456789012', role: 'ReadOnly', mfa: false, externalId: 'x', profileName: 'ro', sourceAccount: '210987654321' }],
  'roleSetup.apply': [{ source: 'dev', account: '123456789012', role: 'Admin', mfa: true }],
  'settings.get': [{}],
  'settings.update': [{}, { app: { theme: 'dark', refreshLeadMinutes: 5 } }, { profiles: { dev: { favourite: true, colour: null } } }],
  'sso.sessions': [{}],
  'sso.setup': [{ name: 'corp', startUrl: 'https://d-1234567890.awsapps.com/start', region: 'us-east-1' }],
  'sso.signIn.start': [{ target: { session: 'corp' } }, { target: { profile: 'dev' } }],
  'sso.signIn.openBrowser': [{ flowId: 'f1' }],
  'sso.signIn.wait': [{ flowId: 'f1' }],
  'sso.signIn.cancel': [{ flowId: 'f1' }],
  'sso.signOut': [{ session: 'corp' }],
  'sso.discover': [{ session: 'corp' }],
  'sso.populate.preview': [{ session: 'corp', pairs: ['123456789012/ReadOnly'] }, { session: 'corp', pairs: ['123456789012/Admin'], template: '{account_name}/{role_name}', region: 'eu-west-1' }],
  'sso.populate.apply': [{ session: 'corp', pairs: ['123456789012/ReadOnly'] }],
  'sessions.list': [{}],
  'sessions.refresh': [{ id: 'role:dev' }, { id: 'mfa:arn:aws:iam::123456789012:mfa/me', mfaCode: '123456', callId: 'call-2' }],
  'sessions.forget': [{ id: 'console:dev' }],
};

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then', '__defineGetter__'];
const WEIRD_VALUES: readonly unknown[] = [null, undefined, 0, -0, -1, 1.5, 1e308, Number.NaN, Number.POSITIVE_INFINITY, true, false, '', ' ', '0', [], {}, [[]], { a: 1 }, '123456', '12345', '1234567', 'x'.repeat(201), 10n, new Date(0), Symbol('s'), () => 1];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Sets a key as an own, enumerable property, the way JSON.parse would (so `__proto__` is a key, not the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

type Mutation =
  | { op: 'extra'; key: string; value: unknown; deep: boolean }
  | { op: 'wrongType'; index: number; value: unknown; deep: boolean }
  | { op: 'delete'; index: number; deep: boolean }
  | { op: 'huge'; index: number; length: number; deep: boolean }
  | { op: 'wrap'; how: 'array' | 'string' | 'nested' };

function targetOf(payload: Record<string, unknown>, deep: boolean): Record<string, unknown> {
  if (!deep) return payload;
  // The first nested plain object (edit, app, profiles, values…) or the payload itself.
  for (const v of Object.values(payload)) if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  return payload;
}

function mutate(seed: unknown, m: Mutation): unknown {
  const payload = clone(seed) as Record<string, unknown>;
  if (m.op === 'wrap') return m.how === 'array' ? [payload] : m.how === 'string' ? JSON.stringify(payload) : { request: payload };
  const target = targetOf(payload, m.deep);
  const keys = Object.keys(target);
  const key = keys.length === 0 ? 'x' : keys[('index' in m ? m.index : 0) % keys.length]!;
  switch (m.op) {
    case 'extra':
      setOwn(target, m.key, m.value);
      break;
    case 'wrongType':
      setOwn(target, key, m.value);
      break;
    case 'delete':
      delete target[key];
      break;
    case 'huge':
      setOwn(target, key, 'A'.repeat(m.length));
      break;
  }
  return payload;
}

const keyArb = fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 12 }));
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('extra' as const), key: keyArb, value: fc.jsonValue({ maxDepth: 2 }), deep: fc.boolean() }),
  fc.record({ op: fc.constant('wrongType' as const), index: fc.nat(), value: fc.oneof(fc.constantFrom(...WEIRD_VALUES), fc.anything({ maxDepth: 2 })), deep: fc.boolean() }),
  fc.record({ op: fc.constant('delete' as const), index: fc.nat(), deep: fc.boolean() }),
  fc.record({ op: fc.constant('huge' as const), index: fc.nat(), length: fc.constantFrom(201, 65_536, 1_048_576), deep: fc.boolean() }),
  fc.record({ op: fc.constant('wrap' as const), how: fc.constantFrom('array' as const, 'string' as const, 'nested' as const) }),
);

/** JSON text with pollution keys, parsed the way an IPC message would be deserialised. */
function pollutedArb(channel: Channel): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...VALID[channel]), fc.constantFrom(...POLLUTION_KEYS.slice(0, 3)), fc.boolean()).map(([seed, key, nested]) => {
    const body = JSON.stringify(seed) as string;
    const injection = key === 'constructor' ? '"constructor":{"prototype":{"polluted":"yes"}}' : `"${key}":{"polluted":"yes"}`;
    const text = nested && body.includes('"values":{') ? body.replace('"values":{', `"values":{${injection},`) : body.replace(/^\{/, body === '{}' ? `{${injection}` : `{${injection},`);
    return JSON.parse(text) as Json;
  });
}

/** The right keys with arbitrary values: type confusion on every field. */
function shapedArb(channel: Channel): fc.Arbitrary<unknown> {
  const schema = CONTRACT[channel].request as unknown as { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  if (keys.length === 0) return fc.constant({});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const k of keys) model[k] = fc.oneof(fc.constantFrom(...WEIRD_VALUES), fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 8 }));
  return fc.record(model, { requiredKeys: [] });
}

function payloadArb(channel: Channel): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    {
      weight: 2,
      arbitrary: fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withObjectString: true }),
    },
    { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...VALID[channel]), mutationArb).map(([seed, m]) => mutate(seed, m)) },
    { weight: 2, arbitrary: pollutedArb(channel) },
    { weight: 3, arbitrary: shapedArb(channel) },
    { weight: 1, arbitrary: fc.constantFrom(...VALID[channel]).map(clone) },
  );
}

/** Every object reachable from a value handed to a handler is a plain object or array (no borrowed prototype). */
function assertPlainData(value: unknown, path = 'request'): void {
  if (typeof value !== 'object' || value === null) {
    expect(typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint', `${path} is ${typeof value}`).toBe(false);
    return;
  }
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === Array.prototype, `${path} has a foreign prototype`).toBe(true);
  for (const [k, v] of Object.entries(value)) assertPlainData(v, `${path}.${k}`);
}

const RUNS_PER_CHANNEL = 600;
const calls: { channel: Channel; request: unknown }[] = [];
const handlers = Object.fromEntries(
  CHANNELS.map((channel) => [
    channel,
    async (request: unknown) => {
      calls.push({ channel, request });
      return { recorded: channel };
    },
  ]),
) as unknown as Handlers;
const internalErrors: string[] = [];
const dispatch = createDispatch(handlers, { error: (channel, detail) => internalErrors.push(`${channel}: ${detail}`) });

let total = 0;
let accepted = 0;
const protoNames = Object.getOwnPropertyNames(Object.prototype).sort();

async function check(channel: Channel, payload: unknown): Promise<void> {
  total++;
  const before = calls.length;
  const valid = CONTRACT[channel].request.safeParse(payload).success;
  const result = await dispatch(channel, payload);
  if (!valid) {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('BAD_REQUEST');
    expect(calls.length, `an invalid payload reached ${channel}`).toBe(before);
    return;
  }
  accepted++;
  expect(result).toEqual({ ok: true, value: { recorded: channel } });
  expect(calls.length).toBe(before + 1);
  const reached = calls[calls.length - 1]!;
  expect(reached.channel).toBe(channel);
  // Re-validate exactly what the handler got.
  expect(CONTRACT[channel].request.safeParse(reached.request).success).toBe(true);
  assertPlainData(reached.request);
}

describe('dispatch under fuzzing', () => {
  beforeAll(() => {
    calls.length = 0;
  });
  afterAll(() => {
    console.log(`dispatch fuzz: ${total} payloads over ${CHANNELS.length} channels, ${accepted} valid reached handlers, ${total - accepted} refused`);
  });

  it('accepts every hand-written valid seed (the fuzz starts from real requests)', async () => {
    for (const channel of CHANNELS) {
      for (const seed of VALID[channel]) {
        expect(CONTRACT[channel].request.safeParse(seed).success, `${channel} seed ${JSON.stringify(seed)}`).toBe(true);
        await check(channel, clone(seed));
      }
    }
  });

  for (const channel of CHANNELS) {
    it(`${channel}: random, malformed and polluted payloads are refused unless valid`, async () => {
      await fc.assert(
        fc.asyncProperty(payloadArb(channel), async (payload) => {
          await check(channel, payload);
        }),
        { numRuns: RUNS_PER_CHANNEL, seed: 0x4a7 + channel.length, endOnFailure: true },
      );
    });
  }

  it('unknown channels (including prototype names) are refused', async () => {
    const names = ['', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'profiles', 'profiles.list ', 'PROFILES.LIST', 'hatrack:profiles.list'];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 30 })), fc.jsonValue({ maxDepth: 2 }), async (name, payload) => {
        if ((CHANNELS as readonly string[]).includes(name)) return;
        total++;
        const before = calls.length;
        const result = await dispatch(name, payload);
        expect(result).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Unknown channel.' } });
        expect(calls.length).toBe(before);
      }),
      { numRuns: 500, seed: 7 },
    );
    for (const bad of [undefined, null, 1, {}, ['profiles.list']]) {
      expect(await dispatch(bad as unknown as string, {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('ran at least 10,000 payloads, nothing polluted Object.prototype, no handler crashed', () => {
    expect(total).toBeGreaterThanOrEqual(10_000);
    expect(accepted).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoNames);
    expect(internalErrors).toEqual([]);
  });
});
