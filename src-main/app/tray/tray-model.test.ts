// Unit tests of the pure tray model: order of sections, default mark, production confirmation, countdown, grouping.
import { describe, expect, it } from 'vitest';
import { profileCapabilities } from '../../core/awsfiles/kinds.js';
import { buildTrayModel, formatCountdown, TRAY_NOTE_CHARS, trayActions } from './tray-model.js';
import type { TrayItem, TrayModelInput, TrayProfile } from './tray-model.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

/** Capabilities as the kinds table gives them for a config section holding `settings`. */
const capabilitiesOf = (settings: Record<string, string>) => profileCapabilities({ settings: new Map(Object.entries(settings)), credentialsSettings: undefined });
const ROLE = capabilitiesOf({ role_arn: 'arn:aws:iam::111111111111:role/R', source_profile: 'base' });

function profile(name: string, extra: Partial<TrayProfile> = {}): TrayProfile {
  return { name, capabilities: ROLE, accountId: '111111111111', region: 'eu-west-1', production: false, favourite: false, isDefault: false, sessionExpiresAt: null, ...extra };
}

function input(extra: Partial<TrayModelInput> = {}): TrayModelInput {
  return {
    profiles: [
      profile('dev', { favourite: true }),
      profile('prod-admin', { accountId: '222222222222', production: true, isDefault: true, sessionExpiresAt: new Date(NOW + 42 * 60_000 + 5_000).toISOString() }),
      profile('staging', { accountId: '333333333333' }),
      profile('sso-only', { accountId: null, capabilities: capabilitiesOf({ sso_account_id: '111111111111', sso_role_name: 'R' }) }),
      profile('base', { capabilities: capabilitiesOf({ region: 'eu-west-1' }), accountId: null }),
    ],
    recent: ['staging', 'dev', 'ghost', 'staging'],
    doctorFindingCount: 3,
    now: NOW,
    platform: 'linux',
    ...extra,
  };
}

const labels = (items: readonly TrayItem[]) => items.map((i) => (i.kind === 'separator' ? '---' : i.label));
const submenu = (items: readonly TrayItem[], label: string) => {
  const found = items.find((i) => i.kind === 'submenu' && i.label === label);
  if (found?.kind !== 'submenu') throw new Error(`no submenu ${label} in ${labels(items).join(', ')}`);
  return found.items;
};

