import { describe, expect, it } from 'vitest';

import { findPartition, partitionOf } from './partitions.js';

describe('partitions', () => {
  it.each([
    ['us-east-1', 'aws'],
    ['eu-central-2', 'aws'],
    ['il-central-1', 'aws'],
    ['mx-central-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-gov-east-1', 'aws-us-gov'],
  ])('%s is in %s', (region, id) => {
    expect(partitionOf(region).id).toBe(id);
  });
  it('refuses iso, eusc and nonsense with UNKNOWN_PARTITION', () => {
    for (const r of ['us-iso-east-1', 'us-isob-east-1', 'eusc-de-east-1', 'mars-1', '']) {
      expect(findPartition(r)).toBeUndefined();
      expect(() => partitionOf(r)).toThrow(expect.objectContaining({ code: 'UNKNOWN_PARTITION' }));
    }
  });
  it('gives sign-in and console hosts per partition', () => {
    expect(partitionOf('cn-north-1')).toMatchObject({ signinHost: 'signin.amazonaws.cn', consoleHost: 'console.amazonaws.cn', iamRegion: 'cn-north-1' });
    expect(partitionOf('us-gov-west-1').signinHost).toBe('signin.amazonaws-us-gov.com');
    expect(partitionOf('ap-south-1').iamRegion).toBe('us-east-1');
  });
});
