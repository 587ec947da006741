// Desktop notifications (Electron main): shows what the pure notifications model plans; a click runs its action.

import type { Notification, NotificationConstructorOptions } from 'electron';
import type { PlannedNotification } from '../app/tray/notifications-model.js';
import type { TrayAction } from '../app/tray/tray-model.js';

export interface NotifierDeps {
  readonly Notification: (new (options: NotificationConstructorOptions) => Notification) & { isSupported(): boolean };
  readonly onAction: (action: TrayAction) => void;
  readonly platform: string;
}

export interface Notifier {
  show(planned: PlannedNotification): void;
  /** A one-off message (the result of a tray action). */
  message(title: string, body: string): void;
}

export function createNotifier(deps: NotifierDeps): Notifier {
  // Electron drops a notification that nothing references before it is clicked, so keep them until closed.
  const live = new Set<Notification>();
  const keep = (n: Notification): void => {
    live.add(n);
    n.on('close', () => live.delete(n));
  };
  return {
    show(planned) {
      if (!deps.Notification.isSupported()) return;
      const withButton = planned.kind === 'session-expiring' && deps.platform === 'darwin';
      const n = new deps.Notification({ title: planned.title, body: planned.body, ...(withButton ? { actions: [{ type: 'button', text: 'Refresh' }] } : {}) });
      n.on('click', () => deps.onAction(planned.action));
      n.on('action', () => deps.onAction(planned.action));
      keep(n);
      n.show();
    },
    message(title, body) {
      if (!deps.Notification.isSupported()) return;
      const n = new deps.Notification({ title, body });
      keep(n);
      n.show();
    },
  };
}
