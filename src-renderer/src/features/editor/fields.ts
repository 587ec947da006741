// What each profile kind's form edits, and the validation rules (STS limits, name patterns) for those fields.

export const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-south-2', 'ap-southeast-1',
  'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ca-central-1',
  'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1', 'sa-east-1', 'us-gov-west-1', 'us-gov-east-1', 'cn-north-1', 'cn-northwest-1',
] as const;

export const OUTPUTS = ['json', 'yaml', 'yaml-stream', 'text', 'table'] as const;

export type FormKind = 'static' | 'role' | 'sso' | 'process' | 'settings';

export interface FieldSpec {
  readonly key: string;
  readonly label: string;
  readonly input: 'text' | 'region' | 'output' | 'profile' | 'secret' | 'number' | 'checkbox';
  readonly help?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
}

const COMMON: readonly FieldSpec[] = [
  { key: 'region', label: 'Region', input: 'region', help: 'Default region for commands with this profile.' },
  { key: 'output', label: 'Output format', input: 'output' },
];

export const FIELDS: Readonly<Record<FormKind, readonly FieldSpec[]>> = {
  static: [
    { key: 'aws_access_key_id', label: 'Access key ID', input: 'text', placeholder: 'AKIA…', required: true },
    { key: 'aws_secret_access_key', label: 'Secret access key', input: 'secret', required: true },
    { key: 'aws_session_token', label: 'Session token', input: 'secret' },
    { key: 'mfa_serial', label: 'MFA device ARN', input: 'text', placeholder: 'arn:aws:iam::123456789012:mfa/you' },
    ...COMMON,
  ],
  role: [
    { key: '_account', label: 'Account ID', input: 'text', placeholder: '123456789012', required: true },
    { key: '_role', label: 'Role name', input: 'text', placeholder: 'Admin', required: true },
    { key: 'source_profile', label: 'Source profile', input: 'profile', help: 'The profile whose credentials assume this role.' },
    { key: 'mfa_serial', label: 'MFA device ARN', input: 'text', placeholder: 'arn:aws:iam::123456789012:mfa/you' },
    { key: 'external_id', label: 'External ID', input: 'text' },
    { key: 'duration_seconds', label: 'Session duration (seconds)', input: 'number', placeholder: '3600', help: 'Between 900 (15 min) and 43200 (12 h); the role’s maximum applies.' },
    { key: 'role_session_name', label: 'Session name', input: 'text', placeholder: 'you@example.com' },
    ...COMMON,
  ],
  sso: [
    { key: 'sso_session', label: 'SSO session', input: 'text' },
    { key: 'sso_start_url', label: 'Start URL', input: 'text', placeholder: 'https://my-org.awsapps.com/start' },
    { key: 'sso_region', label: 'SSO region', input: 'region' },
    { key: 'sso_account_id', label: 'Account ID', input: 'text', required: true },
    { key: 'sso_role_name', label: 'Role name', input: 'text', required: true },
    ...COMMON,
  ],
  process: [{ key: 'credential_process', label: 'Credential process command', input: 'text', required: true, placeholder: '/usr/local/bin/get-creds --profile x' }, ...COMMON],
  settings: COMMON,
};

/** The raw role_arn, edited as text when it cannot be split into account and role (so a bad value is seen and fixed). */
const RAW_ROLE_ARN: FieldSpec = {
  key: 'role_arn',
  label: 'Role ARN',
  input: 'text',
  placeholder: 'arn:aws:iam::123456789012:role/Name',
  required: true,
  help: 'This value is not a role ARN Hatrack can split into an account and a role name; correct it here.',
};

/** True when a stored role_arn is not one Hatrack can split (the form then edits it as raw text). */
export function hasRawRoleArn(kind: FormKind, settings: Readonly<Record<string, unknown>>): boolean {
  const arn = settings['role_arn'];
  return kind === 'role' && typeof arn === 'string' && parseRoleArn(arn) === null;
}

/** The fields the form shows for this kind and these stored settings. */
export function fieldsFor(kind: FormKind, settings: Readonly<Record<string, unknown>>): readonly FieldSpec[] {
  if (!hasRawRoleArn(kind, settings)) return FIELDS[kind];
  return [RAW_ROLE_ARN, ...FIELDS.role.filter((f) => f.key !== '_account' && f.key !== '_role')];
}

export function formKindOf(kind: string): FormKind {
  return kind === 'static' || kind === 'role' || kind === 'sso' || kind === 'process' ? kind : 'settings';
}

