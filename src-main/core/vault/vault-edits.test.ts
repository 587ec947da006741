// The vault's file edits: keys out and back in byte for byte, and every refusal made before anything changes.

import { describe, expect, it } from 'vitest';
import { codeOf, docsOf, textOf } from '../../../test/support/docs.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import { findProblems } from '../awsfiles/problems.js';
import { stringSetting } from '../awsfiles/profiles.js';
import { isVaultCommand, planVaultAdd, planVaultRemove } from './vault-edits.js';
import type { VaultEntry } from './vault-entry.js';
import { parseVaultEntry, serializeVaultEntry } from './vault-entry.js';

const CMD = '/usr/bin/node /opt/hatrack/dist/cli/hatrack.cjs credential-process --profile dev';
const ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function roundTrip(config: string, credentials: string, name = 'dev') {
  const before = docsOf(config, credentials);
  const cmd = CMD.replace('--profile dev', `--profile ${name}`);
  const plan = planVaultAdd(before, name, cmd);
  const entry: VaultEntry = parseVaultEntry(name, serializeVaultEntry({ version: 1, accessKeyId: plan.accessKeyId, secretAccessKey: plan.secretAccessKey, storedAt: 'x', origin: plan.origin }));
  const back = planVaultRemove(plan.docs, name, entry);
  return { plan, vaulted: textOf(plan.docs), restored: textOf(back) };
}

describe('vault add / remove edits', () => {
  it('moves keys out of the credentials file, wires credential_process, and restores both files byte for byte', () => {
    const config = '# top\n[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1\n\n[profile other]\noutput = json\n';
    const credentials = '# mine\n[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n# note between\naws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = eu-west-1\n\n[other]\naws_access_key_id = AKIAOTHER0000000000X\naws_secret_access_key = other\n';
    const { plan, vaulted, restored } = roundTrip(config, credentials);
    expect(plan.accessKeyId).toBe(ID);
    expect(plan.secretAccessKey).toBe(SECRET);
    expect(vaulted.credentials).not.toContain(SECRET);
    expect(vaulted.credentials).toContain('# note between\nregion = eu-west-1');
    expect(vaulted.config).toContain(`[profile dev]\nregion = eu-west-1\ncredential_process = ${CMD}\n`);
    const model = modelOf(docsOf(vaulted.config, vaulted.credentials));
    expect(model.byName.get('dev')!.kind).toBe('process');
    expect(model.byName.get('other')!.kind).toBe('static');
    expect(restored).toEqual({ config, credentials });
  });

  it('creates the config section when there is none and removes it again; CRLF and a missing final newline survive', () => {
    const config = '[default]\r\nregion = us-east-1';
    const credentials = '[dev]\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const { plan, vaulted, restored } = roundTrip(config, credentials);
    expect(plan.origin.createdConfigSection).toBe(true);
    expect(vaulted.config).toContain('\r\n[profile dev]\r\ncredential_process = ');
    expect(restored).toEqual({ config, credentials });
  });

  it('handles keys kept in the config file and the default profile', () => {
    const config = '[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nregion = us-east-1\n';
    const { plan, vaulted, restored } = roundTrip(config, '', 'default');
    expect(plan.origin.file).toBe('config');
    expect(vaulted.config).toBe(`[default]\nregion = us-east-1\ncredential_process = ${CMD.replace('dev', 'default')}\n`);
    expect(restored).toEqual({ config, credentials: '' });
  });

  it('adds no problem the files did not have', () => {
    const { vaulted } = roundTrip('[profile dev]\nregion = eu-west-1\n', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s3cr3t-s3cr3t\n');
    expect(findProblems(modelOf(docsOf(vaulted.config, vaulted.credentials)))).toEqual([]);
  });

  it('refuses what it could not undo or what is not a long-term key profile', () => {
    const keys = 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = abcdefgh\n';
    expect(codeOf(() => planVaultAdd(docsOf('', '[x]\nregion = a\n'), 'dev', CMD))).toBe('PROFILE_NOT_FOUND');
    expect(codeOf(() => planVaultAdd(docsOf('[profile dev]\nregion = a\n'), 'dev', CMD))).toBe('NO_CREDENTIALS');
    expect(codeOf(() => planVaultAdd(docsOf('', `[dev]\n${keys}aws_session_token = t\n`), 'dev', CMD))).toBe('NOT_SUPPORTED');
    expect(codeOf(() => planVaultAdd(docsOf('[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = x\n', `[dev]\n${keys}`), 'dev', CMD))).toBe('NOT_SUPPORTED');
    expect(codeOf(() => planVaultAdd(docsOf(`[profile dev]\n${keys}`, `[dev]\n${keys}`), 'dev', CMD))).toBe('AMBIGUOUS_EDIT');
    expect(codeOf(() => planVaultAdd(docsOf('', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n'), 'dev', CMD))).toBe('INVALID_CONFIG');
    expect(codeOf(() => planVaultAdd(docsOf('[profile dev]\ncredential_process = /bin/true\n', `[dev]\n${keys}`), 'dev', CMD))).toBe('NOT_SUPPORTED');
  });

  it('remove refuses a credential_process it did not write and keys already back in the files', () => {
    const { plan } = roundTrip('', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = abcdefgh\n');
    const entry: VaultEntry = { version: 1, accessKeyId: plan.accessKeyId, secretAccessKey: plan.secretAccessKey, storedAt: '', origin: plan.origin };
    expect(codeOf(() => planVaultRemove(docsOf('[profile dev]\ncredential_process = /bin/other\n', '[dev]\n'), 'dev', entry))).toBe('AMBIGUOUS_EDIT');
    expect(codeOf(() => planVaultRemove(docsOf('', '[dev]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = abcdefgh\n'), 'dev', entry))).toBe('AMBIGUOUS_EDIT');
  });

  it('remove falls back to plain key lines when the section is gone', () => {
    const entry: VaultEntry = { version: 1, accessKeyId: ID, secretAccessKey: SECRET, storedAt: '', origin: { file: 'credentials', lines: [], createdConfigSection: false } };
    const back = planVaultRemove(docsOf(`[profile dev]\nregion = a\ncredential_process = ${CMD}\n`), 'dev', entry);
    const p = modelOf(back).byName.get('dev')!;
    expect(stringSetting(p.settings, 'aws_secret_access_key')).toBe(SECRET);
    expect(p.settings.has('credential_process')).toBe(false);
  });

  it('recognises only its own command line', () => {
    expect(isVaultCommand(CMD, 'dev')).toBe(true);
    expect(isVaultCommand(CMD, 'de')).toBe(false);
    expect(isVaultCommand('/bin/true', 'dev')).toBe(false);
  });
});
