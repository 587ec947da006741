// Rotating a profile's key wherever it is written: its own section and the managed [default], or a refusal up front.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { docsOf, settingsOf, textOf } from '../../../test/support/docs.js';
import { createAwsFiles } from '../awsfiles/aws-files.js';
import { planSwitch } from '../switch/managed-default.js';
import { rotateProfileKey, withRotatedKey } from './rotate-profile.js';
import type { RotateOptions, RotationOutcome } from './rotation.js';

const OLD = { accessKeyId: 'AKIAOLD0000000000001', secretAccessKey: 'old-secret' };
const NEW = { accessKeyId: 'AKIANEW0000000000001', secretAccessKey: 'new-secret' };
const GOOD_CREDS = `[good]\naws_access_key_id = ${OLD.accessKeyId}\naws_secret_access_key = ${OLD.secretAccessKey}\n`;

/** The files after `hatrack use good`. */
const afterUse = (config = '[profile good]\nregion = eu-west-1\n', credentials = GOOD_CREDS) =>
  planSwitch(docsOf(config, credentials), { profile: 'good', credentials: OLD, region: 'eu-west-1' }).docs;

describe('withRotatedKey', () => {
  it('replaces the key in the profile and in the [default] that `use` copied it to, keeping the marker', () => {
    const after = withRotatedKey(afterUse(), 'good', OLD.accessKeyId, NEW);
    for (const name of ['good', 'default']) {
      expect(settingsOf(after, name)).toMatchObject({ aws_access_key_id: NEW.accessKeyId, aws_secret_access_key: NEW.secretAccessKey });
    }
    const text = textOf(after).credentials;
    expect(text).toMatch(/^\[default\]\n# managed by hatrack: profile "good", long-term keys, no expiry/m);
    expect(text).not.toContain(OLD.accessKeyId);
    expect(text).not.toContain(OLD.secretAccessKey);
  });

  it('leaves a managed [default] that holds other credentials alone', () => {
    const docs = planSwitch(docsOf('[profile good]\nregion = eu-west-1\n', GOOD_CREDS), {
      profile: 'role',
      credentials: { accessKeyId: 'ASIAROLE000000000001', secretAccessKey: 's', sessionToken: 't' },
      region: undefined,
    }).docs;
    const after = withRotatedKey(docs, 'good', OLD.accessKeyId, NEW);
    expect(settingsOf(after, 'default')['aws_access_key_id']).toBe('ASIAROLE000000000001');
    expect(settingsOf(after, 'good')['aws_access_key_id']).toBe(NEW.accessKeyId);
  });

  it('refuses when the profile no longer holds the key being replaced', () => {
    expect(() => withRotatedKey(afterUse(), 'good', 'AKIASOMETHINGELSE001', NEW)).toThrow(expect.objectContaining({ code: 'FILE_CHANGED_ON_DISK' }));
  });
});

describe('rotateProfileKey over real files', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(path.join(tmpdir(), 'hatrack-rotate-profile-'));
    mkdirSync(path.join(home, '.aws'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  const files = (config: string, credentials: string) => {
    writeFileSync(path.join(home, '.aws', 'config'), config);
    writeFileSync(path.join(home, '.aws', 'credentials'), credentials);
    return createAwsFiles({ vars: { HOME: home }, platform: 'linux', osHome: home, now: () => new Date('2026-03-01T12:00:00Z') }, { dataDir: path.join(home, 'data') });
  };
  const read = (name: 'config' | 'credentials') => readFileSync(path.join(home, '.aws', name), 'utf8');
  const ok: RotationOutcome = { ok: true, userName: 'u', oldAccessKeyId: OLD.accessKeyId, newAccessKeyId: NEW.accessKeyId, newKeyCreateDate: undefined, oldKey: 'deleted', removedKeyId: undefined, verifyAttempts: 1 };

  it('saves the new key into the profile and the managed [default] in one write', async () => {
    const used = afterUse();
    const service = files(used.config.text, used.credentials.text);
    const edit = vi.spyOn(service, 'edit');
    const rotate = vi.fn(async (_m: unknown, _p: string, opts: RotateOptions) => {
      await opts.saveNewKey(NEW);
      return ok;
    });
    await expect(rotateProfileKey({ files: service, rotate }, 'good', {})).resolves.toBe(ok);
    expect(edit).toHaveBeenCalledTimes(1);
    const text = read('credentials');
    expect(text.match(new RegExp(NEW.accessKeyId, 'g'))).toHaveLength(2);
    expect(text).not.toContain(OLD.accessKeyId);
  });

  it('refuses before any IAM call when another profile holds the same key, or the keys are in the keychain', async () => {
    const rotate = vi.fn();
    const copied = files('', `${GOOD_CREDS}[default]\naws_access_key_id = ${OLD.accessKeyId}\naws_secret_access_key = ${OLD.secretAccessKey}\n`);
    await expect(rotateProfileKey({ files: copied, rotate }, 'good', {})).rejects.toMatchObject({ code: 'AMBIGUOUS_EDIT', message: expect.stringContaining('"default"') });
    const vaulted = files('[profile good]\ncredential_process = /usr/bin/hatrack credential-process --profile good\n', '');
    await expect(rotateProfileKey({ files: vaulted, rotate }, 'good', {})).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(rotate).not.toHaveBeenCalled();
  });
});
