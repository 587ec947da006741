// The contract's channel and event names without zod (preload, sandboxed): the preload bundle stays a few KB.
//
// The objects are typed `satisfies Record<Channel, true>`, so a channel added to or removed from the contract is a
// compile error here; bridge.test.ts also checks the lists against CONTRACT and EVENTS at run time.

import type { Channel, EventName } from '../../shared/ipc/contract.js';

const CHANNEL_SET = {
  'app.info': true,
  'profiles.list': true,
  'profiles.get': true,
  'profiles.preview': true,
  'profiles.apply': true,
  'profiles.reveal': true,
  'credentials.use': true,
  'credentials.restoreDefault': true,
  'credentials.assume': true,
  'credentials.envSnippet': true,
  'console.open': true,
  'console.browsers': true,
  'console.clearRecents': true,
  'calls.cancel': true,
  'keys.info': true,
  'keys.checkAll': true,
  'keys.rotate': true,
  'vault.list': true,
  'vault.add': true,
  'vault.remove': true,
  'doctor.run': true,
  'doctor.fix': true,
  'roleSetup.plan': true,
  'roleSetup.apply': true,
  'settings.get': true,
  'settings.update': true,
  'sso.sessions': true,
  'sso.setup': true,
  'sso.signIn.start': true,
  'sso.signIn.openBrowser': true,
  'sso.signIn.wait': true,
  'sso.signIn.cancel': true,
  'sso.signOut': true,
  'sso.discover': true,
  'sso.populate.preview': true,
  'sso.populate.apply': true,
  'sessions.list': true,
  'sessions.refresh': true,
  'sessions.forget': true,
} as const satisfies Record<Channel, true>;

const EVENT_SET = {
  'files.changed': true,
  'session.expiring': true,
  'default.changed': true,
  'rotation.step': true,
  'sso.discovery.progress': true,
  'sso.signInNeeded': true,
  'keys.checked': true,
  'sessions.changed': true,
  'keys.checkProgress': true,
} as const satisfies Record<EventName, true>;

export const PRELOAD_CHANNELS = Object.keys(CHANNEL_SET) as Channel[];
export const PRELOAD_EVENTS = Object.keys(EVENT_SET) as EventName[];

/** Same as ipcChannelName in the contract (checked by a test); duplicated so the preload does not load zod. */
export function preloadChannelName(channel: Channel): string {
  return `hatrack:${channel}`;
}
export const PRELOAD_IPC_EVENT = 'hatrack:event';
