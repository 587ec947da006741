// What every domain's IPC handlers share (plain Node): the files, the composed services, events and the log.

import { HatrackError } from '../../../shared/domain/errors.js';
import type { EventName, EventPayload } from '../../../shared/ipc/contract.js';
import type { EditResult } from '../../../shared/ipc/schemas.js';
import type { AwsDocs } from '../../core/awsfiles/aws-docs.js';
import type { AwsFilesService, AwsFilesView } from '../../core/awsfiles/aws-files.js';
import type { Profile } from '../../core/awsfiles/profiles.js';
import type { Environment } from '../../core/environment.js';
import type { SessionRegistry } from '../../core/sessions/session-registry.js';
import type { CredentialsEngine } from '../../core/sts/index.js';
import type { SecretStore } from '../../core/vault/secret-store.js';
import type { CancellableCalls } from '../cancellable-calls.js';
import type { KeyChecks } from '../key-checks.js';
import type { Services } from '../services.js';
import type { SignInNotices } from '../sso-state.js';

export interface HandlerLog {
  readonly info: (message: string) => void;
  readonly error: (channel: string, detail: string) => void;
}

export interface HandlerContext {
  readonly env: Environment;
  readonly files: AwsFilesService;
  readonly services: Services;
  readonly credentialsEngine: () => Promise<CredentialsEngine>;
  readonly secretStore: () => Promise<SecretStore>;
  readonly log: HandlerLog;
  readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Opens a sign-in URL in the user's browser (Electron: shell.openExternal behind the allow-list). */
  readonly openExternal: (url: string) => Promise<void>;
  /** Says once, as the `sso.signInNeeded` event, that an IAM Identity Center sign-in ran out for good. */
  readonly ssoSignInNotices: SignInNotices;
  /** Applies a pure edit to the AWS files (one commit, backups), answering what changed. */
  readonly applyEdit: (edit: (docs: AwsDocs) => AwsDocs) => EditResult;
  /** The background key check (IAM CreateDate, last use, account alias) the listing starts. */
  readonly keyChecks: KeyChecks;
  /** Running network calls the renderer named with a `callId`, so `calls.cancel` can abort them. */
  readonly calls: CancellableCalls;
  /** Every session obtained in this run (metadata only), for the sessions panel. */
  readonly sessions: SessionRegistry;
  readonly version: string | undefined;
  /** process.versions.electron when running in the desktop shell. */
  readonly electronVersion: string | undefined;
}

export function requireProfile(view: AwsFilesView, name: string): Profile {
  const profile = view.model.byName.get(name);
  if (profile === undefined) throw new HatrackError('PROFILE_NOT_FOUND', `There is no profile named "${name}".`);
  return profile;
}
