// Electron main entry (thin shell). The hardened window, tray and IPC bridge land with the desktop-shell issue.
import { app } from 'electron';

app.whenReady().then(() => {
  // Placeholder until the shell issue: the CLI and core are usable without it.
});
