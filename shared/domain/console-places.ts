// Where the AWS console can open: the commercial regions of each partition with readable names, and a curated list
// of common services with the console path slug core's consoleDestination puts in `/<slug>/home`. Plain data (no
// zod): the renderer bundles it for the pickers, main validates what it remembers against the same patterns.

/** The shape of an AWS region name (`eu-west-1`, `us-gov-west-1`, `ap-southeast-5`). */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** A console service slug: the first path segment of the console URL (`ec2`, `cloudwatch`, `billing`). */
export const SERVICE_SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
/** How many recent regions and services Hatrack remembers for the pickers. */
export const CONSOLE_RECENTS_MAX = 5;

export type ConsolePartition = 'aws' | 'aws-cn' | 'aws-us-gov';

export interface ConsoleRegion {
  readonly id: string;
  readonly name: string;
}

/** The regions a user can pick per partition (opt-in regions included: the console says when one is not enabled). */
export const CONSOLE_REGIONS: Readonly<Record<ConsolePartition, readonly ConsoleRegion[]>> = {
  aws: [
    { id: 'us-east-1', name: 'US East (N. Virginia)' },
    { id: 'us-east-2', name: 'US East (Ohio)' },
    { id: 'us-west-1', name: 'US West (N. California)' },
    { id: 'us-west-2', name: 'US West (Oregon)' },
    { id: 'af-south-1', name: 'Africa (Cape Town)' },
    { id: 'ap-east-1', name: 'Asia Pacific (Hong Kong)' },
    { id: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
    { id: 'ap-south-2', name: 'Asia Pacific (Hyderabad)' },
    { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
    { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
    { id: 'ap-northeast-3', name: 'Asia Pacific (Osaka)' },
    { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
    { id: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
    { id: 'ap-southeast-3', name: 'Asia Pacific (Jakarta)' },
    { id: 'ap-southeast-4', name: 'Asia Pacific (Melbourne)' },
    { id: 'ap-southeast-5', name: 'Asia Pacific (Malaysia)' },
    { id: 'ap-southeast-7', name: 'Asia Pacific (Thailand)' },
    { id: 'ca-central-1', name: 'Canada (Central)' },
    { id: 'ca-west-1', name: 'Canada West (Calgary)' },
    { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
    { id: 'eu-central-2', name: 'Europe (Zurich)' },
    { id: 'eu-west-1', name: 'Europe (Ireland)' },
    { id: 'eu-west-2', name: 'Europe (London)' },
    { id: 'eu-west-3', name: 'Europe (Paris)' },
    { id: 'eu-south-1', name: 'Europe (Milan)' },
    { id: 'eu-south-2', name: 'Europe (Spain)' },
    { id: 'eu-north-1', name: 'Europe (Stockholm)' },
    { id: 'il-central-1', name: 'Israel (Tel Aviv)' },
    { id: 'me-south-1', name: 'Middle East (Bahrain)' },
    { id: 'me-central-1', name: 'Middle East (UAE)' },
    { id: 'mx-central-1', name: 'Mexico (Central)' },
    { id: 'sa-east-1', name: 'South America (São Paulo)' },
  ],
  'aws-cn': [
    { id: 'cn-north-1', name: 'China (Beijing)' },
    { id: 'cn-northwest-1', name: 'China (Ningxia)' },
  ],
  'aws-us-gov': [
    { id: 'us-gov-west-1', name: 'AWS GovCloud (US-West)' },
    { id: 'us-gov-east-1', name: 'AWS GovCloud (US-East)' },
  ],
};

/** The partition a region belongs to, by prefix (as botocore's partition regexes); `aws` for anything else. */
export function consolePartitionOf(region: string | null | undefined): ConsolePartition {
  if (region == null) return 'aws';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('cn-')) return 'aws-cn';
  return 'aws';
}

/** "eu-west-1 — Europe (Ireland)", or the bare id for a region the catalogue does not name. */
export function regionLabel(id: string): string {
  const known = CONSOLE_REGIONS[consolePartitionOf(id)].find((r) => r.id === id);
  return known === undefined ? id : `${id} — ${known.name}`;
}

export interface ConsoleService {
  /** The console path slug (`/<slug>/home`). */
  readonly slug: string;
  readonly name: string;
}

/** The services most people open, by console name; the slug is what the console's own URLs use. */
export const CONSOLE_SERVICES: readonly ConsoleService[] = [
  { slug: 'ec2', name: 'EC2' },
  { slug: 's3', name: 'S3' },
  { slug: 'iam', name: 'IAM' },
  { slug: 'lambda', name: 'Lambda' },
  { slug: 'cloudwatch', name: 'CloudWatch' },
  { slug: 'cloudformation', name: 'CloudFormation' },
  { slug: 'rds', name: 'RDS' },
  { slug: 'dynamodbv2', name: 'DynamoDB' },
  { slug: 'ecs', name: 'ECS (Elastic Container Service)' },
  { slug: 'eks', name: 'EKS (Elastic Kubernetes Service)' },
  { slug: 'ecr', name: 'ECR (Container Registry)' },
  { slug: 'vpc', name: 'VPC' },
  { slug: 'route53', name: 'Route 53' },
  { slug: 'cloudtrail', name: 'CloudTrail' },
  { slug: 'billing', name: 'Billing and Cost Management' },
  { slug: 'costmanagement', name: 'Cost Explorer' },
  { slug: 'sqs', name: 'SQS' },
  { slug: 'sns', name: 'SNS' },
  { slug: 'apigateway', name: 'API Gateway' },
  { slug: 'cloudfront', name: 'CloudFront' },
  { slug: 'secretsmanager', name: 'Secrets Manager' },
  { slug: 'systems-manager', name: 'Systems Manager' },
  { slug: 'kms', name: 'KMS (Key Management Service)' },
  { slug: 'acm', name: 'Certificate Manager' },
  { slug: 'states', name: 'Step Functions' },
  { slug: 'events', name: 'EventBridge' },
  { slug: 'guardduty', name: 'GuardDuty' },
  { slug: 'organizations', name: 'Organizations' },
  { slug: 'singlesignon', name: 'IAM Identity Center' },
];

/** "S3", or the slug itself for one the curated list does not name. */
export function serviceLabel(slug: string): string {
  return CONSOLE_SERVICES.find((s) => s.slug === slug)?.name ?? slug;
}

/** `value` first, then the earlier recents without it, at most CONSOLE_RECENTS_MAX. */
export function withRecent(recents: readonly string[], value: string): string[] {
  return [value, ...recents.filter((r) => r !== value)].slice(0, CONSOLE_RECENTS_MAX);
}
