// Cross-account role setup: policies as valid JSON with the right principal and conditions, and the profile written.

import { describe, expect, it } from 'vitest';
import { docsOf, textOf } from '../../../test/support/docs.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import { planRoleSetup, roleSetupEdit } from './role-setup.js';

const config = '[profile me]\nregion = eu-west-1\naws_account_id = 111111111111\nmfa_serial = arn:aws:iam::111111111111:mfa/me\n\n[profile hop]\nrole_arn = arn:aws-cn:iam::222222222222:role/Hop\nsource_profile = me\n\n[profile bare]\nregion = us-east-1\n';
const docs = docsOf(config, '[me]\naws_access_key_id = AKIAX\naws_secret_access_key = s\n');

describe('role setup', () => {
  it('account principal, MFA and external id conditions, source policy, and the profile lines', () => {
    const plan = planRoleSetup(modelOf(docs), { sourceProfile: 'me', targetAccount: '333333333333', roleName: 'Deploy', mfa: true, externalId: 'partner-42' });
    expect(plan.principal).toBe('arn:aws:iam::111111111111:root');
    expect(JSON.parse(JSON.stringify(plan.trustPolicy))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' }, StringEquals: { 'sts:ExternalId': 'partner-42' } } }],
    });
    expect(plan.sourcePolicy.Statement[0]).toEqual({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::333333333333:role/Deploy' });
    const text = textOf(roleSetupEdit(docs, plan)).config;
    expect(text.endsWith('\n[profile Deploy-333333333333]\nrole_arn = arn:aws:iam::333333333333:role/Deploy\nsource_profile = me\nmfa_serial = arn:aws:iam::111111111111:mfa/me\nexternal_id = partner-42\n')).toBe(true);
  });

  it('a role source is the principal itself (and its partition carries over); no conditions without --mfa', () => {
    const plan = planRoleSetup(modelOf(docs), { sourceProfile: 'hop', targetAccount: '333333333333', roleName: 'R', mfa: false, profileName: 'r' });
    expect(plan.principal).toBe('arn:aws-cn:iam::222222222222:role/Hop');
    expect(plan.roleArn).toBe('arn:aws-cn:iam::333333333333:role/R');
    expect(plan.trustPolicy.Statement[0]).not.toHaveProperty('Condition');
  });

  it('needs --source-account when the source says nothing; validates ids, names and external ids', () => {
    const m = modelOf(docs);
    const base = { sourceProfile: 'bare', targetAccount: '333333333333', roleName: 'R', mfa: true };
    expect(() => planRoleSetup(m, base)).toThrow(/--source-account/);
    const plan = planRoleSetup(m, { ...base, sourceAccount: '444444444444' });
    expect(plan.principal).toBe('arn:aws:iam::444444444444:root');
    expect(plan.warnings.join()).toMatch(/no mfa_serial/);
    expect(() => planRoleSetup(m, { ...base, targetAccount: '12345' })).toThrow(/12 digits/);
    expect(() => planRoleSetup(m, { ...base, roleName: 'bad name' })).toThrow(/role name/);
    expect(() => planRoleSetup(m, { ...base, roleName: 'x'.repeat(65) })).toThrow(/role name/);
    expect(() => planRoleSetup(m, { ...base, sourceAccount: '444444444444', externalId: 'a' })).toThrow(/external id/);
    expect(() => planRoleSetup(m, { ...base, sourceAccount: '444444444444', externalId: 'has space' })).toThrow(/external id/);
    expect(() => planRoleSetup(m, { ...base, sourceAccount: '444444444444', profileName: 'me' })).toThrow(/already exists/);
    expect(() => planRoleSetup(m, { ...base, sourceProfile: 'nope' })).toThrow(/no profile/);
  });
});
