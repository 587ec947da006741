// Browser detection (pure): PATH first, then the platform's well-known paths; the fs check is a set of "installed" files.

import { describe, expect, it } from 'vitest';

import { BROWSER_KINDS, candidatePaths, detectBrowsers, noBrowserReason } from './browsers.js';

const installed = (...files: string[]) => (file: string) => files.includes(file);
const linux = (PATH: string) => ({ platform: 'linux' as const, vars: { PATH }, osHome: '/home/u' });

describe('detectBrowsers', () => {
  it('finds browsers on PATH in the offered order, each at the first PATH entry that has it', () => {
    const env = linux('/opt/fake:/usr/bin');
    const found = detectBrowsers(env, installed('/usr/bin/firefox', '/usr/bin/chromium', '/opt/fake/chromium', '/usr/bin/google-chrome'));
    expect(found).toEqual([
      { id: 'chromium', name: 'Chromium', family: 'chromium', executable: '/opt/fake/chromium' },
      { id: 'chrome', name: 'Google Chrome', family: 'chromium', executable: '/usr/bin/google-chrome' },
      { id: 'firefox', name: 'Firefox', family: 'firefox', executable: '/usr/bin/firefox' },
    ]);
    expect(noBrowserReason(found)).toBeNull();
  });

  it('on Linux looks only on PATH, so an empty PATH finds nothing and says why', () => {
    const found = detectBrowsers(linux(''), () => true);
    expect(found).toEqual([]);
    expect(noBrowserReason(found)).toBe('No Chromium-based browser or Firefox found');
  });

  it('on macOS also looks in the app bundles of /Applications and ~/Applications', () => {
    const env = { platform: 'darwin' as const, vars: { PATH: '/usr/bin', HOME: '/Users/u' }, osHome: '/Users/u' };
    const found = detectBrowsers(env, installed('/Users/u/Applications/Brave Browser.app/Contents/MacOS/Brave Browser', '/Applications/Firefox.app/Contents/MacOS/firefox'));
    expect(found.map((b) => [b.id, b.executable])).toEqual([
      ['brave', '/Users/u/Applications/Brave Browser.app/Contents/MacOS/Brave Browser'],
      ['firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    ]);
  });

  it('on Windows reads Path with ; and tries .exe names and the Program Files folders', () => {
    const env = { platform: 'win32' as const, vars: { Path: 'C:\\Tools;C:\\Windows', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' }, osHome: 'C:\\Users\\u' };
    const edge = BROWSER_KINDS.find((k) => k.id === 'edge')!;
    expect(candidatePaths(edge, env)).toContain('C:\\Tools\\msedge.exe');
    expect(candidatePaths(edge, env)).toContain('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe');
    const found = detectBrowsers(env, installed('C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'));
    expect(found).toEqual([{ id: 'edge', name: 'Microsoft Edge', family: 'chromium', executable: 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' }]);
  });
});
