// Unit tests of the tray rendering (menu template from the model, fake Tray/Menu) and of tray click routing.
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import type { TraySnapshot } from '../app/tray/tray-input.js';
import type { TrayAction } from '../app/tray/tray-model.js';
import { createTrayActionRunner, profileRoute } from './tray-actions.js';
import { createTrayController, toMenuTemplate } from './tray.js';
import { profileCapabilities } from '../core/awsfiles/kinds.js';

const NOW = Date.parse('2026-03-01T12:00:00Z');

function snapshot(extra: Partial<TraySnapshot> = {}): TraySnapshot {
  return {
    profiles: [
      { name: 'R&D', capabilities: profileCapabilities({ settings: new Map([['role_arn', 'arn:aws:iam::111111111111:role/R'], ['source_profile', 'base']]), credentialsSettings: undefined }), accountId: '111111111111', region: null, production: false, favourite: true, isDefault: true, sessionExpiresAt: new Date(NOW + 61_000).toISOString(), accessKeyId: null, keyAgeDays: null },
    ],
    doctorFindingCount: 0,
    defaultProfile: 'R&D',
    refreshLeadMinutes: 10,
    notifications: { sessionExpiring: true, keyAge: true },
    launchAtLogin: false,
    error: null,
    ...extra,
  };
}

function fakeTrayKit() {
  const calls: { menus: MenuItemConstructorOptions[][]; tooltips: string[]; titles: string[]; images: unknown[]; destroyed: number } = { menus: [], tooltips: [], titles: [], images: [], destroyed: 0 };
  class FakeTray {
    constructor(image: unknown) {
      calls.images.push(image);
    }
    setContextMenu(menu: MenuItemConstructorOptions[]) {
      calls.menus.push(menu);
    }
    setToolTip(t: string) {
      calls.tooltips.push(t);
    }
    setTitle(t: string) {
      calls.titles.push(t);
    }
    setImage(i: unknown) {
      calls.images.push(i);
    }
    destroy() {
      calls.destroyed++;
    }
  }
  // buildFromTemplate returns the template itself: the fake Tray then records plain data.
  const Menu = { buildFromTemplate: (t: MenuItemConstructorOptions[]) => t as never };
  return { calls, Tray: FakeTray as never, Menu };
}

describe('toMenuTemplate', () => {
  it('maps items to Electron template data; a click routes the plain action; & is escaped off macOS', () => {
    const onAction = vi.fn();
    const items = [
      { kind: 'label' as const, label: 'A&B' },
      { kind: 'separator' as const },
      { kind: 'action' as const, label: 'Use', action: { type: 'use' as const, profile: 'A&B', confirm: false }, enabled: true },
      { kind: 'submenu' as const, label: 'Sub', checked: false, items: [{ kind: 'action' as const, label: 'Quit', action: { type: 'quit' as const }, enabled: false }] },
    ];
    const linux = toMenuTemplate(items, onAction, 'linux');
    expect(linux.map((i) => i.label ?? i.type)).toEqual(['A&&B', 'separator', 'Use', 'Sub']);
    expect(linux[0]!.enabled).toBe(false);
    linux[2]!.click!(undefined as never, undefined as never, undefined as never);
    expect(onAction).toHaveBeenCalledWith({ type: 'use', profile: 'A&B', confirm: false });
    expect((linux[3]!.submenu as MenuItemConstructorOptions[])[0]).toMatchObject({ label: 'Quit', enabled: false });
    expect(toMenuTemplate(items, onAction, 'darwin')[0]!.label).toBe('A&B');
  });
});

describe('createTrayController', () => {
  it('renders after refresh, updates the macOS title every tick, rebuilds the menu only when it changes', async () => {
    const kit = fakeTrayKit();
    let now = NOW;
    const onSnapshot = vi.fn();
    const controller = createTrayController({ ...kit, icon: 'icon.png', platform: 'darwin', now: () => new Date(now), loadSnapshot: async () => snapshot(), recent: () => [], onAction: vi.fn(), onSnapshot });
    await controller.refresh();
    expect(onSnapshot).toHaveBeenCalledOnce();
    expect(kit.calls.titles).toEqual(['1m']);
    expect(kit.calls.menus).toHaveLength(1);
    now += 2_000;
    controller.tick();
    expect(kit.calls.titles).toEqual(['1m', '59s']);
    expect(kit.calls.menus).toHaveLength(1); // on macOS the countdown is only in the title
    controller.setIcon('dark.png');
    controller.dispose();
    expect(kit.calls.images).toEqual(['icon.png', 'dark.png']);
    expect(kit.calls.destroyed).toBe(1);
  });

  it('coalesces refresh bursts into one extra read', async () => {
    const kit = fakeTrayKit();
    const load = vi.fn(async () => snapshot());
    const controller = createTrayController({ ...kit, icon: 'i', platform: 'linux', now: () => new Date(NOW), loadSnapshot: load, recent: () => [], onAction: vi.fn() });
    await Promise.all([controller.refresh(), controller.refresh(), controller.refresh()]);
    expect(load).toHaveBeenCalledTimes(2);
    expect(controller.model()?.tooltip).toBe('Hatrack — default: R&D, 1m left');
  });
});