export interface ArnParts {
  readonly partition: string;
  readonly account: string;
  readonly role: string;
}

export function parseRoleArn(arn: string | undefined): ArnParts | null {
  if (arn === undefined) return null;
  const m = /^arn:([\w-]+):iam::(\d{12}):role\/(.+)$/.exec(arn);
  return m === null ? null : { partition: m[1]!, account: m[2]!, role: m[3]! };
}

export function buildRoleArn(partition: string, account: string, role: string): string {
  return `arn:${partition}:iam::${account}:role/${role}`;
}

/** Longer than any setting the AWS SDKs read (credential_process commands included); a paste gone wrong. Secrets
 * (aws_secret_access_key, aws_session_token) are exempt: session tokens grow. */
const MAX_VALUE = 4096;
/** An optional IAM path (service-role/…, up to 512 characters) and a name of 1–64 characters. */
const ROLE_NAME = /^(?=.{1,577}$)([\w+=,.@-]+\/){0,32}[\w+=,.@-]{1,64}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/** One sentence per invalid field (empty map = valid). */
export function validate(kind: FormKind, v: Readonly<Record<string, string>>, opts: { readonly hasSecret: boolean }): Record<string, string> {
  const errors: Record<string, string> = {};
  const val = (k: string) => (v[k] ?? '').trim();
  if (val('region') !== '' && (val('region').length > 32 || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(val('region')))) errors['region'] = 'A region looks like eu-west-1.';
  if (kind === 'static') {
    if (!/^[A-Z0-9]{16,128}$/.test(val('aws_access_key_id'))) errors['aws_access_key_id'] = 'An access key ID is 16–128 capital letters and digits, like AKIA….';
    if (!opts.hasSecret && val('aws_secret_access_key') === '') errors['aws_secret_access_key'] = 'Enter the secret access key.';
  }
  if (kind === 'role') {
    if ('role_arn' in v) {
      if (parseRoleArn(val('role_arn')) === null) errors['role_arn'] = 'A role ARN looks like arn:aws:iam::123456789012:role/Name.';
    } else {
      if (!/^\d{12}$/.test(val('_account'))) errors['_account'] = 'An AWS account ID is 12 digits.';
      if (!ROLE_NAME.test(val('_role'))) errors['_role'] = 'A role name is 1–64 letters, digits and +=,.@_- (a path may use /).';
    }
    const d = val('duration_seconds');
    if (d !== '' && (!/^\d+$/.test(d) || Number(d) < 900 || Number(d) > 43200)) errors['duration_seconds'] = 'STS accepts 900 to 43200 seconds.';
    const s = val('role_session_name');
    if (s !== '' && !SESSION_NAME.test(s)) errors['role_session_name'] = 'A session name is 2–64 letters, digits and +=,.@_-.';
    const e = val('external_id');
    if (e !== '' && !/^[\w+=,.@:/-]{2,1224}$/.test(e)) errors['external_id'] = 'An external ID is 2–1224 letters, digits and +=,.@:/_-.';
  }
  if (val('mfa_serial') !== '' && !/^(arn:[\w-]+:iam::\d{12}:(mfa|u2f)\/.+|GA[A-Z0-9]{8,})$/.test(val('mfa_serial'))) {
    errors['mfa_serial'] = 'Use the MFA device ARN, like arn:aws:iam::123456789012:mfa/you.';
  }
  if (kind === 'sso') {
    if (!/^\d{12}$/.test(val('sso_account_id'))) errors['sso_account_id'] = 'An AWS account ID is 12 digits.';
    if (val('sso_role_name') === '') errors['sso_role_name'] = 'Enter the permission set (role) name.';
    if (val('sso_session') === '' && val('sso_start_url') === '') errors['sso_start_url'] = 'Give an SSO session or a start URL.';
  }
  if (kind === 'process' && val('credential_process') === '') errors['credential_process'] = 'Enter the command that prints credentials.';
  for (const [k, raw] of Object.entries(v)) {
    const t = raw.trim();
    if (t.length > MAX_VALUE && !k.startsWith('aws_s') && errors[k] === undefined) errors[k] = `A value this long (${t.length} characters) is not one AWS reads; keep it under ${MAX_VALUE}.`;
    if (t !== '' && /\s[#;]|^[#;]/.test(t) && errors[k] === undefined) errors[k] = 'A value cannot contain “ #” or “ ;”: the AWS SDKs would cut it off there.';
  }
  return errors;
}
