// Browser profile launch: folder names per AWS profile and browser, and the argv each browser family gets (pure parts).

import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { browserProfileDir, createProfileArgs, openArgs, profileSlug } from './browser-launch.js';

const URL_ = 'https://signin.aws.amazon.com/federation?Action=login&SigninToken=t';

describe('browser profile folders', () => {
  it('are readable, file-system safe and different for names that only differ in case or punctuation', () => {
    expect(profileSlug('prod-admin')).toMatch(/^prod-admin-[0-9a-f]{8}$/);
    expect(profileSlug('team/ops:eu')).toMatch(/^team-ops-eu-[0-9a-f]{8}$/);
    expect(profileSlug('..')).toMatch(/^profile-[0-9a-f]{8}$/);
    expect(profileSlug('Prod')).not.toBe(profileSlug('prod'));
    expect(profileSlug('a/b')).not.toBe(profileSlug('a-b'));
    expect(profileSlug('x'.repeat(300)).length).toBeLessThanOrEqual(48 + 9);
  });

  it('live under <data dir>/browser-profiles, one per browser and AWS profile', () => {
    const dir = browserProfileDir('/data', { id: 'chromium' }, 'dev');
    expect(dir).toBe(path.join('/data', 'browser-profiles', `chromium-${profileSlug('dev')}`));
    expect(browserProfileDir('/data', { id: 'chromium' }, 'prod')).not.toBe(dir);
    expect(browserProfileDir('/data', { id: 'firefox' }, 'dev')).toBe(path.join('/data', 'browser-profiles', `firefox-${profileSlug('dev')}`));
  });
});

describe('launch arguments', () => {
  it('give a Chromium-family browser its own user data dir, no first-run pages, and the URL last', () => {
    expect(openArgs({ family: 'chromium' }, '/d/chromium-dev', URL_)).toEqual(['--user-data-dir=/d/chromium-dev', '--no-first-run', '--no-default-browser-check', URL_]);
  });

  it('open Firefox on the profile folder, and register that folder as a profile once', () => {
    expect(openArgs({ family: 'firefox' }, '/d/firefox-dev', URL_)).toEqual(['-profile', '/d/firefox-dev', '-new-tab', URL_]);
    expect(createProfileArgs('/d/firefox-dev')).toEqual(['-CreateProfile', 'hatrack-firefox-dev /d/firefox-dev', '-no-remote']);
  });
});
