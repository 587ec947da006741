// Gathers what the tray and the notifier need through the same (typed) dispatch the window uses (plain Node).

import type { ProfileSummary } from '../../../shared/ipc/schemas.js';
import type { Dispatch } from '../../ipc/dispatch.js';
import type { NotifyProfile } from './notifications-model.js';
import type { TrayProfile } from './tray-model.js';

export interface TraySnapshot {
  readonly profiles: readonly (TrayProfile & NotifyProfile)[];
  readonly doctorFindingCount: number;
  /** The profile Hatrack put on as the default, when it manages [default]. */
  readonly defaultProfile: string | null;
  /** The profile keeping the user's own [default] while Hatrack manages it (default-original), when one does. */
  readonly keptDefault?: string | null | undefined;
  readonly refreshLeadMinutes: number;
  readonly notifications: { readonly sessionExpiring: boolean; readonly keyAge: boolean };
  readonly launchAtLogin: boolean;
  /** Why the profile list is empty, when it could not be read. */
  readonly error: string | null;
}

const DEFAULT_LEAD_MINUTES = 10;

function project(p: ProfileSummary): TrayProfile & NotifyProfile {
  return {
    name: p.name,
    capabilities: p.capabilities,
    accountId: p.accountId,
    region: p.region,
    production: p.production,
    favourite: p.favourite,
    colour: p.colour,
    note: p.note,
    isDefault: p.isDefault,
    sessionExpiresAt: p.sessionExpiresAt,
    sso: p.sso === undefined || p.sso === null ? null : { session: p.sso.session, signedIn: p.sso.signedIn },
    accessKeyId: p.accessKeyId,
    keyAgeDays: p.keyAgeDays,
  };
}

/** Reads profiles, doctor findings and settings; a channel that fails (not built yet, a broken file) degrades, never throws. */
export async function loadTraySnapshot(dispatch: Dispatch): Promise<TraySnapshot> {
  const [list, doctor, settings] = await Promise.all([dispatch('profiles.list', {}), dispatch('doctor.run', {}), dispatch('settings.get', {})]);
  const listValue = list.ok ? list.value : null;
  const findings = doctor.ok ? doctor.value.findings.length : 0;
  const app = settings.ok ? settings.value.app : null;
  return {
    profiles: listValue === null ? [] : listValue.profiles.map(project),
    doctorFindingCount: findings,
    defaultProfile: listValue?.defaultIdentity.profile ?? null,
    keptDefault: listValue?.defaultIdentity.keptAs ?? null,
    refreshLeadMinutes: app?.refreshLeadMinutes ?? DEFAULT_LEAD_MINUTES,
    notifications: app?.notifications ?? { sessionExpiring: true, keyAge: true },
    launchAtLogin: app?.launchAtLogin ?? false,
    error: list.ok ? null : list.error.message,
  };
}
