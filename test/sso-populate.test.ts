// Issue 11 discovery/populate acceptance: real `hatrack sso accounts|populate` processes against the loopback portal
// stand-in, with botocore's SSOProvider as the judge of what was written.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { fileState, hatrackBuilt, HATRACK_BIN } from './support/cli-runner.js';
import type { Workspace } from './support/cli-runner.js';
import { ACCESS_TOKEN, botocore, hatrack, sessionConfig, ssoWorkspace, startPortalStandin, START_URL } from './support/sso-accounts-harness.js';
import type { PortalStandin } from './support/sso-accounts-harness.js';
import { generatedAccounts } from './support/sso-standin/portal-routes.js';
import type { PortalAccountSpec } from './support/sso-standin/portal-routes.js';

const ACCOUNTS: PortalAccountSpec[] = [
  { accountId: '111111111111', accountName: 'Acme Corp (Prod)', emailAddress: 'prod@example.com', roles: ['AdministratorAccess', 'ReadOnly'] },
  { accountId: '222222222222', accountName: 'Acme Corp Prod', emailAddress: 'prod2@example.com', roles: ['ReadOnly'] },
  { accountId: '033333333333', accountName: 'Café Müller', emailAddress: 'cafe@example.com', roles: ['Billing'] },
  { accountId: '444444444444', accountName: 'R&D #1', roles: ['PowerUser+Dev'] },
  { accountId: '555555555555', accountName: 'Sandbox', roles: ['ReadOnly'] },
  { accountId: '666666666666', accountName: 'No roles here', roles: [] },
];

const EXPECTED: Record<string, [string, string]> = {
  'Acme-Corp-Prod/AdministratorAccess': ['111111111111', 'AdministratorAccess'],
  'Acme-Corp-Prod/ReadOnly-111111111111': ['111111111111', 'ReadOnly'],
  'Acme-Corp-Prod/ReadOnly-222222222222': ['222222222222', 'ReadOnly'],
  'Cafe-Muller/Billing': ['033333333333', 'Billing'],
  'R-D-1/PowerUser+Dev': ['444444444444', 'PowerUser+Dev'],
};

const USER_CONFIG = `# my own notes, kept as typed
[default]
region = eu-west-1   ; inline note

[profile mine]
# a comment inside my profile
aws_access_key_id = AKIAEXAMPLEEXAMPLE12

# Sandbox/ReadOnly is mine: populate must not touch it
[profile Sandbox/ReadOnly]
sso_session = corp
sso_account_id = 555555555555
sso_role_name = ReadOnly
output = table

${sessionConfig('corp')}`;

type SsoView = { profiles: Record<string, { sso: boolean; config?: Record<string, string>; error?: string }> };

let s: PortalStandin;
let ws: Workspace;

beforeAll(async () => {
  if (!hatrackBuilt()) throw new Error(`Build the CLI first (npm run build): ${HATRACK_BIN} is missing.`);
  s = await startPortalStandin(ACCOUNTS, { defaultPageSize: 2 });
});
afterAll(async () => {
  await s.standin.close();
});
beforeEach(() => {
  s.portal.setAccounts(ACCOUNTS);
  ws = ssoWorkspace(USER_CONFIG, 'corp');
});

const run = (args: string[], extra: Record<string, string> = {}) => hatrack(ws, s.standin.url, args, extra);
const config = () => readFileSync(ws.config, 'utf8');

describe('hatrack sso accounts', () => {
  it('lists every account with its roles across pages, progress on stderr, the bearer in x-amz-sso_bearer_token', async () => {
    const from = s.standin.log.length;
    const r = await run(['sso', 'accounts', '--sso-session', 'corp', '--json']);
    expect(r.stderr).toContain('Found 5 accounts with 6 roles (1 without any role, skipped).');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { accounts: { accountId: string; accountName: string | null; roles: string[] }[]; withoutRoles: { accountId: string }[] };
    expect(out.accounts.map((a) => a.accountId)).toEqual(['111111111111', '222222222222', '033333333333', '444444444444', '555555555555']);
    expect(out.accounts[0]!.roles).toEqual(['AdministratorAccess', 'ReadOnly']);
    expect(out.withoutRoles.map((a) => a.accountId)).toEqual(['666666666666']);
    const calls = s.standin.log.slice(from);
    const listing = calls.filter((c) => c.path === '/assignment/accounts');
    expect(listing.map((c) => c.query['next_token'] ?? null)).toEqual([null]);
    expect(listing[0]!.query['max_result']).toBe('100');
    expect(calls.every((c) => c.bearer === ACCESS_TOKEN && c.authorization === undefined)).toBe(true);
    expect(r.stderr + r.stdout).not.toContain(ACCESS_TOKEN);
  });

  it('follows nextToken over 250 accounts (100 per page)', async () => {
    s.portal.setAccounts(generatedAccounts(250, 2));
    const from = s.standin.log.length;
    const r = await run(['sso', 'accounts', '--sso-session', 'corp', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { accounts: unknown[] }).accounts).toHaveLength(250);
    const listing = s.standin.log.slice(from).filter((c) => c.path === '/assignment/accounts');
    expect(listing.map((c) => c.query['next_token'] ?? null)).toEqual([null, '100', '200']);
  });
});

