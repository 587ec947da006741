// Unit tests of launch options (CLI mode, hidden start, test-only HOME honoured only unpackaged), paths and background checks.
import { describe, expect, it, vi } from 'vitest';
import type { TraySnapshot } from '../app/tray/tray-input.js';
import { createBackgroundChecks } from './background.js';
import { coreVars, launchOptions } from './launch-options.js';
import { shellPaths, trayIconFile } from './paths.js';
import { profileCapabilities } from '../core/awsfiles/kinds.js';

describe('launchOptions', () => {
  it('finds --hatrack-cli and passes everything after it to the CLI', () => {
    expect(launchOptions(['/Applications/Hatrack.app/Contents/MacOS/Hatrack', '--hatrack-cli', 'list', '--json'], {}, true).cliArgs).toEqual(['list', '--json']);
    expect(launchOptions(['electron', '.', '--hatrack-cli'], {}, false).cliArgs).toEqual([]);
    expect(launchOptions(['electron', '.'], {}, false).cliArgs).toBeNull();
  });

  it('starts hidden from a login item, never in CLI mode', () => {
    expect(launchOptions(['hatrack', '--hatrack-hidden'], {}, true).startHidden).toBe(true);
    expect(launchOptions(['hatrack', '--hatrack-cli', '--hatrack-hidden'], {}, true).startHidden).toBe(false);
  });

  it('honours HATRACK_TEST_HOME only when not packaged', () => {
    expect(launchOptions(['e'], { HATRACK_TEST_HOME: '/tmp/h' }, false).testHome).toBe('/tmp/h');
    expect(launchOptions(['e'], { HATRACK_TEST_HOME: '/tmp/h' }, true).testHome).toBeNull();
    expect(launchOptions(['e'], { HATRACK_TEST_HOME: ' ' }, false).testHome).toBeNull();
  });

  it('moves HOME to the test home and drops file overrides', () => {
    const env = { HOME: '/home/me', AWS_CONFIG_FILE: '/x', PATH: '/bin' };
    expect(coreVars(env, null)).toBe(env);
    expect(coreVars(env, '/tmp/h')).toEqual({ HOME: '/tmp/h', USERPROFILE: '/tmp/h', AWS_CONFIG_FILE: undefined, AWS_SHARED_CREDENTIALS_FILE: undefined, PATH: '/bin' });
  });
});

describe('shell paths', () => {
  it('finds renderer and preload beside dist/main, tray icons in resources when packaged', () => {
    expect(shellPaths('/app/dist/main', '/app', '/res', false)).toEqual({ rendererRoot: '/app/dist/renderer', preload: '/app/dist/preload/preload.cjs', trayIcons: '/app/assets/tray', appIcon: '/app/assets/icon.png' });
    expect(shellPaths('/r/app.asar/dist/main', '/r/app.asar', '/r', true).trayIcons).toBe('/r/tray');
  });
  it('picks the template on macOS and the contrasting glyph elsewhere', () => {
    expect(trayIconFile('darwin', true)).toBe('trayTemplate.png');
    expect(trayIconFile('win32', false)).toBe('tray-light.png');
    expect(trayIconFile('linux', true)).toBe('tray-dark.png');
  });
});

describe('createBackgroundChecks', () => {
  const NOW = Date.parse('2026-03-01T12:00:00Z');
  const snap = (expiresInMs: number): TraySnapshot => ({
    profiles: [{ name: 'work', capabilities: profileCapabilities({ settings: new Map([['role_arn', 'arn:aws:iam::111111111111:role/R'], ['source_profile', 'base']]), credentialsSettings: undefined }), accountId: null, region: null, production: false, favourite: false, isDefault: true, sessionExpiresAt: new Date(NOW + expiresInMs).toISOString(), accessKeyId: null, keyAgeDays: null }],
    doctorFindingCount: 0,
    defaultProfile: 'work',
    refreshLeadMinutes: 10,
    notifications: { sessionExpiring: true, keyAge: true },
    launchAtLogin: false,
    error: null,
  });

  it('refreshes once when due (no "expiring" notification then), and notifies after a failed attempt', async () => {
    let now = NOW;
    const show = vi.fn();
    let finish: (ok: boolean) => void = () => undefined;
    const refresh = vi.fn(() => new Promise<boolean>((r) => (finish = r)));
    const checks = createBackgroundChecks({ now: () => new Date(now), show, refresh });
    expect(checks.check(snap(4 * 60_000)).kind).toBe('refresh');
    expect(checks.check(snap(4 * 60_000)).kind).toBe('wait'); // the attempt is remembered
    expect(refresh).toHaveBeenCalledOnce();
    expect(show).not.toHaveBeenCalled();
    finish(false);
    await Promise.resolve();
    now += 30_000;
    checks.check(snap(4 * 60_000));
    expect(show).toHaveBeenCalledOnce();
    expect(show.mock.calls[0]![0]).toMatchObject({ kind: 'session-expiring', action: { type: 'refresh', profile: 'work' } });
  });

  it('does nothing while the session is far from expiry', () => {
    const show = vi.fn();
    const refresh = vi.fn(async () => true);
    const checks = createBackgroundChecks({ now: () => new Date(NOW), show, refresh });
    expect(checks.check(snap(3_600_000)).kind).toBe('wait');
    expect(show).not.toHaveBeenCalled();
    expect(refresh).not.toHaveBeenCalled();
  });
});
