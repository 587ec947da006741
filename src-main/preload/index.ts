// Preload (Electron renderer, sandboxed): exposes window.hatrack, one named function per contract channel plus `on`.

import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld(
  'hatrack',
  createBridge({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    on: (channel, listener) => {
      ipcRenderer.on(channel, listener);
    },
    off: (channel, listener) => {
      ipcRenderer.off(channel, listener);
    },
  }),
);
