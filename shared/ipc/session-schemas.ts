// Wire schemas of the active sessions panel (zod): metadata only. No secret key, session token or sign-in URL ever
// appears here, and the access key id only masked (AKIA…WXYZ).

import { z } from 'zod';

export const SessionIdSchema = z.string().min(1).max(300);

export const SessionSchema = z
  .object({
    id: SessionIdSchema,
    /** role: an assumed role; default: the [default] `use` manages; console: a console sign-in; mfa: an MFA device session. */
    kind: z.enum(['role', 'default', 'console', 'mfa']),
    profile: z.string().nullable(),
    roleArn: z.string().nullable(),
    accountId: z.string().nullable(),
    source: z.string().nullable(),
    chained: z.boolean(),
    accessKeyId: z.string().nullable(),
    serialNumber: z.string().nullable(),
    obtainedAt: z.string().nullable(),
    /** null: long-term keys, nothing expires. */
    expiresAt: z.string().nullable(),
  })
  .strict();
export type Session = z.infer<typeof SessionSchema>;

export const SessionsListSchema = z.object({ sessions: z.array(SessionSchema) });
