// Wire schemas of the IAM Identity Center channels (zod). No token, refresh token or client secret ever appears here.

import { z } from 'zod';
import { FileChangeSchema, ProfileNameSchema } from './schemas.js';

export const SsoSessionNameSchema = z.string().min(1).max(200);

/** Whose sign-in: an `[sso-session]` by name, or a legacy profile that carries sso_start_url itself. */
export const SsoTargetSchema = z.union([z.object({ session: SsoSessionNameSchema }).strict(), z.object({ profile: ProfileNameSchema }).strict()]);
export type SsoTarget = z.infer<typeof SsoTargetSchema>;

export const SsoSessionStateSchema = z.object({
  name: z.string(),
  startUrl: z.string().nullable(),
  region: z.string().nullable(),
  /**
   * signed-in: the token works now; refreshable: it has run out but Hatrack renews it on next use; expired: it ran
   * out and cannot be renewed (sign in again); signed-out: no token; invalid: the block itself is broken (see notice).
   */
  status: z.enum(['signed-in', 'refreshable', 'expired', 'signed-out', 'invalid']),
  expiresAt: z.string().nullable(),
  /** One sentence for the user when something needs doing (sign in again, fix the block); null when all is well. */
  notice: z.string().nullable(),
  /** Profiles that sign in through this session. */
  profiles: z.number().int().nonnegative(),
});
export type SsoSessionState = z.infer<typeof SsoSessionStateSchema>;

export const SsoSetupRequestSchema = z
  .object({ name: SsoSessionNameSchema, startUrl: z.string().min(1).max(2000), region: z.string().min(1).max(40) })
  .strict();

/** What the device-code dialog shows. The verification URL that carries the code stays in main (sso.signIn.openBrowser). */
export const SsoSignInPromptSchema = z.object({ userCode: z.string(), verificationUri: z.string(), expiresAt: z.string() });

export const SsoSignInStartSchema = z.object({
  flowId: z.string(),
  /** null: the sign-in finished without asking the user (a pre-approved client); sso.signIn.wait answers at once. */
  prompt: SsoSignInPromptSchema.nullable(),
});

export const SsoSignInResultSchema = z.object({ expiresAt: z.string(), refreshable: z.boolean() });

export const SsoAccountSchema = z.object({
  accountId: z.string(),
  accountName: z.string().nullable(),
  emailAddress: z.string().nullable(),
  roles: z.array(z.string()),
});
export type SsoAccount = z.infer<typeof SsoAccountSchema>;

export const SsoDiscoverySchema = z.object({
  session: z.string(),
  accounts: z.array(SsoAccountSchema),
  /** Accounts listed without any role for this user (nothing to write for them). */
  withoutRoles: z.number().int().nonnegative(),
  discoveredAt: z.string(),
  /** The sign-in works for now but could not be refreshed: one sentence. */
  warning: z.string().nullable(),
});

/** The accounts and roles picked in the discovery picker, as `accountId/roleName`. */
export const SsoPopulateRequestSchema = z
  .object({
    session: SsoSessionNameSchema,
    pairs: z.array(z.string().regex(/^\d{12}\/[\w+=,.@-]{1,64}$/, 'a pair is accountId/roleName')).min(1),
    template: z.string().min(1).max(200).optional(),
    region: z.string().min(1).max(40).optional(),
  })
  .strict();

export const SsoPopulateReportSchema = z.object({
  added: z.array(z.string()),
  updated: z.array(z.string()),
  unchanged: z.number().int().nonnegative(),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
});

export const SsoPopulatePreviewSchema = SsoPopulateReportSchema.extend({ files: z.array(FileChangeSchema) });
export const SsoPopulateResultSchema = SsoPopulateReportSchema.extend({ changed: z.boolean(), files: z.array(FileChangeSchema) });

export const SsoDiscoveryProgressSchema = z.object({ session: z.string(), accounts: z.number().int(), accountsDone: z.number().int(), listingDone: z.boolean() });
