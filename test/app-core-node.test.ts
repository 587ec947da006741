// Integration test: createAppCore under plain Node (no Electron binary) over a temp HOME, driven through dispatch.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Environment } from '../src-main/core/environment.js';

// Any runtime import of 'electron' from core would land here and fail the test (and never start a binary download).
vi.mock('electron', () => {
  throw new Error('src-main/app-core imported electron at runtime');
});

const { createAppCore } = await import('../src-main/app/app-core.js');

const CONFIG = `# my AWS config — comments must survive
[default]
region = us-east-1

[profile dev]
region = us-east-1   ; inline comment
output = json

[profile ops]
role_arn = arn:aws:iam::123456789012:role/Ops
source_profile = dev
`;
const CREDENTIALS = `[dev]
aws_access_key_id = AKIAEXAMPLEKEY000001
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

let home: string;
let env: Environment;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hatrack-core-'));
  mkdirSync(join(home, '.aws'));
  writeFileSync(join(home, '.aws', 'config'), CONFIG);
  writeFileSync(join(home, '.aws', 'credentials'), CREDENTIALS);
  env = { vars: { HOME: home }, platform: process.platform === 'win32' ? 'linux' : process.platform, osHome: home, now: () => new Date('2026-03-01T12:00:00Z') };
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function core() {
  return createAppCore({ env, dataDir: join(home, 'data'), openExternal: vi.fn(async () => undefined), watchFiles: false, backgroundKeyChecks: false });
}

const configBytes = () => readFileSync(join(home, '.aws', 'config'));

describe('createAppCore under plain Node', () => {
  it('runs without Electron', () => {
    expect(process.versions.electron).toBeUndefined();
  });

  it('profiles.list answers the profiles of the temp HOME', async () => {
    const c = core();
    const result = await c.dispatch('profiles.list', {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.value as { profiles: { name: string; kind: string }[]; files: { config: string } };
    expect(value.profiles.map((p) => p.name).sort()).toEqual(['default', 'dev', 'ops']);
    expect(value.files.config).toBe(join(home, '.aws', 'config'));
    c.dispose();
  });

  it('profiles.get masks the secret key', async () => {
    const c = core();
    const result = await c.dispatch('profiles.get', { name: 'dev' });
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result)).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    c.dispose();
  });

  it('profiles.preview of a set writes nothing; profiles.apply writes exactly the changed line', async () => {
    const c = core();
    const edit = { type: 'set', profile: 'dev', values: { output: 'yaml' } };
    const before = configBytes();
    const preview = await c.dispatch('profiles.preview', { edit });
    expect(preview.ok).toBe(true);
    const hunks = preview.ok ? (preview.value as { files: { kind: string; hunks: { lines: { op: string; text: string }[] }[] }[] }).files : [];
    const changed = hunks.flatMap((f) => f.hunks.flatMap((h) => h.lines.filter((l) => l.op !== 'keep').map((l) => `${f.kind} ${l.op} ${l.text}`)));
    expect(changed).toEqual(['config remove output = json', 'config add output = yaml']);
    expect(configBytes().equals(before)).toBe(true);

    const applied = await c.dispatch('profiles.apply', { edit });
    expect(applied).toMatchObject({ ok: true, value: { changed: true } });
    expect(configBytes().toString('utf8')).toBe(CONFIG.replace('output = json', 'output = yaml'));
    // A no-op apply leaves the bytes alone.
    const again = await c.dispatch('profiles.apply', { edit });
    expect(again).toMatchObject({ ok: true, value: { changed: false } });
    expect(configBytes().toString('utf8')).toBe(CONFIG.replace('output = json', 'output = yaml'));
    c.dispose();
  });

  it('an invalid request is BAD_REQUEST and touches nothing', async () => {
    const c = core();
    const before = configBytes();
    for (const payload of [{ edit: { type: 'set', profile: 'dev', values: { output: 'x' } }, extra: true }, { edit: { type: 'nuke' } }, null, 'profiles']) {
      const result = await c.dispatch('profiles.apply', payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
    expect(await c.dispatch('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(configBytes().equals(before)).toBe(true);
    c.dispose();
  });

  it('a domain error travels as its code', async () => {
    const c = core();
    expect(await c.dispatch('profiles.get', { name: 'nope' })).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
    c.dispose();
  });
});