describe('buildTrayModel', () => {
  it('lists the countdown, favourites, recent, all profiles by account, doctor, open and quit, in that order', () => {
    const model = buildTrayModel(input());
    expect(labels(model.items)).toEqual([
      'prod-admin: session ends in 42m',
      '---',
      'Favourites',
      'dev',
      '---',
      'Recent',
      'staging',
      '---',
      'All profiles (5)',
      '---',
      'Doctor: 3 findings',
      'Open Hatrack',
      '---',
      'Quit Hatrack',
    ]);
    // Recent drops unknown names, duplicates and favourites (already listed above it).
    const all = submenu(model.items, 'All profiles (5)');
    expect(labels(all)).toEqual(['Account 111111111111', 'Account 222222222222', 'Account 333333333333', 'Other profiles']);
    expect(labels(submenu(all, 'Other profiles'))).toEqual(['base', 'sso-only']);
  });

  it('marks the default with ✓ and production with ⚠ prod; Use on production asks for confirmation', () => {
    const model = buildTrayModel(input());
    const account = submenu(submenu(model.items, 'All profiles (5)'), 'Account 222222222222');
    expect(labels(account)).toEqual(['✓ prod-admin  ⚠ prod']);
    const actions = trayActions(account);
    expect(actions).toEqual([
      { type: 'use', profile: 'prod-admin', confirm: true },
      { type: 'assume', profile: 'prod-admin' },
      { type: 'console', profile: 'prod-admin' },
      { type: 'copyExport', profile: 'prod-admin' },
      { type: 'edit', profile: 'prod-admin' },
    ]);
    const dev = trayActions(submenu(model.items, 'dev'));
    expect(dev[0]).toEqual({ type: 'use', profile: 'dev', confirm: false });
  });

  it('gives every profile submenu Use, Assume, Open console, Copy export and Edit, with account and region on top', () => {
    const items = submenu(buildTrayModel(input()).items, 'dev');
    expect(labels(items)).toEqual(['111111111111 · eu-west-1', '---', 'Use as default', 'Assume (temporary keys)', 'Open console', 'Copy export AWS_PROFILE=dev', 'Edit…']);
  });

  it('labels Copy export with the very line copied, and disables it for a name no SDK can read', () => {
    const items = (name: string) => submenu(buildTrayModel(input({ profiles: [profile(name, { favourite: true })] })).items, name);
    expect(labels(items('team/ops@x'))).toContain('Copy export AWS_PROFILE=team/ops@x');
    const unsafe = items('ops;id').find((i) => i.kind === 'action' && i.action.type === 'copyExport');
    expect(unsafe).toMatchObject({ label: 'Copy export AWS_PROFILE (name unreadable by AWS SDKs)', enabled: false });
  });

  it('disables credential actions of a settings-only profile', () => {
    const all = submenu(buildTrayModel(input()).items, 'All profiles (5)');
    const base = submenu(submenu(all, 'Other profiles'), 'base');
    const enabled = base.filter((i) => i.kind === 'action').map((i) => (i.kind === 'action' ? [i.action.type, i.enabled] : []));
    expect(enabled).toEqual([['use', false], ['assume', false], ['console', false], ['copyExport', true], ['edit', true]]);
  });

  it('puts the colour as an emoji disc before the name and a shortened one-line note after it', () => {
    const profiles = [
      profile('dev', { favourite: true, colour: 'green', note: 'sandbox,\n  break it freely' }),
      profile('ops', { favourite: true, colour: null, note: 'x'.repeat(TRAY_NOTE_CHARS + 10) }),
      profile('plain', { favourite: true, note: '   ' }),
    ];
    const favourites = buildTrayModel(input({ profiles, recent: [] })).items.filter((i) => i.kind === 'submenu').map((i) => i.label).slice(0, 3);
    expect(favourites).toEqual(['🟢 dev — sandbox, break it freely', `ops — ${'x'.repeat(TRAY_NOTE_CHARS - 1)}…`, 'plain']);
  });

  it('enables what the kinds table allows: no Assume for static keys without MFA, nothing for aws login', () => {
    const keys = { aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE', aws_secret_access_key: 's' };
    const profiles = [
      profile('keys', { capabilities: capabilitiesOf(keys) }),
      profile('keys-mfa', { capabilities: capabilitiesOf({ ...keys, mfa_serial: 'arn:aws:iam::111111111111:mfa/me' }) }),
      profile('login', { capabilities: capabilitiesOf({ login_session: 'arn:aws:iam::111111111111:user/me' }) }),
    ];
    const model = buildTrayModel(input({ profiles, recent: [] }));
    const enabled = (name: string) =>
      submenu(submenu(submenu(model.items, 'All profiles (3)'), 'Account 111111111111'), name).flatMap((i) => (i.kind === 'action' ? [[i.action.type, i.enabled]] : []));
    expect(enabled('keys').slice(0, 3)).toEqual([['use', true], ['assume', false], ['console', true]]);
    expect(enabled('keys-mfa').slice(0, 3)).toEqual([['use', true], ['assume', true], ['console', true]]);
    expect(enabled('login').slice(0, 3)).toEqual([['use', false], ['assume', false], ['console', false]]);
  });

  it('puts the countdown in the title on macOS, and in the tooltip and a menu line elsewhere', () => {
    const mac = buildTrayModel(input({ platform: 'darwin' }));
    expect(mac.title).toBe('42m');
    expect(mac.tooltip).toBe('Hatrack — default: prod-admin (production)');
    expect(labels(mac.items)[0]).toBe('Favourites');
    const win = buildTrayModel(input({ platform: 'win32' }));
    expect(win.title).toBeNull();
    expect(win.tooltip).toBe('Hatrack — default: prod-admin (production), 42m left');
    expect(labels(win.items)[0]).toBe('prod-admin: session ends in 42m');
  });

  it('counts down live and says when the session has expired', () => {
    const later = buildTrayModel(input({ now: NOW + 42 * 60_000, platform: 'darwin' }));
    expect(later.title).toBe('5s');
    const expired = buildTrayModel(input({ now: NOW + 60 * 60_000 }));
    expect(labels(expired.items)[0]).toBe('prod-admin: session expired');
  });

  it('offers to switch back to the user\'s kept keys while [default] is a managed copy, and says so in the tooltip', () => {
    const model = buildTrayModel(input({ platform: 'darwin', keptDefault: 'default-original' }));
    expect(model.items[0]).toEqual({ kind: 'action', label: 'Switch back to your own keys (default-original)', action: { type: 'restoreDefault' }, enabled: true });
    expect(model.tooltip).toBe('Hatrack — default: prod-admin (production), your keys kept as default-original');
    expect(labels(buildTrayModel(input({ platform: 'darwin', keptDefault: null })).items)).not.toContain('Switch back to your own keys (default-original)');
  });

  it('offers one Identity Center sign-in per session that needs it, and puts it first in those profiles\' menus', () => {
    const SSO = capabilitiesOf({ sso_session: 'corp', sso_account_id: '111111111111', sso_role_name: 'R' });
    const model = buildTrayModel(
      input({
        profiles: [
          profile('corp-admin', { capabilities: SSO, favourite: true, sso: { session: 'corp', signedIn: false } }),
          profile('corp-read', { capabilities: SSO, sso: { session: 'corp', signedIn: false } }),
          profile('team-dev', { capabilities: SSO, sso: { session: 'team', signedIn: true } }),
          profile('old-style', { capabilities: SSO, sso: { session: null, signedIn: false } }),
        ],
        recent: [],
      }),
    );
    const top = labels(model.items);
    expect(top.slice(0, 4)).toEqual(['Identity Center', 'Sign in to corp…', 'Sign in for old-style…', '---']);
    const actions = trayActions(model.items).filter((a) => a.type === 'ssoSignIn');
    expect(actions.slice(0, 2)).toEqual([{ type: 'ssoSignIn', target: { session: 'corp' } }, { type: 'ssoSignIn', target: { profile: 'old-style' } }]);
    const menu = submenu(model.items, 'corp-admin');
    expect(labels(menu).slice(2, 4)).toEqual(['Sign in to Identity Center…', '---']);
    // A signed-in session offers nothing to sign in to.
    expect(top.join('|')).not.toContain('team');
    expect(labels(submenu(submenu(model.items, 'All profiles (4)'), 'Account 111111111111')).join('|')).toContain('team-dev');
  });

  it('works with no profiles and no default', () => {
    const model = buildTrayModel({ profiles: [], recent: ['x'], doctorFindingCount: 1, now: new Date(NOW), platform: 'linux' });
    expect(labels(model.items)).toEqual(['No profiles yet', '---', 'Doctor: 1 finding', 'Open Hatrack', '---', 'Quit Hatrack']);
    expect(model.tooltip).toBe('Hatrack — no default profile');
  });

  it('is plain data: it survives JSON and contains no functions', () => {
    const model = buildTrayModel(input());
    expect(JSON.parse(JSON.stringify(model))).toEqual(model);
  });
});

describe('formatCountdown', () => {
  it.each([
    [0, 'expired'],
    [-5, 'expired'],
    [999, '0s'],
    [59_999, '59s'],
    [60_000, '1m'],
    [59 * 60_000 + 59_999, '59m'],
    [3_600_000, '1h 00m'],
    [3_600_000 + 5 * 60_000, '1h 05m'],
    [12 * 3_600_000, '12h 00m'],
    [Number.NaN, 'expired'],
  ])('%d ms → %s', (ms, text) => expect(formatCountdown(ms)).toBe(text));
});