describe('createTrayActionRunner', () => {
  function deps(result: unknown = { ok: true, value: { text: 'export AWS_PROFILE=dev', expiresAt: null } }) {
    return {
      dispatch: vi.fn(async () => result as never),
      confirm: vi.fn(async () => true),
      writeClipboard: vi.fn(),
      showWindow: vi.fn(),
      quit: vi.fn(),
      notify: vi.fn(),
      touchRecent: vi.fn(),
      changed: vi.fn(),
    };
  }
  const run = (d: ReturnType<typeof deps>, a: TrayAction) => createTrayActionRunner(d)(a);

  it('Use switches the default (no confirmation for non-production)', async () => {
    const d = deps();
    await run(d, { type: 'use', profile: 'dev', confirm: false });
    expect(d.confirm).not.toHaveBeenCalled();
    expect(d.dispatch).toHaveBeenCalledWith('credentials.use', { profile: 'dev' });
    expect(d.touchRecent).toHaveBeenCalledWith('dev');
    expect(d.changed).toHaveBeenCalled();
  });

  it('Switch back restores the user\'s own default and says where the keys came from; a refusal is a notification', async () => {
    const d = deps({ ok: true, value: { restoredFrom: 'default-original', replacedProfile: 'dev' } });
    await run(d, { type: 'restoreDefault' });
    expect(d.dispatch).toHaveBeenCalledWith('credentials.restoreDefault', {});
    expect(d.notify).toHaveBeenCalledWith('Hatrack', 'Your own keys are the default again (from default-original).');
    expect(d.changed).toHaveBeenCalled();
    const refused = deps({ ok: false, error: { code: 'AMBIGUOUS_EDIT', message: 'move them out first' } });
    await run(refused, { type: 'restoreDefault' });
    expect(refused.notify).toHaveBeenCalledWith('Hatrack: switch back', 'move them out first');
  });

  it('Use on production asks first and passes confirmProduction; a "no" does nothing', async () => {
    const d = deps();
    await run(d, { type: 'use', profile: 'prod', confirm: true });
    expect(d.dispatch).toHaveBeenCalledWith('credentials.use', { profile: 'prod', confirmProduction: true });
    const no = deps();
    no.confirm.mockResolvedValue(false);
    await run(no, { type: 'use', profile: 'prod', confirm: true });
    expect(no.dispatch).not.toHaveBeenCalled();
  });

  it('copies the export line, opens the console, assumes, and routes window actions', async () => {
    const d = deps();
    await run(d, { type: 'copyExport', profile: 'dev' });
    expect(d.writeClipboard).toHaveBeenCalledWith('export AWS_PROFILE=dev');
    await run(d, { type: 'console', profile: 'dev' });
    expect(d.dispatch).toHaveBeenCalledWith('console.open', { profile: 'dev', lastChoice: true });
    await run(d, { type: 'assume', profile: 'dev' });
    expect(d.dispatch).toHaveBeenCalledWith('credentials.assume', { profile: 'dev' });
    expect(d.notify).toHaveBeenCalledWith('Hatrack: dev', 'Credentials ready.');
    await run(d, { type: 'edit', profile: 'a b' });
    await run(d, { type: 'doctor' });
    await run(d, { type: 'open' });
    expect(d.showWindow.mock.calls).toEqual([[profileRoute('a b')], ['#/doctor'], []]);
    expect(profileRoute('a b')).toBe('#/profiles/a%20b');
    await run(d, { type: 'quit' });
    expect(d.quit).toHaveBeenCalled();
  });

  it('opens the window for errors the window can resolve (MFA), notifies the rest', async () => {
    const mfa = deps({ ok: false, error: { code: 'MFA_REQUIRED', message: 'needs a code' } });
    await run(mfa, { type: 'refresh', profile: 'dev' });
    expect(mfa.dispatch).toHaveBeenCalledWith('credentials.use', { profile: 'dev', confirmProduction: true });
    expect(mfa.showWindow).toHaveBeenCalledWith('#/profiles/dev');
    expect(mfa.touchRecent).not.toHaveBeenCalled();
    const denied = deps({ ok: false, error: { code: 'ACCESS_DENIED', message: 'no' } });
    await run(denied, { type: 'console', profile: 'dev' });
    expect(denied.notify).toHaveBeenCalledWith('Hatrack: dev', 'no');
  });
});
