import { describe, expect, it } from 'vitest';

import { parseDocument } from '../awsfiles/ini-document.js';
import { readIni } from '../awsfiles/ini-reading.js';
import { buildProfileModel } from '../awsfiles/profiles.js';
import type { Environment } from '../environment.js';
import { resolveEndpoint } from './endpoints.js';

const model = buildProfileModel(
  readIni(
    parseDocument(
      new TextEncoder().encode(
        '[profile p]\nendpoint_url = http://profile\nservices = local\n' +
          '[services local]\nsts =\n  endpoint_url = http://svc-sts\n' +
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
});
