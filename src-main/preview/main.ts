// `npm run preview`: opens the real renderer on the real core in the system's Chromium/Chrome (a development aid; users
// run the desktop app). Exits when the window closes or on Ctrl+C.
import path from 'node:path';

import { isHatrackError } from '../../shared/domain/errors.js';
import { processEnvironment } from '../core/environment.js';
import { startPreview } from './preview.js';

const distRoot = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  const preview = await startPreview({
    env: processEnvironment(path.join(distRoot, 'cli', 'hatrack.cjs')),
    rendererRoot: path.join(distRoot, 'renderer'),
    log: (line) => console.error(`hatrack preview: ${line}`),
  });
  process.once('SIGINT', () => void preview.close());
  process.once('SIGTERM', () => void preview.close());
  console.error(`hatrack preview: the app is open in a browser window; close it (or press Ctrl+C) to stop.`);
  await preview.closed;
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`hatrack preview: ${isHatrackError(e) ? `${e.message} [${e.code}]` : e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
