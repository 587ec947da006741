// Domain schemas shared by main and renderer (zod): what profiles, problems, diffs and credentials look like on the wire.

import { z } from 'zod';

import { PROFILE_COLOURS, PROFILE_NOTE_MAX } from '../domain/profile-look.js';
import type { ProfileColour } from '../domain/profile-look.js';

export const ProfileNameSchema = z.string().min(1).max(200);
export const AwsFileKindSchema = z.enum(['config', 'credentials']);
/** Every profile kind; core's kinds table (core/awsfiles/kinds.ts) must have a row for each, or it does not compile. */
export const PROFILE_KINDS = ['static', 'role', 'sso', 'process', 'web-identity', 'login', 'settings'] as const;
export const ProfileKindSchema = z.enum(PROFILE_KINDS);
export type ProfileKind = z.infer<typeof ProfileKindSchema>;
/** The named colours a user may give a profile in Hatrack (shared/domain/profile-look.ts). */
export const ProfileColourSchema = z.enum(PROFILE_COLOURS);
export type { ProfileColour };

/** One thing Hatrack can do with a profile: allowed, or not with a reason that reads after its name (`dev ${reason}.`). */
export const CapabilitySchema = z.object({ ok: z.boolean(), reason: z.string().nullable() });
export type Capability = z.infer<typeof CapabilitySchema>;
export const CapabilitiesSchema = z.object({
  /** Make it the default profile (credentials resolved and written to [default]). */
  use: CapabilitySchema,
  /** Resolve temporary credentials now (the window's and tray's Assume). */
  assume: CapabilitySchema,
  console: CapabilitySchema,
  /** Print its credentials (hatrack export). */
  export: CapabilitySchema,
  /** Move its access keys into the OS keychain. */
  vault: CapabilitySchema,
  rotate: CapabilitySchema,
  /** Sign in to IAM Identity Center from Hatrack. */
  signIn: CapabilitySchema,
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
export type CapabilityName = keyof Capabilities;
export const SettingValueSchema = z.union([z.string(), z.record(z.string(), z.string())]);

export const ProblemSchema = z.object({
  id: z.string(),
  file: AwsFileKindSchema,
  path: z.string().nullable(),
  line: z.number().int().positive(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  breaksCli: z.boolean(),
  message: z.string(),
  profile: z.string().nullable(),
  key: z.string().nullable(),
  fix: z.string().nullable(),
  /** What it does: the CLI refuses the file / the profile cannot work (red), the SDKs disagree (amber), style (grey). */
  effect: z.enum(['cli-refuses', 'profile-broken', 'sdks-disagree', 'style']),
  /** The problem this one follows from (shown grouped under it), or null for a root cause. */
  causeId: z.string().nullable(),
});
export type Problem = z.infer<typeof ProblemSchema>;
export type ProblemEffect = Problem['effect'];

export const ProfileSummarySchema = z.object({
  name: z.string(),
  kind: ProfileKindSchema,
  region: SettingValueSchema.nullable(),
  sources: z.array(AwsFileKindSchema),
  accountId: z.string().nullable(),
  roleArn: z.string().nullable(),
  sourceProfile: z.string().nullable(),
  mfaSerial: z.string().nullable(),
  accessKeyId: z.string().nullable(),
  /** Days since IAM's CreateDate of the profile's own key; null while unknown (never a guess). */
  keyAgeDays: z.number().nullable(),
  keyAgeSource: z.enum(['iam']).nullable(),
  /** The account's IAM alias (cached from the background key check), when the account id is known. */
  accountName: z.string().nullable(),
  production: z.boolean(),
  favourite: z.boolean(),
  /** The user's colour and note for the profile, from Hatrack's settings (never the AWS files); null when unset. */
  colour: ProfileColourSchema.nullable(),
  note: z.string().nullable(),
  isDefault: z.boolean(),
  /** When the profile's temporary credentials (written by `use`, or an assumed session) expire. */
  sessionExpiresAt: z.string().nullable(),
  vaulted: z.boolean(),
  /** An IAM Identity Center profile's sign-in: which session, account and role, and whether its token is usable. */
  sso: z
    .object({
      /** The `[sso-session]` name; null for a legacy profile that carries sso_start_url itself. */
      session: z.string().nullable(),
      startUrl: z.string(),
      accountId: z.string().nullable(),
      /** From `sso_account_name` (written by sso populate); null when unknown. */
      accountName: z.string().nullable(),
      roleName: z.string().nullable(),
      /** A token that works now, or an expired one Hatrack can refresh without asking the user. */
      signedIn: z.boolean(),
      expiresAt: z.string().nullable(),
    })
    .nullable()
    .optional(),
  /** What Hatrack can do with it, from core's kinds table; the window and the tray read these, never the kind. */
  capabilities: CapabilitiesSchema,
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const DefaultIdentitySchema = z.object({
  /** Profile Hatrack last put on as the default, when [default] is Hatrack-managed. */
  profile: z.string().nullable(),
  managed: z.boolean(),
  expiresAt: z.string().nullable(),
  /** The profile keeping the user's own [default] while Hatrack manages it (credentials.restoreDefault switches back). */
  keptAs: z.string().nullable().optional(),
});

/** Which identity the AWS CLI and SDKs would use in a new terminal, and why (core/switch/active-identity.ts). */
export const ActiveIdentitySchema = z.object({
  source: z.enum(['env-keys', 'env-profile', 'default', 'none']),
  variable: z.string().nullable(),
  profile: z.string().nullable(),
  profileFound: z.boolean(),
  standsFor: z.string().nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  roleName: z.string().nullable(),
  expiresAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type ActiveIdentity = z.infer<typeof ActiveIdentitySchema>;

export const ProfilesListSchema = z.object({
  files: z.object({ config: z.string().nullable(), credentials: z.string().nullable() }),
  profiles: z.array(ProfileSummarySchema),
  problems: z.array(ProblemSchema),
  defaultIdentity: DefaultIdentitySchema,
  activeIdentity: ActiveIdentitySchema,
});
export type ProfilesList = z.infer<typeof ProfilesListSchema>;

export const RawSectionSchema = z.object({
  file: AwsFileKindSchema,
  path: z.string().nullable(),
  /** 1-based line of the header. */
  line: z.number().int().positive(),
  /** The section's lines as they stand in the file, with secret values masked. */
  lines: z.array(z.string()),
});

export const ProfileDetailSchema = ProfileSummarySchema.extend({
  /** botocore's merged settings, secrets masked. */
  settings: z.record(z.string(), SettingValueSchema),
  sections: z.array(RawSectionSchema),
  referencedBy: z.array(z.string()),
  problems: z.array(ProblemSchema),
});
export type ProfileDetail = z.infer<typeof ProfileDetailSchema>;

export const DiffLineSchema = z.object({ op: z.enum(['keep', 'add', 'remove']), text: z.string(), line: z.number().int() });
export const FileChangeSchema = z.object({
  kind: AwsFileKindSchema,
  path: z.string().nullable(),
  hunks: z.array(z.object({ oldStart: z.number().int(), newStart: z.number().int(), lines: z.array(DiffLineSchema) })),
  backupPath: z.string().nullable(),
});
export type FileChange = z.infer<typeof FileChangeSchema>;

export const EditResultSchema = z.object({ changed: z.boolean(), files: z.array(FileChangeSchema) });
export type EditResult = z.infer<typeof EditResultSchema>;

/** One edit of the AWS files; the same object is previewed (diff) and then applied. */
export const EditRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('set'), profile: ProfileNameSchema, values: z.record(z.string(), z.string().nullable()) }).strict(),
  z.object({ type: z.literal('add'), profile: ProfileNameSchema, values: z.record(z.string(), z.string()) }).strict(),
  z.object({ type: z.literal('remove'), profile: ProfileNameSchema, force: z.boolean() }).strict(),
  z.object({ type: z.literal('rename'), from: ProfileNameSchema, to: ProfileNameSchema }).strict(),
  z.object({ type: z.literal('fix'), problemId: z.string().min(1) }).strict(),
  z.object({ type: z.literal('fixAll') }).strict(),
]);
export type EditRequest = z.infer<typeof EditRequestSchema>;

export const MfaCodeSchema = z.string().regex(/^\d{6}$/, 'an MFA code is 6 digits');

export const KeyInfoSchema = z.object({
  accessKeyId: z.string(),
  userName: z.string().nullable(),
  status: z.string(),
  /** IAM's CreateDate; null (with ageDays null, source unknown) when IAM would not say. */
  createDate: z.string().nullable(),
  ageDays: z.number().nullable(),
  lastUsed: z.object({ date: z.string().nullable(), service: z.string().nullable(), region: z.string().nullable() }).nullable(),
  source: z.enum(['iam', 'unknown']),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
});
export type KeyInfo = z.infer<typeof KeyInfoSchema>;

export const RotationStepSchema = z.object({
  profile: z.string(),
  step: z.string(),
  status: z.enum(['started', 'done', 'failed', 'skipped']),
  detail: z.string().nullable(),
});
export type RotationStep = z.infer<typeof RotationStepSchema>;

export const DoctorFindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  profile: z.string().nullable(),
  message: z.string(),
  /** How to fix it by hand: a command or a sentence (the CLI prints it). */
  fix: z.string().nullable(),
  /** Set only when doctor.fix can apply it safely: the fix button's short label ("Make private"). */
  fixLabel: z.string().nullable(),
});
export type DoctorFinding = z.infer<typeof DoctorFindingSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);

