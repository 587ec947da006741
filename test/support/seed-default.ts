// The seed guide's files for switching the default: a [default] of the user's own keys, a production role built on
// it, and a dev profile to switch to. Shared by the switch, restore and app-core tests.
export const SEED_CONFIG = `[default]
region = eu-west-1
output = json

[profile production]
role_arn = arn:aws:iam::123456789012:role/admin
source_profile = default
region = us-east-2
`;
export const SEED_CREDS = `# my own keys
[default]
aws_access_key_id = AKIAUSEROWN000000001
aws_secret_access_key = own-secret
`;
export const DEV_KEYS = { accessKeyId: 'AKIADEV0000000000001', secretAccessKey: 'dev-secret' };
/** The user's keys plus dev's: what Use switches away from and Switch back restores. */
export const SEED_CREDS_WITH_DEV = `${SEED_CREDS}
[dev]
aws_access_key_id = ${DEV_KEYS.accessKeyId}
aws_secret_access_key = ${DEV_KEYS.secretAccessKey}
`;
