// Error codes shared by core, CLI and renderer; one stable code per failure a user can see.

export const ERROR_CODES = [
  'BAD_REQUEST',
  'USAGE',
  'PROFILE_NOT_FOUND',
  'PROFILE_EXISTS',
  'PROFILE_REFERENCED',
  'INVALID_NAME',
  'INVALID_KEY',
  'INVALID_VALUE',
  'EDIT_WOULD_ADD_PROBLEM',
  'AMBIGUOUS_EDIT',
  'FILE_UNREADABLE',
  'FILE_WRITE_FAILED',
  'FILE_CHANGED_ON_DISK',
  'FILE_DISABLED',
  'FILE_READ_ONLY',
  'PROBLEM_NOT_FOUND',
  'NO_SAFE_FIX',
  'INVALID_STS_PARAMETER',
  'ACCESS_DENIED',
  'INVALID_CLIENT_TOKEN',
  'EXPIRED_TOKEN',
  'MFA_REQUIRED',
  'MFA_INVALID',
  'THROTTLED',
  'NETWORK',
  'CANCELLED',
  'UNKNOWN_PARTITION',
  'NO_CREDENTIALS',
  'CREDENTIAL_PROCESS_FAILED',
  'SSO_TOKEN_MISSING',
  'SSO_LOGIN_REQUIRED',
  'SSO_LOGIN_DENIED',
  'SSO_LOGIN_EXPIRED',
  'SSO_LOGIN_FAILED',
  'CANCELLED',
  'CYCLE',
  'NEEDS_CONFIRMATION',
  'LIMIT_EXCEEDED',
  'KEYCHAIN_UNAVAILABLE',
  'NOT_SUPPORTED',
  'INTERNAL',
  'AWS_SERVICE_ERROR',
  'SIGNIN_FAILED',
  'BROWSER_LAUNCH_FAILED',
  'INVALID_CONFIG',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorLocation {
  /** Absolute path of the file the error is about, when known. */
  readonly path?: string | undefined;
  /** Which AWS file, when the path is resolved later (pure core code does not know paths). */
  readonly file?: 'config' | 'credentials' | undefined;
  /** 1-based line number, when the error is about one line. */
  readonly line?: number | undefined;
}

/** An error with a stable code and one sentence a user can act on. Never carries a secret. */
export class HatrackError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation | undefined;

  constructor(code: ErrorCode, message: string, location?: ErrorLocation) {
    super(message);
    this.name = 'HatrackError';
    this.code = code;
    this.location = location;
  }

  /** "path:line: message", the one-line form the CLI prints; `resolve` turns a file kind into its path. */
  describe(resolve?: (file: 'config' | 'credentials') => string | null): string {
    const loc = this.location;
    if (loc === undefined) return this.message;
    const path = loc.path ?? (loc.file !== undefined ? (resolve?.(loc.file) ?? loc.file) : undefined);
    if (path === undefined) return this.message;
    return loc.line === undefined ? `${path}: ${this.message}` : `${path}:${loc.line}: ${this.message}`;
  }
}

/**
 * True for a HatrackError from any copy of this module (a test that resets modules, or a lazily loaded chunk, can
 * hold a second copy of the class, where `instanceof` would say no).
 */
export function isHatrackError(e: unknown): e is HatrackError {
  if (e instanceof HatrackError) return true;
  // A second copy of the class (or of a subclass such as AwsCallError) is known by its shape: a string code and
  // describe(). Node's own errors have a code but no describe().
  return e instanceof Error && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { describe?: unknown }).describe === 'function';
}
