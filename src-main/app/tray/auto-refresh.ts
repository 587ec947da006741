// When to refresh the default role session before it expires (pure, any runtime).

export interface AutoRefreshInput {
  /** The profile Hatrack put on as the default, with its session expiry (null when long-term or none). */
  readonly profile: string | null;
  readonly sessionExpiresAt: string | null;
  readonly leadMinutes: number;
  /**
   * Until when a cached MFA session can sign the refresh without asking for a code. `undefined` means the caller
   * cannot tell (the refresh is tried and fails with MFA_REQUIRED if no session is left); `null` means there is none.
   */
  readonly mfaSessionExpiresAt?: string | null;
  /** The last automatic attempt for this same session, so a failure does not turn into a loop. */
  readonly lastAttemptAt?: string | null;
  readonly now: Date;
}

export type AutoRefreshDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'wait'; readonly until: Date }
  | { readonly kind: 'refresh'; readonly profile: string }
  /** Due, but only a new MFA code can refresh it: notify instead of calling STS. */
  | { readonly kind: 'needs-mfa'; readonly profile: string };

export const RETRY_AFTER_MS = 2 * 60 * 1000;
/** An MFA session that ends within this margin would expire in the middle of the refresh. */
export const MFA_MARGIN_MS = 60 * 1000;

export function planAutoRefresh(input: AutoRefreshInput): AutoRefreshDecision {
  if (input.profile === null || input.sessionExpiresAt === null) return { kind: 'none' };
  const expires = Date.parse(input.sessionExpiresAt);
  if (Number.isNaN(expires)) return { kind: 'none' };
  const now = input.now.getTime();
  const dueAt = expires - Math.max(0, input.leadMinutes) * 60_000;
  if (now < dueAt) return { kind: 'wait', until: new Date(dueAt) };
  if (input.lastAttemptAt !== undefined && input.lastAttemptAt !== null) {
    const last = Date.parse(input.lastAttemptAt);
    if (!Number.isNaN(last) && now - last < RETRY_AFTER_MS) return { kind: 'wait', until: new Date(last + RETRY_AFTER_MS) };
  }
  if (input.mfaSessionExpiresAt === null) return { kind: 'needs-mfa', profile: input.profile };
  if (input.mfaSessionExpiresAt !== undefined) {
    const mfaEnds = Date.parse(input.mfaSessionExpiresAt);
    if (Number.isNaN(mfaEnds) || mfaEnds - now < MFA_MARGIN_MS) return { kind: 'needs-mfa', profile: input.profile };
  }
  return { kind: 'refresh', profile: input.profile };
}