export const AppSettingsSchema = z.object({
  productionPatterns: z.array(z.string()),
  theme: ThemeSchema,
  refreshLeadMinutes: z.number().int().min(1).max(60),
  notifications: z.object({ sessionExpiring: z.boolean(), keyAge: z.boolean() }),
  launchAtLogin: z.boolean(),
  /** Ask IAM in the background for each key's CreateDate, last use and account alias. */
  checkKeyAgeOnline: z.boolean(),
  /** The console dialog's "Open in a separate browser profile" starts checked. */
  consoleSeparateProfile: z.boolean(),
});
export const ProfileSettingsSchema = z.object({
  production: z.boolean().nullable(),
  /** A palette name; a legacy #rrggbb value on disk reads as null. */
  colour: ProfileColourSchema.nullable(),
  favourite: z.boolean(),
  notes: z.string().max(4000),
});
/** What settings.update may change about a profile: any field, null to clear; a new note is short and one line. */
export const ProfileSettingsPatchSchema = ProfileSettingsSchema.extend({
  notes: z
    .string()
    .max(PROFILE_NOTE_MAX, `a note is at most ${PROFILE_NOTE_MAX} characters`)
    .refine((t) => !/[\r\n]/.test(t), 'a note is one line')
    .nullable(),
}).partial();
/** Where the console last opened; null region = the profile's own, null service = the console home. */
export const ConsoleChoiceViewSchema = z.object({ region: z.string().nullable(), service: z.string().nullable() });
/**
 * What main remembered from console opens, newest first. Read-only on the wire: main writes it when console.open
 * succeeds and console.forgetRecents clears it; settings.update cannot set it.
 */
export const ConsoleMemorySchema = z.object({
  recentRegions: z.array(z.string()),
  recentServices: z.array(z.string()),
  last: z.record(z.string(), ConsoleChoiceViewSchema),
});
export type ConsoleMemory = z.infer<typeof ConsoleMemorySchema>;
export const SettingsViewSchema = z.object({
  app: AppSettingsSchema,
  profiles: z.record(z.string(), ProfileSettingsSchema),
  console: ConsoleMemorySchema,
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;
