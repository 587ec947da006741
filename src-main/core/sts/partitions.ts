// AWS partitions from a region name (botocore partitions.json regexes) and their sign-in/console hosts; pure.

import { HatrackError } from '../../../shared/domain/errors.js';

export type PartitionId = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface Partition {
  readonly id: PartitionId;
  /** Host of the federation endpoint (`https://<host>/federation`). */
  readonly signinHost: string;
  readonly consoleHost: string;
  /** Whether `<region>.<consoleHost>` exists for deep links. */
  readonly regionalConsole: boolean;
  /** Region to create the (global) IAM client in. */
  readonly iamRegion: string;
  /** Default STS region when a profile names none. */
  readonly defaultRegion: string;
}

const PARTITIONS: readonly { readonly pattern: RegExp; readonly partition: Partition }[] = [
  // Order matters only for readability: the regexes are disjoint (`\w` has no `-`).
  {
    pattern: /^us-gov-\w+-\d+$/,
    partition: {
      id: 'aws-us-gov',
      signinHost: 'signin.amazonaws-us-gov.com',
      consoleHost: 'console.amazonaws-us-gov.com',
      regionalConsole: true,
      iamRegion: 'us-gov-west-1',
      defaultRegion: 'us-gov-west-1',
    },
  },
  {
    pattern: /^cn-\w+-\d+$/,
    partition: {
      id: 'aws-cn',
      signinHost: 'signin.amazonaws.cn',
      consoleHost: 'console.amazonaws.cn',
      regionalConsole: false,
      iamRegion: 'cn-north-1',
      defaultRegion: 'cn-north-1',
    },
  },
  {
    pattern: /^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/,
    partition: {
      id: 'aws',
      signinHost: 'signin.aws.amazon.com',
      consoleHost: 'console.aws.amazon.com',
      regionalConsole: true,
      iamRegion: 'us-east-1',
      defaultRegion: 'us-east-1',
    },
  },
];

/** The partition of `region`, or undefined for regions Hatrack cannot sign in to (aws-iso*, aws-eusc, typos). */
export function findPartition(region: string): Partition | undefined {
  if (region === 'aws-global') return PARTITIONS[2]!.partition;
  return PARTITIONS.find((p) => p.pattern.test(region))?.partition;
}

/** Like findPartition, but refuses unknown regions with UNKNOWN_PARTITION. */
export function partitionOf(region: string): Partition {
  const p = findPartition(region);
  if (p === undefined) {
    throw new HatrackError(
      'UNKNOWN_PARTITION',
      `Region "${region}" is not in a partition Hatrack supports (aws, aws-cn, aws-us-gov).`,
    );
  }
  return p;
}