describe('hatrack sso populate', () => {
  it('writes a profile per assignment that botocore reads as SSO, keeps the user\'s text, and a second run writes nothing', async () => {
    const r = await run(['sso', 'populate', '--sso-session', 'corp']);
    expect(r.stderr).toContain('skipped "Sandbox/ReadOnly"');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 added, 0 updated, 0 unchanged, 0 pruned');
    const text = config();
    // Only appended: every byte the user wrote is still there, in place.
    expect(text.startsWith(USER_CONFIG)).toBe(true);
    expect(text).toContain('[profile Cafe-Muller/Billing]\nsso_session = corp\nsso_account_id = 033333333333\nsso_role_name = Billing\nsso_account_name = Cafe Muller\nhatrack_generated = corp\n');
    const view = await botocore<SsoView>(ws, s.standin.url, 'botocore_sso_profiles.py');
    for (const [name, [account, role]] of Object.entries(EXPECTED)) {
      expect(view.profiles[name], name).toEqual({
        sso: true,
        config: { sso_session: 'corp', sso_account_id: account, sso_role_name: role, sso_start_url: START_URL, sso_region: 'us-east-1' },
      });
    }
    expect(view.profiles['Sandbox/ReadOnly']!.config!['sso_account_id']).toBe('555555555555');
    expect(Object.keys(view.profiles).filter((p) => view.profiles[p]!.sso)).toHaveLength(6);

    const before = fileState(ws.config);
    const again = await run(['sso', 'populate', '--sso-session', 'corp']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('0 added, 0 updated, 5 unchanged, 0 pruned');
    expect(fileState(ws.config)).toEqual(before);
  });

  it('--dry-run prints the diff and writes nothing', async () => {
    const before = fileState(ws.config);
    const r = await run(['sso', 'populate', '--sso-session', 'corp', '--dry-run', '--region', 'eu-central-1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+[profile R-D-1/PowerUser+Dev]');
    expect(r.stdout).toContain('+region = eu-central-1');
    expect(r.stdout).toContain('Dry run (nothing written): 5 added');
    expect(fileState(ws.config)).toEqual(before);
  });

  it('updates only its own profiles, and --prune removes only its own whose assignment is gone', async () => {
    expect((await run(['sso', 'populate', '--sso-session', 'corp'])).code).toBe(0);
    // The user edits a generated profile (a comment and an output line) and writes one marked for another session.
    const edited = config()
      .replace('[profile Cafe-Muller/Billing]\n', '[profile Cafe-Muller/Billing]\n# my note on the café\noutput = json\n')
      .concat('\n[profile other-tool]\nsso_session = corp\nsso_account_id = 033333333333\nsso_role_name = Billing\nhatrack_generated = elsewhere\n');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(ws.config, edited);

    // The café account is gone, the R&D role renamed.
    s.portal.setAccounts(ACCOUNTS.filter((a) => a.accountId !== '033333333333').map((a) => (a.accountId === '444444444444' ? { ...a, roles: ['PowerUser'] } : a)));
    const noPrune = await run(['sso', 'populate', '--sso-session', 'corp', '--region', 'eu-west-2']);
    expect(noPrune.code).toBe(0);
    expect(noPrune.stderr).toContain('2 profile(s) written earlier have no assignment any more (Cafe-Muller/Billing, R-D-1/PowerUser+Dev); --prune removes them.');
    expect(noPrune.stdout).toContain('1 added, 3 updated, 0 unchanged, 0 pruned');
    expect(config()).toContain('[profile Cafe-Muller/Billing]\n# my note on the café\noutput = json\n');

    const pruned = await run(['sso', 'populate', '--sso-session', 'corp', '--region', 'eu-west-2', '--prune']);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('0 added, 0 updated, 4 unchanged, 2 pruned');
    const text = config();
    expect(text).not.toContain('[profile Cafe-Muller/Billing]');
    expect(text).not.toContain('[profile R-D-1/PowerUser+Dev]');
    expect(text).toContain('[profile R-D-1/PowerUser]');
    expect(text).toContain('[profile other-tool]\nsso_session = corp');
    expect(text.startsWith(USER_CONFIG)).toBe(true);
    const view = await botocore<SsoView>(ws, s.standin.url, 'botocore_sso_profiles.py');
    expect(view.profiles['Acme-Corp-Prod/AdministratorAccess']!.sso).toBe(true);
    expect(view.profiles['other-tool']!.sso).toBe(true);
  });

  it('retries through injected 429s (bare, typed, with Retry-After) and still writes everything', async () => {
    const throttledBefore = s.portal.throttled;
    s.portal.throttleNext(2, { errorType: false });
    s.portal.throttleNext(1, { retryAfter: '0' });
    s.portal.throttleNext(2, { path: '/assignment/roles' });
    const r = await run(['sso', 'populate', '--sso-session', 'corp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 added');
    expect(s.portal.throttled - throttledBefore).toBe(5);
  });

  it('stops at a 401 with one line saying to sign in again, and writes nothing', async () => {
    s.portal.revokeToken(ACCESS_TOKEN);
    try {
      const before = fileState(ws.config);
      const r = await run(['sso', 'populate', '--sso-session', 'corp']);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/sign in again: hatrack sso login --sso-session corp.*\[SSO_LOGIN_REQUIRED\]$/);
      expect(r.stderr).not.toContain(ACCESS_TOKEN);
      expect(fileState(ws.config)).toEqual(before);
    } finally {
      s.portal.addToken(ACCESS_TOKEN);
    }
  });
});
