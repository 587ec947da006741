// What an error says to the user: main's one sentence, plus the next step ONCE — never advice repeated in other words.
//
// Main's sentence says what failed; many also say what to do ("…; sign in again."). The renderer adds its own next
// step only when main's sentence gives none, so "…check the network. Check your network connection…" cannot happen.

/** The next step in words, for the codes where the message alone leaves the user guessing. */
const NEXT_STEP: Readonly<Record<string, string>> = {
  NETWORK: 'Check your network connection and try again.',
  THROTTLED: 'AWS is throttling requests; wait a moment and try again.',
  EXPIRED_TOKEN: 'Your session has expired; assume the role again.',
  FILE_CHANGED_ON_DISK: 'The list has been reloaded; review and try again.',
  KEYCHAIN_UNAVAILABLE: 'Your keys stay in the credentials file.',
  NOT_SUPPORTED: 'This part of Hatrack is not ready yet.',
  SSO_TOKEN_MISSING: 'Sign in with the profile’s Sign in button, then try again.',
  SSO_LOGIN_REQUIRED: 'Sign in again on the Identity Center screen.',
  NO_CREDENTIALS: 'Add keys or a source profile in the editor.',
};

/**
 * Whether a sentence already tells the user what to do: a clause (at the start, or after ";" "." or ":") that opens
 * with an imperative verb ("check …", "try again", "sign in …", "wait …").
 */
const ADVICE = /(?:^|[;:.]\s+)(?:check|try|retry|sign in|enter|wait|add|use|assume|review|restart|activate|select|choose)\b/i;

export function givesAdvice(message: string): boolean {
  return ADVICE.test(message);
}

/** The step to add to `message` for `code`, or undefined when there is none or the message already gives one. */
export function nextStepFor(code: string, message: string): string | undefined {
  const next = NEXT_STEP[code];
  return next === undefined || givesAdvice(message) ? undefined : next;
}

/** One clear text: the message, then the next step when the message lacks one. */
export function errorText(code: string, message: string): string {
  const msg = message.trim();
  const next = nextStepFor(code, msg);
  return next === undefined ? msg : `${msg} ${next}`;
}

/** The button that is the next step for an action that failed in place: sign in, give an MFA code, or try again. */
export type RecoveryAction = 'signIn' | 'mfa' | 'retry';

const SIGN_IN_CODES = new Set(['SSO_TOKEN_MISSING', 'SSO_LOGIN_REQUIRED']);
const MFA_CODES = new Set(['MFA_REQUIRED', 'MFA_INVALID']);

export function recoveryFor(code: string): RecoveryAction {
  if (SIGN_IN_CODES.has(code)) return 'signIn';
  if (MFA_CODES.has(code)) return 'mfa';
  return 'retry';
}

export const RECOVERY_LABEL: Readonly<Record<RecoveryAction, string>> = { signIn: 'Sign in', mfa: 'Enter MFA code', retry: 'Retry' };
