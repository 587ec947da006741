// Integration: 'credentials.envSnippet' through createAppCore over a temp HOME whose config holds hostile profile names.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createAppCore } from '../src-main/app/app-core.js';

let home: string;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'hatrack-snippet-core-'));
  mkdirSync(join(home, '.aws'));
  const marker = join(home, 'ran');
  writeFileSync(join(home, '.aws', 'config'), `[profile dev]\nregion = eu-west-1\n\n[profile dev$(touch\${IFS}${marker})]\nregion = eu-west-1\n\n[profile ops;touch\${IFS}${marker}]\nregion = eu-west-1\n\n[profile ops;id]\nregion = eu-west-1\n`);
  writeFileSync(join(home, '.aws', 'credentials'), '');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function core() {
  return createAppCore({
    env: { vars: { HOME: home }, platform: 'linux', osHome: home, now: () => new Date('2026-03-01T12:00:00Z') },
    dataDir: join(home, 'data'),
    openExternal: vi.fn(async () => undefined),
    watchFiles: false,
    // No IAM here: the listing must not start a key check against the real endpoints.
    backgroundKeyChecks: false,
  });
}

describe("'credentials.envSnippet'", () => {
  it('refuses the names the audit pasted into sh, for every shell, and sh never runs anything', async () => {
    const c = core();
    const listed = await c.dispatch('profiles.list', {});
    const names = listed.ok ? (listed.value as { profiles: { name: string }[] }).profiles.map((p) => p.name).filter((n) => n !== 'dev') : [];
    expect(names).toHaveLength(3);
    for (const profile of names) {
      for (const shell of ['posix', 'fish', 'powershell'] as const) {
        const r = await c.dispatch('credentials.envSnippet', { profile, shell });
        expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_NAME' } });
      }
    }
    expect(readdirSync(home)).not.toContain('ran');
    c.dispose();
  });

  it('gives a quoted line for every shell that sets AWS_PROFILE to exactly the name', async () => {
    const c = core();
    const texts: Record<string, string> = {};
    for (const shell of ['posix', 'fish', 'powershell'] as const) {
      const r = await c.dispatch('credentials.envSnippet', { profile: 'dev', shell });
      expect(r.ok).toBe(true);
      texts[shell] = r.ok ? (r.value as { text: string }).text : '';
    }
    expect(texts).toEqual({ posix: 'export AWS_PROFILE=dev', fish: "set -gx AWS_PROFILE 'dev'", powershell: "$Env:AWS_PROFILE = 'dev'" });
    const sh = spawnSync('sh', ['-c', `${texts['posix']}\nprintf '%s' "$AWS_PROFILE"`], { encoding: 'utf8' });
    expect(sh.stdout).toBe('dev');
    c.dispose();
  });
});
