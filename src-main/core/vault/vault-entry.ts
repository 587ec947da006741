// What the vault keeps in the keychain for one profile, and under which service/account names; pure.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { AwsFileKind } from '../awsfiles/profiles.js';
import type { SecretStore } from './secret-store.js';

export const DEFAULT_SERVICE = 'Hatrack';
export const PROFILE_ACCOUNT_PREFIX = 'profile:';
export const MFA_ACCOUNT_PREFIX = 'mfa-session:';

/**
 * The keychain service name. HATRACK_KEYCHAIN_SERVICE exists so tests (and a second, side-by-side install) never
 * touch the entries of the user's real Hatrack; it is inherited by the credential_process child like every variable.
 */
export function vaultService(vars: Readonly<Record<string, string | undefined>>): string {
  const override = vars['HATRACK_KEYCHAIN_SERVICE'];
  return override !== undefined && override !== '' ? override : DEFAULT_SERVICE;
}

export const profileAccount = (profile: string): string => `${PROFILE_ACCOUNT_PREFIX}${profile}`;

/** One line taken out of a file, with its place relative to the section header, so it can go back byte for byte. */
export interface RemovedLine {
  /** Lines after the header (1 = right under it), counted in the section as it was. */
  readonly offset: number;
  readonly text: string;
}

export interface VaultOrigin {
  readonly file: AwsFileKind;
  readonly lines: readonly RemovedLine[];
  /** `vault add` had to create the config `[profile x]` section for credential_process; `remove` drops it again. */
  readonly createdConfigSection: boolean;
  /** The file's line ending, for a file left with none (one header, no final newline) when the keys went out. */
  readonly eol?: '\r\n' | '\n' | '\r' | undefined;
}

export interface VaultEntry {
  readonly version: 1;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** ISO 8601 time the keys moved into the keychain. */
  readonly storedAt: string;
  readonly origin: VaultOrigin;
}

function fail(profile: string, why: string): HatrackError {
  return new HatrackError('INVALID_CONFIG', `The keychain entry for profile "${profile}" is damaged (${why}); run \`hatrack vault remove ${profile}\` or re-add the keys.`);
}

const eolOf = (v: unknown): VaultOrigin['eol'] => (v === '\r\n' || v === '\n' || v === '\r' ? v : undefined);

const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

/**
 * Parses a stored entry by hand rather than with zod: this runs inside `hatrack credential-process` before every AWS
 * call, and loading zod costs more than the rest of that command.
 */
export function parseVaultEntry(profile: string, text: string): VaultEntry {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw fail(profile, 'not JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw fail(profile, 'not an object');
  const r = raw as Record<string, unknown>;
  if (r['version'] !== 1) throw fail(profile, `unknown version ${String(r['version'])}`);
  if (!isString(r['accessKeyId']) || !isString(r['secretAccessKey'])) throw fail(profile, 'keys missing');
  const o = r['origin'];
  const origin: VaultOrigin =
    typeof o === 'object' && o !== null
      ? {
          file: (o as Record<string, unknown>)['file'] === 'config' ? 'config' : 'credentials',
          lines: Array.isArray((o as Record<string, unknown>)['lines'])
            ? ((o as Record<string, unknown>)['lines'] as unknown[]).flatMap((l) => {
                const line = l as Record<string, unknown>;
                return typeof line['offset'] === 'number' && typeof line['text'] === 'string' ? [{ offset: line['offset'], text: line['text'] }] : [];
              })
            : [],
          createdConfigSection: (o as Record<string, unknown>)['createdConfigSection'] === true,
          eol: eolOf((o as Record<string, unknown>)['eol']),
        }
      : { file: 'credentials', lines: [], createdConfigSection: false };
  return {
    version: 1,
    accessKeyId: r['accessKeyId'],
    secretAccessKey: r['secretAccessKey'],
    storedAt: isString(r['storedAt']) ? r['storedAt'] : '',
    origin,
  };
}

export function serializeVaultEntry(entry: VaultEntry): string {
  return JSON.stringify(entry);
}

export async function readVaultEntry(store: SecretStore, service: string, profile: string): Promise<VaultEntry | undefined> {
  const text = await store.get(service, profileAccount(profile));
  return text === undefined ? undefined : parseVaultEntry(profile, text);
}
