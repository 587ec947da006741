// Electron e2e: the tray is built from the pure model over the temp HOME's profiles.
import { expect, test } from '@playwright/test';
import { electronAvailability, launchHatrack } from './electron-host.js';

const availability = electronAvailability();
test.skip(!availability.ok, availability.ok ? '' : `Electron e2e skipped: ${availability.reason}`);

test('the tray model lists the profiles, doctor, open and quit', async () => {
  if (!availability.ok) return;
  const hatrack = await launchHatrack(availability.executablePath);
  try {
    await expect
      .poll(async () =>
        hatrack.app.evaluate(() => {
          const hook = (globalThis as { __hatrackTest?: { trayModel: () => { items: { label?: string }[] } | null } }).__hatrackTest;
          return hook?.trayModel()?.items.map((i) => i.label ?? '---') ?? null;
        }),
      )
      .toEqual(expect.arrayContaining(['All profiles (2)', 'Open Hatrack', 'Quit Hatrack']));
  } finally {
    await hatrack.close();
  }
});
