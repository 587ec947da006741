import { describe, expect, it } from 'vitest';

import { formatCredentials, isoSeconds } from './export-format.js';

const creds = {
  accessKeyId: 'ASIAEXAMPLE',
  secretAccessKey: 'se/cr+et',
  sessionToken: 'tok/en+==',
  expiration: new Date('2026-01-02T03:04:05.678Z'),
  accountId: '123456789012',
};

describe('export formats', () => {
  it('process: Version 1 JSON with a Z expiration and no millis', () => {
    const out = formatCredentials(creds, 'process');
    expect(out.endsWith('\n')).toBe(true);
    expect(JSON.parse(out)).toEqual({
      Version: 1,
      AccessKeyId: 'ASIAEXAMPLE',
      SecretAccessKey: 'se/cr+et',
      SessionToken: 'tok/en+==',
      Expiration: '2026-01-02T03:04:05Z',
      AccountId: '123456789012',
    });
  });
  it('process: omits SessionToken and Expiration for long-term keys', () => {
    expect(JSON.parse(formatCredentials({ accessKeyId: 'AKIA1', secretAccessKey: 's' }, 'process'))).toEqual({
      Version: 1,
      AccessKeyId: 'AKIA1',
      SecretAccessKey: 's',
    });
  });
  it('env: export lines, quoting only when needed', () => {
    expect(formatCredentials(creds, 'env')).toBe(
      'export AWS_ACCESS_KEY_ID=ASIAEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=se/cr+et\nexport AWS_SESSION_TOKEN=tok/en+==\n' +
        'export AWS_CREDENTIAL_EXPIRATION=2026-01-02T03:04:05Z\n',
    );
    expect(formatCredentials({ accessKeyId: 'A', secretAccessKey: "it's" }, 'env')).toContain(`AWS_SECRET_ACCESS_KEY='it'"'"'s'`);
  });
  it('json: the same fields without Version', () => {
    const j = JSON.parse(formatCredentials(creds, 'json')) as Record<string, unknown>;
    expect(j['Version']).toBeUndefined();
    expect(j['Expiration']).toBe('2026-01-02T03:04:05Z');
  });
  it('isoSeconds keeps whole-second dates unchanged', () => {
    expect(isoSeconds(new Date('2026-06-01T00:00:00Z'))).toBe('2026-06-01T00:00:00Z');
  });
});
