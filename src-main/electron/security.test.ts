// Unit tests of the shell's pure policies: the openExternal allow-list, navigation, window.open, IPC senders, permissions.
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, CONTENT_SECURITY_POLICY, isAllowedExternalUrl, isAppUrl, isTrustedSender, navigationDecision, permissionDecision, windowOpenDecision } from './security.js';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://signin.aws.amazon.com/federation?Action=login&Destination=x',
    'https://us-east-1.signin.aws.amazon.com/oauth',
    'https://console.aws.amazon.com/',
    'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1',
    'https://signin.amazonaws.cn/federation',
    'https://cn-north-1.console.amazonaws.cn/',
    'https://console.amazonaws.cn/',
    'https://signin.amazonaws-us-gov.com/federation',
    'https://console.amazonaws-us-gov.com/',
    'https://us-gov-west-1.console.amazonaws-us-gov.com/',
    'HTTPS://SIGNIN.AWS.AMAZON.COM/federation',
    'https://device.sso.us-east-1.amazonaws.com/?user_code=BCDF-GHJK',
    'https://device.sso.cn-north-1.amazonaws.com.cn/',
    'https://d-1234567890.awsapps.com/start/#/device?user_code=BCDF-GHJK',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://signin.aws.amazon.com/federation',
    'https://signin.aws.amazon.com.evil.example/',
    'https://evilsignin.aws.amazon.com/',
    'https://aws.amazon.com/',
    'https://s3.amazonaws.com/bucket',
    'https://signin.aws.amazon.com@evil.example/',
    'https://user:pass@signin.aws.amazon.com/',
    'https://signin.aws.amazon.com:8443/',
    'https://signin.aws.amazon.com./',
    'https://a..signin.aws.amazon.com/',
    'https://-x.console.aws.amazon.com/',
    'https://x_y.console.aws.amazon.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://hatrack/index.html',
    'https://signіn.aws.amazon.com/', // Cyrillic і: punycode, not the real host
    '',
    'not a url',
    'https://device.sso.us-east-1.amazonaws.com.evil.example/',
    'https://device.sso.evil.amazonaws.com/',
    'https://x.d-1234567890.awsapps.com/',
    'http://d-1234567890.awsapps.com/start',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('refuses non-strings and absurdly long input', () => {
    expect(isAllowedExternalUrl(undefined)).toBe(false);
    expect(isAllowedExternalUrl({ toString: () => 'https://console.aws.amazon.com/' })).toBe(false);
    expect(isAllowedExternalUrl(`https://console.aws.amazon.com/${'a'.repeat(20_000)}`)).toBe(false);
  });
});

describe('navigationDecision', () => {
  it('allows only the same app page (a hash change)', () => {
    expect(navigationDecision(APP_INDEX_URL, `${APP_INDEX_URL}#/doctor`)).toEqual({ action: 'allow' });
    expect(navigationDecision(`${APP_INDEX_URL}#/a`, `${APP_INDEX_URL}?x=1#/b`)).toEqual({ action: 'allow' });
  });

  it('denies other app pages, other schemes and other sites', () => {
    for (const target of ['app://hatrack/other.html', 'app://evil/index.html', 'file:///index.html', 'https://example.com/', 'http://localhost:5173/', 'data:text/html,hi', 'javascript:alert(1)']) {
      expect(navigationDecision(APP_INDEX_URL, target)).toEqual({ action: 'deny' });
    }
    // A page that is not ours (should never happen) cannot navigate "within" itself either.
    expect(navigationDecision('https://example.com/a', 'https://example.com/a#x')).toEqual({ action: 'deny' });
  });

  it('sends an allowed AWS page to the browser instead', () => {
    expect(navigationDecision(APP_INDEX_URL, 'https://console.aws.amazon.com/')).toEqual({ action: 'open-external', url: 'https://console.aws.amazon.com/' });
  });
});

describe('windowOpenDecision', () => {
  it('never opens a window; AWS pages go to the browser', () => {
    expect(windowOpenDecision('https://example.com/')).toEqual({ action: 'deny' });
    expect(windowOpenDecision('about:blank')).toEqual({ action: 'deny' });
    expect(windowOpenDecision('https://signin.aws.amazon.com/x')).toEqual({ action: 'open-external', url: 'https://signin.aws.amazon.com/x' });
  });
});

describe('isTrustedSender', () => {
  const good = { webContentsId: 7, isMainFrame: true, frameUrl: `${APP_INDEX_URL}#/profiles` };
  it('trusts the trusted window main frame on the app origin', () => {
    expect(isTrustedSender(good, 7)).toBe(true);
  });
  it.each([
    ['another webContents', { ...good, webContentsId: 8 }, 7],
    ['no trusted window yet', good, null],
    ['a sub-frame', { ...good, isMainFrame: false }, 7],
    ['a destroyed frame', { ...good, frameUrl: null }, 7],
    ['another origin', { ...good, frameUrl: 'https://example.com/' }, 7],
    ['another app host', { ...good, frameUrl: 'app://evil/index.html' }, 7],
    ['a file page', { ...good, frameUrl: 'file:///index.html' }, 7],
  ] as const)('refuses %s', (_name, facts, trusted) => expect(isTrustedSender(facts, trusted)).toBe(false));
});

describe('misc policy', () => {
  it('denies every permission', () => {
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal', 'fullscreen']) expect(permissionDecision(p)).toBe(false);
  });
  it('uses the CSP the renderer meta tag declares', () => {
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'");
  });
  it('recognises app URLs by scheme and host (URL.origin is "null" for custom schemes)', () => {
    expect(new URL(APP_INDEX_URL).origin).toBe('null');
    expect(isAppUrl(APP_INDEX_URL)).toBe(true);
    expect(isAppUrl('app://user@hatrack/index.html')).toBe(false);
    expect(isAppUrl('app://hatrack.evil/index.html')).toBe(false);
  });
});
