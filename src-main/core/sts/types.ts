// Data types shared by the credentials engine modules; plain Node, no I/O.

/** A usable set of AWS credentials. `sessionToken` is set for every temporary (STS/SSO) credential. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly expiration?: Date | undefined;
}

export type CredentialSource =
  | 'static'
  | 'environment'
  | 'role'
  | 'web-identity'
  | 'sso'
  | 'process'
  | 'federation';

/** One step taken to reach the final credentials, for "how did we get here" displays. Never holds a secret. */
export interface ResolveHop {
  readonly profile: string;
  readonly source: CredentialSource;
  readonly roleArn?: string | undefined;
  /** AssumeRole was signed with temporary credentials (role chaining: 1 h limit). */
  readonly chained?: boolean | undefined;
  /** The requested duration_seconds was lowered to 3600 because the hop is chained. */
  readonly durationCapped?: boolean | undefined;
  /** The hop used a cached or fresh GetSessionToken+MFA session, like aws-vault. */
  readonly viaMfaSession?: boolean | undefined;
}

export interface ResolvedCredentials extends AwsCredentials {
  readonly profile: string;
  readonly source: CredentialSource;
  /** The last AssumeRole was signed with temporary credentials, so the session is capped at 1 h. */
  readonly chained: boolean;
  readonly accountId?: string | undefined;
  readonly roleArn?: string | undefined;
  /** Set when these credentials came from GetFederationToken (console sign-in for a plain IAM user). */
  readonly viaFederation?: { readonly name: string; readonly federatedUserArn: string | undefined } | undefined;
  /** Outermost first: the profile asked for, then its source profiles. */
  readonly hops: readonly ResolveHop[];
  /** Something the user should hear although the credentials work (an SSO sign-in that could not be refreshed). */
  readonly warning?: string | undefined;
}

/** True for long-term IAM user keys (AKIA…, no session token): the only kind GetSessionToken/GetFederationToken and key rotation accept. */
export function isLongTerm(c: AwsCredentials): boolean {
  return c.sessionToken === undefined || c.sessionToken === '';
}
