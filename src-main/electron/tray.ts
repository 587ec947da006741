// The tray (Electron main): renders the pure tray model as an Electron Menu and keeps its countdown live.

import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { buildTrayModel } from '../app/tray/tray-model.js';
import type { TrayAction, TrayItem, TrayModel } from '../app/tray/tray-model.js';
import type { TraySnapshot } from '../app/tray/tray-input.js';

/** On Windows and Linux `&` marks a mnemonic; a profile name's own `&` must stay visible. */
function menuLabel(label: string, platform: string): string {
  return platform === 'darwin' ? label : label.replace(/&/g, '&&');
}

/** The model as Menu template data (no Electron call, so a test can read it). */
export function toMenuTemplate(items: readonly TrayItem[], onAction: (action: TrayAction) => void, platform: string): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'label':
        return { label: menuLabel(item.label, platform), enabled: false };
      case 'action':
        return { label: menuLabel(item.label, platform), enabled: item.enabled, click: () => onAction(item.action) };
      case 'submenu':
        return { label: menuLabel(item.label, platform), submenu: toMenuTemplate(item.items, onAction, platform) };
      default: {
        const never: never = item;
        throw new Error(`unknown tray item ${JSON.stringify(never)}`);
      }
    }
  });
}

export interface TrayControllerDeps {
  readonly Tray: new (image: NativeImage | string) => Tray;
  readonly Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  readonly icon: NativeImage | string;
  readonly platform: string;
  readonly now: () => Date;
  readonly loadSnapshot: () => Promise<TraySnapshot>;
  readonly recent: () => readonly string[];
  readonly onAction: (action: TrayAction) => void;
  /** Called with every fresh snapshot (notifications and auto-refresh plan from it). */
  readonly onSnapshot?: (snapshot: TraySnapshot) => void;
}

export interface TrayController {
  /** Re-reads profiles (after a file change or an action) and re-renders. */
  refresh(): Promise<void>;
  /** Re-renders from the last snapshot: the countdown moves, nothing is re-read. */
  tick(): void;
  model(): TrayModel | null;
  /** Swaps the icon (the system switched between light and dark panels). */
  setIcon(icon: NativeImage | string): void;
  dispose(): void;
}

export function createTrayController(deps: TrayControllerDeps): TrayController {
  const tray = new deps.Tray(deps.icon);
  let snapshot: TraySnapshot | null = null;
  let current: TrayModel | null = null;
  let renderedItems = '';
  let refreshing: Promise<void> | null = null;
  let again = false;

  function render(): void {
    if (snapshot === null) return;
    const model = buildTrayModel({ profiles: snapshot.profiles, recent: deps.recent(), doctorFindingCount: snapshot.doctorFindingCount, now: deps.now(), platform: deps.platform, keptDefault: snapshot.keptDefault });
    // Menus are rebuilt only when their text changes: the countdown line moves once a minute, the title each tick.
    const key = JSON.stringify(model.items);
    if (key !== renderedItems) {
      tray.setContextMenu(deps.Menu.buildFromTemplate(toMenuTemplate(model.items, deps.onAction, deps.platform)));
      renderedItems = key;
    }
    if (current?.tooltip !== model.tooltip) tray.setToolTip(model.tooltip);
    if (deps.platform === 'darwin' && current?.title !== model.title) tray.setTitle(model.title ?? '');
    current = model;
  }

  async function load(): Promise<void> {
    do {
      again = false;
      snapshot = await deps.loadSnapshot();
      deps.onSnapshot?.(snapshot);
      render();
    } while (again);
  }

  return {
    refresh() {
      // Bursts of file events coalesce into one more read after the one in flight.
      if (refreshing !== null) {
        again = true;
        return refreshing;
      }
      refreshing = load().finally(() => {
        refreshing = null;
      });
      return refreshing;
    },
    tick: render,
    model: () => current,
    setIcon(icon) {
      tray.setImage(icon);
    },
    dispose() {
      tray.destroy();
    },
  };
}
