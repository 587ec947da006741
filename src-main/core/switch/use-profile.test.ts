// `use` checks who the credentials belong to before writing [default]; a failed check writes nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { HatrackError } from '../../../shared/domain/errors.js';
import { createAwsFiles } from '../awsfiles/aws-files.js';
import { useProfile } from './use-profile.js';

const KEYS = { accessKeyId: 'AKIABAD0000000000001', secretAccessKey: 'bad-secret' };
const CREDS = `[bad]\naws_access_key_id = ${KEYS.accessKeyId}\naws_secret_access_key = ${KEYS.secretAccessKey}\n`;

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'hatrack-use-profile-'));
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(path.join(home, '.aws', 'config'), '[default]\nregion = us-east-1\n');
  writeFileSync(path.join(home, '.aws', 'credentials'), CREDS);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const files = () => createAwsFiles({ vars: { HOME: home }, platform: 'linux', osHome: home, now: () => new Date('2026-03-01T12:00:00Z') }, { dataDir: path.join(home, 'data') });
const bytes = () => ['config', 'credentials'].map((f) => readFileSync(path.join(home, '.aws', f), 'utf8'));

describe('useProfile verification', () => {
  it('writes nothing when AWS does not know the keys, and says so in one line', async () => {
    const before = bytes();
    const verify = vi.fn(async () => {
      throw new HatrackError('INVALID_CLIENT_TOKEN', 'AWS does not recognise the access key used for sts:GetCallerIdentity; it may be deleted or mistyped.');
    });
    const use = useProfile({ files: files(), isProduction: () => false, resolve: async () => KEYS, verify }, { profile: 'bad', confirmProduction: false });
    await expect(use).rejects.toMatchObject({ code: 'INVALID_CLIENT_TOKEN', message: expect.stringMatching(/^Profile "bad" was not made the default \(nothing was written\): AWS does not recognise/) });
    expect(verify).toHaveBeenCalledWith(expect.anything(), 'bad', KEYS);
    expect(bytes()).toEqual(before);
  });

  it('reports the account and ARN AWS gave, and skips the call when there is no verifier', async () => {
    const identity = { account: '123456789012', arn: 'arn:aws:iam::123456789012:user/bad' };
    const checked = await useProfile({ files: files(), isProduction: () => false, resolve: async () => KEYS, verify: async () => identity }, { profile: 'bad', confirmProduction: false });
    expect(checked.identity).toEqual(identity);
    expect(readFileSync(path.join(home, '.aws', 'credentials'), 'utf8')).toContain('# managed by hatrack: profile "bad"');
    const unchecked = await useProfile({ files: files(), isProduction: () => false, resolve: async () => KEYS }, { profile: 'bad', confirmProduction: false });
    expect(unchecked.identity).toBeUndefined();
  });
});
