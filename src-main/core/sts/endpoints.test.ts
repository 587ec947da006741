import { describe, expect, it } from 'vitest';

import { parseDocument } from '../awsfiles/ini-document.js';
import { readIni } from '../awsfiles/ini-reading.js';
import { buildProfileModel } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { resolveEndpoint, ssoServiceEndpoint } from './endpoints.js';

const model = buildProfileModel(
  readIni(
    parseDocument(
      new TextEncoder().encode(
        '[profile p]\nendpoint_url = http://profile\nservices = local\n' +
          '[services local]\nsts =\n  endpoint_url = http://svc-sts\nsso_oidc =\n  endpoint_url = http://svc-oidc\n' +
          '[profile plain]\nendpoint_url = http://profile\n' +
          '[profile ign]\nendpoint_url = http://profile\nignore_configured_endpoint_urls = true\n' +
          '[profile missing]\nservices = nope\n',
      ),
    ),
  ),
  readIni(parseDocument(new Uint8Array())),
);
const env = (vars: Record<string, string> = {}): Environment => ({ vars, platform: 'linux', osHome: '/h', now: () => new Date() });
const p = (n: string) => model.byName.get(n);

describe('endpoint resolution (spec §1.4)', () => {
  it('AWS_ENDPOINT_URL_<SERVICE> beats AWS_ENDPOINT_URL beats [services] beats endpoint_url', () => {
    expect(resolveEndpoint('sts', env({ AWS_ENDPOINT_URL_STS: 'http://e-sts', AWS_ENDPOINT_URL: 'http://e' }), p('p'), model)).toBe('http://e-sts');
    expect(resolveEndpoint('sts', env({ AWS_ENDPOINT_URL_STS: '', AWS_ENDPOINT_URL: 'http://e' }), p('p'), model)).toBe('http://e');
    expect(resolveEndpoint('sts', env(), p('p'), model)).toBe('http://svc-sts');
    expect(resolveEndpoint('iam', env(), p('p'), model)).toBe('http://profile');
    expect(resolveEndpoint('sts', env(), p('plain'), model)).toBe('http://profile');
    expect(resolveEndpoint('sts', env(), undefined, model)).toBeUndefined();
  });
  it('ignore switches turn all of them off', () => {
    expect(resolveEndpoint('sts', env({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'TRUE', AWS_ENDPOINT_URL: 'http://e' }), p('p'), model)).toBeUndefined();
    expect(resolveEndpoint('sts', env({ AWS_ENDPOINT_URL: 'http://e' }), p('ign'), model)).toBeUndefined();
  });
  it('a missing [services] section is a config error', () => {
    expect(() => resolveEndpoint('sts', env(), p('missing'), model)).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
  it('Identity Center: AWS_ENDPOINT_URL_SSO_OIDC / _SSO, then AWS_ENDPOINT_URL, [services] sso_oidc, else the regional host', () => {
    const vars = { AWS_ENDPOINT_URL_SSO_OIDC: 'http://oidc/', AWS_ENDPOINT_URL_SSO: 'http://portal', AWS_ENDPOINT_URL: 'http://any' };
    expect(ssoServiceEndpoint('sso-oidc', 'us-east-1', env(vars))).toBe('http://oidc');
    expect(ssoServiceEndpoint('sso', 'us-east-1', env(vars))).toBe('http://portal');
    expect(ssoServiceEndpoint('sso-oidc', 'us-east-1', env({ AWS_ENDPOINT_URL: 'http://any' }))).toBe('http://any');
    expect(ssoServiceEndpoint('sso-oidc', 'us-east-1', env(), p('p'), model)).toBe('http://svc-oidc');
    expect(ssoServiceEndpoint('sso-oidc', 'us-east-1', env())).toBe('https://oidc.us-east-1.amazonaws.com');
    expect(ssoServiceEndpoint('sso', 'cn-north-1', env())).toBe('https://portal.sso.cn-north-1.amazonaws.com.cn');
    expect(ssoServiceEndpoint('sso-oidc', 'us-gov-west-1', env())).toBe('https://oidc.us-gov-west-1.amazonaws.com');
    expect(ssoServiceEndpoint('sso', 'eusc-de-east-1', env())).toBe('https://portal.sso.eusc-de-east-1.amazonaws.eu');
  });
});
