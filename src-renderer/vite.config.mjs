// Vite config for the renderer: DOM only, served to Electron from app:// and to tests from a local host.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  build: { outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)), emptyOutDir: true, target: 'es2022' },
  oxc: { jsx: { runtime: 'automatic' } },
});
