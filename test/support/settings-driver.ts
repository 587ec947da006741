// Child process for the settings race test: adds `<prefix>-<i>` profiles to the real settings file one update at a
// time; plain Node, bundled to .mjs by settings-race.test.ts.
import { setSetting, updateSettings } from '../../src-main/core/settings/settings.js';

const [dataDir = '', prefix = '', count = '0'] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) updateSettings(dataDir, (s) => setSetting(s, `profiles.${prefix}-${i}.favourite`, 'true'));
