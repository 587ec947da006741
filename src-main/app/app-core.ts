// createAppCore(deps): the one composition root (Electron main, tests, the browser e2e host); plain Node, no electron.
//
// It builds the AWS files service and the shared services (services.ts: engine, keychain, MFA sessions), hands them
// to each domain's handlers (handlers/<domain>.ts), and puts the table behind the contract-checking dispatch.

import type { EventName, EventPayload } from '../../shared/ipc/contract.js';
import type { AwsDocs } from '../core/awsfiles/aws-docs.js';
import type { AwsFilesService } from '../core/awsfiles/aws-files.js';
import { createAwsFiles } from '../core/awsfiles/aws-files.js';
import { createSessionRegistry } from '../core/sessions/session-registry.js';
import type { AppDispatch, Handlers } from '../ipc/dispatch.js';
import { createDispatch } from '../ipc/dispatch.js';
import type { HandlerContext, HandlerLog } from './handlers/context.js';
import { createCancellableCalls } from './cancellable-calls.js';
import { createCallsHandlers } from './handlers/calls.js';
import { createConsoleHandlers } from './handlers/console.js';
import { createCredentialsHandlers } from './handlers/credentials.js';
import { createDoctorHandlers } from './handlers/doctor.js';
import { createKeysHandlers } from './handlers/keys.js';
import { createProfilesHandlers } from './handlers/profiles.js';
import { createRoleSetupHandlers } from './handlers/role-setup.js';
import { createSettingsHandlers } from './handlers/settings.js';
import { createSessionsHandlers } from './handlers/sessions.js';
import { createSsoHandlers } from './handlers/sso.js';
import { createVaultHandlers } from './handlers/vault.js';
import { createKeyChecks } from './key-checks.js';
import { createServices } from './services.js';
import { createSignInNotices } from './sso-state.js';
import type { ServicesOptions } from './services.js';
import { wireFileChanges } from './wire.js';

export { editFor, wireFileChanges } from './wire.js';

export type AppCoreLog = HandlerLog;

/** The environment, data directory and test seams (gateway, fetch) go to the shared services as they are. */
export interface AppCoreDeps extends Pick<ServicesOptions, 'env' | 'dataDir' | 'gateway' | 'fetch'> {
  /** Opens a sign-in URL in the user's browser (Electron: shell.openExternal behind the allow-list). */
  readonly openExternal: (url: string) => Promise<void>;
  readonly log?: AppCoreLog | undefined;
  /** Watch the AWS files and push `files.changed` (default true). */
  readonly watchFiles?: boolean | undefined;
  /** Check access keys with IAM in the background after the first listing and daily (default true; the setting can turn it off). */
  readonly backgroundKeyChecks?: boolean | undefined;
  readonly version?: string | undefined;
  /** process.versions.electron when running in the desktop shell. */
  readonly electronVersion?: string | undefined;
}

export interface AppCore {
  /** Typed for callers in main; also takes untrusted channel names and payloads (the window, test hosts). */
  readonly dispatch: AppDispatch;
  readonly handlers: Handlers;
  readonly files: AwsFilesService;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  dispose(): void;
}

const silentLog: AppCoreLog = { info: () => undefined, error: () => undefined };

export function createAppCore(deps: AppCoreDeps): AppCore {
  const log = deps.log ?? silentLog;
  const env = deps.env;
  const files = createAwsFiles(env, deps.dataDir === undefined ? {} : { dataDir: deps.dataDir });
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const sessions = createSessionRegistry({ now: env.now, onChange: () => emit('sessions.changed', {}) });
  // The AWS SDK is loaded on first use only: listing and editing profiles never pays for it.
  const services = createServices({
    env,
    dataDir: files.dataDir,
    gateway: deps.gateway,
    fetch: deps.fetch,
    mfaSessionObserver: { seen: (key, expiresAt) => sessions.noteMfa(key, expiresAt), dropped: (key) => sessions.dropMfa(key) },
  });

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  const unwatch = deps.watchFiles === false ? () => undefined : files.watch((change) => emit('files.changed', { kind: change.kind, path: change.path }));

  function applyEdit(edit: (docs: AwsDocs) => AwsDocs) {
    const report = files.edit((docs) => ({ docs: edit(docs), result: undefined }));
    return { changed: report.changed, files: wireFileChanges(report.files) };
  }

  const keyChecks = createKeyChecks({ env, files, credentialsEngine: services.credentialsEngine, emit, log, background: deps.backgroundKeyChecks !== false });

  const context: HandlerContext = {
    env,
    files,
    services,
    credentialsEngine: services.credentialsEngine,
    secretStore: services.secretStore,
    log,
    emit,
    openExternal: deps.openExternal,
    ssoSignInNotices: createSignInNotices((payload) => emit('sso.signInNeeded', payload)),
    applyEdit,
    keyChecks,
    calls: createCancellableCalls(),
    sessions,
    version: deps.version,
    electronVersion: deps.electronVersion,
  };

  const credentialsHandlers = createCredentialsHandlers(context);
  const consoleHandlers = createConsoleHandlers(context);
  const handlers: Handlers = {
    ...createSettingsHandlers(context),
    ...createProfilesHandlers(context),
    ...credentialsHandlers,
    ...consoleHandlers,
    // Refresh obtains a session the way it was first obtained: through these same handlers.
    ...createSessionsHandlers(context, { ...credentialsHandlers, ...consoleHandlers }),
    ...createCallsHandlers(context),
    ...createKeysHandlers(context),
    ...createVaultHandlers(context),
    ...createDoctorHandlers(context),
    ...createRoleSetupHandlers(context),
    ...createSsoHandlers(context),
  };

  const dispatch = createDispatch(handlers, log, { checkResponses: env.vars['HATRACK_CHECK_RESPONSES'] === '1' });

  return {
    dispatch,
    handlers,
    files,
    on(event, listener) {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
      }
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    emit,
    dispose() {
      unwatch();
      keyChecks.dispose();
      listeners.clear();
    },
  };
}
