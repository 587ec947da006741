import { describe, expect, it } from 'vitest';
import { docsOf } from '../../../test/support/docs.js';
import { modelOf } from '../awsfiles/aws-docs.js';
import { mfaSerialsOf } from './mfa-serials.js';

describe('mfaSerialsOf', () => {
  it('collects the devices along the source_profile chain, once each, and ends on a loop', () => {
    const config = [
      '[profile base]',
      'mfa_serial = arn:aws:iam::111111111111:mfa/base',
      '[profile hop]',
      'role_arn = arn:aws:iam::222222222222:role/hop',
      'source_profile = base',
      'mfa_serial = arn:aws:iam::111111111111:mfa/base',
      '[profile top]',
      'role_arn = arn:aws:iam::333333333333:role/top',
      'source_profile = hop',
      'mfa_serial = arn:aws:iam::111111111111:mfa/top',
      '[profile loop-a]',
      'source_profile = loop-b',
      'mfa_serial = arn:aws:iam::111111111111:mfa/a',
      '[profile loop-b]',
      'source_profile = loop-a',
      '',
    ].join('\n');
    const model = modelOf(docsOf(config, ''));
    expect(mfaSerialsOf(model, 'top')).toEqual(['arn:aws:iam::111111111111:mfa/top', 'arn:aws:iam::111111111111:mfa/base']);
    expect(mfaSerialsOf(model, 'loop-a')).toEqual(['arn:aws:iam::111111111111:mfa/a']);
    expect(mfaSerialsOf(model, 'missing')).toEqual([]);
  });
});
