// The tray menu as pure data (any runtime): profiles, recents and the default session in, item specs out.

import { plural } from '../../../shared/domain/plural.js';
import type { ProfileColour } from '../../../shared/domain/profile-look.js';
import type { Capabilities, ProfileSummary } from '../../../shared/ipc/schemas.js';
import { envSnippet, hasEnvSnippet } from '../../core/switch/env-snippet.js';

/** What the tray needs to know about one profile: the contract's ProfileSummary fields it shows (region: only a string). */
export type TrayProfile = Pick<ProfileSummary, 'name' | 'accountId' | 'region' | 'production' | 'favourite' | 'isDefault' | 'sessionExpiresAt'> & {
  /** From the kinds table (core/awsfiles/kinds.ts): the tray enables exactly what the window enables. */
  readonly capabilities: Pick<Capabilities, 'use' | 'assume' | 'console'> & Partial<Pick<Capabilities, 'signIn'>>;
  /** An Identity Center profile's sign-in: which [sso-session] (null: legacy) and whether its token works. */
  readonly sso?: { readonly session: string | null; readonly signedIn: boolean } | null | undefined;
} & Partial<Pick<ProfileSummary, 'colour' | 'note'>>;

export interface TrayModelInput {
  readonly profiles: readonly TrayProfile[];
  /** Most recent first. */
  readonly recent: readonly string[];
  readonly doctorFindingCount: number;
  readonly now: Date | number | string;
  readonly platform: NodeJS.Platform | string;
  /** The profile keeping the user's own [default] while Hatrack manages it; the tray offers to switch back to it. */
  readonly keptDefault?: string | null | undefined;
}

/** A click on the tray, routed back to a core action by the shell. */
export type TrayAction =
  | { readonly type: 'use'; readonly profile: string; readonly confirm: boolean }
  | { readonly type: 'assume'; readonly profile: string }
  | { readonly type: 'console'; readonly profile: string }
  | { readonly type: 'copyExport'; readonly profile: string }
  | { readonly type: 'edit'; readonly profile: string }
  | { readonly type: 'refresh'; readonly profile: string }
  | { readonly type: 'restoreDefault' }
  /** Device-code sign-in to IAM Identity Center, run from main: the browser opens with the code filled in. */
  | { readonly type: 'ssoSignIn'; readonly target: { readonly session: string } | { readonly profile: string } }
  | { readonly type: 'doctor' }
  | { readonly type: 'open' }
  | { readonly type: 'quit' };

export type TrayItem =
  | { readonly kind: 'separator' }
  /** A line that only informs (a header, the countdown). */
  | { readonly kind: 'label'; readonly label: string }
  | { readonly kind: 'action'; readonly label: string; readonly action: TrayAction; readonly enabled: boolean }
  | { readonly kind: 'submenu'; readonly label: string; readonly checked: boolean; readonly items: readonly TrayItem[] };

export interface TrayModel {
  /** Text beside the icon (macOS only; null elsewhere). */
  readonly title: string | null;
  readonly tooltip: string;
  readonly items: readonly TrayItem[];
}

/** At most this many recent profiles: the tray is for the next switch, the window for browsing. */
export const RECENT_LIMIT = 5;
export const NO_ACCOUNT = 'Other profiles';

function toMillis(now: Date | number | string): number {
  return now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
}

/** "1h 05m", "42m", "45s", or "expired": minutes while there is time, seconds in the last minute. */
export function formatCountdown(remainingMs: number): string {
  if (!Number.isFinite(remainingMs) || remainingMs <= 0) return 'expired';
  const totalSeconds = Math.floor(remainingMs / 1000);
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 60) return `${totalMinutes}m`;
  const hours = Math.floor(totalMinutes / 60);
  return `${hours}h ${String(totalMinutes % 60).padStart(2, '0')}m`;
}

/** The default profile's session, when it is a temporary one. */
export function defaultSession(input: Pick<TrayModelInput, 'profiles' | 'now'>): { profile: string; remaining: string; expired: boolean } | null {
  const current = input.profiles.find((p) => p.isDefault);
  if (current === undefined || current.sessionExpiresAt === null) return null;
  const expires = Date.parse(current.sessionExpiresAt);
  if (Number.isNaN(expires)) return null;
  const remainingMs = expires - toMillis(input.now);
  return { profile: current.name, remaining: formatCountdown(remainingMs), expired: remainingMs <= 0 };
}

/** A menu cannot style its text: the user's colour becomes a coloured emoji disc in front of the name. */
const COLOUR_DISC: Readonly<Record<ProfileColour, string>> = { red: '🔴', orange: '🟠', yellow: '🟡', green: '🟢', blue: '🔵', purple: '🟣', grey: '⚪' };
/** Past this many characters a note is cut with "…": the menu is for picking, the window shows the whole note. */
export const TRAY_NOTE_CHARS = 32;

function trayNote(note: string): string {
  const line = note.replace(/\s+/g, ' ').trim();
  return line.length > TRAY_NOTE_CHARS ? `${line.slice(0, TRAY_NOTE_CHARS - 1).trimEnd()}…` : line;
}

function profileLabel(p: TrayProfile): string {
  const disc = p.colour !== undefined && p.colour !== null ? `${COLOUR_DISC[p.colour]} ` : '';
  const note = p.note !== undefined && p.note !== null && p.note.trim() !== '' ? ` — ${trayNote(p.note)}` : '';
  return `${p.isDefault ? '✓ ' : ''}${disc}${p.name}${note}${p.production ? '  ⚠ prod' : ''}`;
}

/** Whether the profile's Identity Center token is missing or ran out (then Use, Assume and Console would fail). */
function needsSignIn(p: TrayProfile): boolean {
  return p.sso !== undefined && p.sso !== null && !p.sso.signedIn && p.capabilities.signIn?.ok !== false;
}

function signInItem(label: string, target: Extract<TrayAction, { type: 'ssoSignIn' }>['target']): TrayItem {
  return { kind: 'action', label, action: { type: 'ssoSignIn', target }, enabled: true };
}

/**
 * One "Sign in" per [sso-session] that needs it (a session serves many profiles: signing in once is enough), and
 * one per legacy profile that carries its own start URL.
 */
function ssoSignInItems(profiles: readonly TrayProfile[]): TrayItem[] {
  const sessions = new Set<string>();
  const legacy: string[] = [];
  for (const p of profiles) {
    if (!needsSignIn(p)) continue;
    const session = p.sso?.session ?? null;
    if (session === null) legacy.push(p.name);
    else sessions.add(session);
  }
  return [
    ...[...sessions].sort().map((s) => signInItem(`Sign in to ${s}…`, { session: s })),
    ...legacy.sort().map((name) => signInItem(`Sign in for ${name}…`, { profile: name })),
  ];
}

function profileMenu(p: TrayProfile): TrayItem {
  const can = p.capabilities;
  const items: TrayItem[] = [
    { kind: 'action', label: p.production ? 'Use as default… (production)' : 'Use as default', action: { type: 'use', profile: p.name, confirm: p.production }, enabled: can.use.ok },
    { kind: 'action', label: 'Assume (temporary keys)', action: { type: 'assume', profile: p.name }, enabled: can.assume.ok },
    { kind: 'action', label: 'Open console', action: { type: 'console', profile: p.name }, enabled: can.console.ok },
    // The label is the very line copied; a name no SDK can read gets none (pasted, it could run commands).
    hasEnvSnippet(p.name)
      ? { kind: 'action', label: `Copy ${envSnippet(p.name)}`, action: { type: 'copyExport', profile: p.name }, enabled: true }
      : { kind: 'action', label: 'Copy export AWS_PROFILE (name unreadable by AWS SDKs)', action: { type: 'copyExport', profile: p.name }, enabled: false },
    { kind: 'action', label: 'Edit…', action: { type: 'edit', profile: p.name }, enabled: true },
  ];
  // Without a token every other action fails: the sign-in comes first.
  const session = p.sso?.session ?? null;
  if (needsSignIn(p)) items.unshift(signInItem('Sign in to Identity Center…', session === null ? { profile: p.name } : { session }), { kind: 'separator' });
  const facts = [p.accountId, typeof p.region === 'string' && p.region !== '' ? p.region : null].filter((x): x is string => x !== null);
  if (facts.length > 0) items.unshift({ kind: 'label', label: facts.join(' · ') }, { kind: 'separator' });
  return { kind: 'submenu', label: profileLabel(p), checked: p.isDefault, items };
}

function byName(a: TrayProfile, b: TrayProfile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** All profiles, one submenu per account (sorted by account id), profiles without an account last. */
function groupedByAccount(profiles: readonly TrayProfile[]): TrayItem[] {
  const groups = new Map<string, TrayProfile[]>();
  for (const p of profiles) {
    const key = p.accountId ?? NO_ACCOUNT;
    const list = groups.get(key) ?? [];
    list.push(p);
    groups.set(key, list);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === NO_ACCOUNT ? 1 : b === NO_ACCOUNT ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((key) => {
    const list = [...(groups.get(key) ?? [])].sort(byName);
    const label = key === NO_ACCOUNT ? NO_ACCOUNT : `Account ${key}`;
    return { kind: 'submenu', label, checked: list.some((p) => p.isDefault), items: list.map(profileMenu) };
  });
}

export function buildTrayModel(input: TrayModelInput): TrayModel {
  const isMac = input.platform === 'darwin';
  const items: TrayItem[] = [];
  const session = defaultSession(input);
  const current = input.profiles.find((p) => p.isDefault);

  const sessionLine = session === null ? null : session.expired ? `${session.profile}: session expired` : `${session.profile}: session ends in ${session.remaining}`;
  if (!isMac && sessionLine !== null) items.push({ kind: 'label', label: sessionLine }, { kind: 'separator' });
  // The window's default row says the same: default stands for another profile, the user's keys wait under another name.
  const kept = input.keptDefault ?? null;
  if (kept !== null) {
    items.push({ kind: 'action', label: `Switch back to your own keys (${kept})`, action: { type: 'restoreDefault' }, enabled: true }, { kind: 'separator' });
  }

  const signIns = ssoSignInItems(input.profiles);
  if (signIns.length > 0) items.push({ kind: 'label', label: 'Identity Center' }, ...signIns, { kind: 'separator' });

  const favourites = input.profiles.filter((p) => p.favourite).sort(byName);
  if (favourites.length > 0) {
    items.push({ kind: 'label', label: 'Favourites' }, ...favourites.map(profileMenu), { kind: 'separator' });
  }

  const byNameMap = new Map(input.profiles.map((p) => [p.name, p] as const));
  const seen = new Set<string>();
  const recent: TrayProfile[] = [];
  for (const name of input.recent) {
    const p = byNameMap.get(name);
    if (p === undefined || p.favourite || seen.has(name)) continue;
    seen.add(name);
    recent.push(p);
    if (recent.length === RECENT_LIMIT) break;
  }
  if (recent.length > 0) items.push({ kind: 'label', label: 'Recent' }, ...recent.map(profileMenu), { kind: 'separator' });

  if (input.profiles.length > 0) {
    items.push({ kind: 'submenu', label: `All profiles (${input.profiles.length})`, checked: false, items: groupedByAccount(input.profiles) }, { kind: 'separator' });
  } else {
    items.push({ kind: 'label', label: 'No profiles yet' }, { kind: 'separator' });
  }

  const n = input.doctorFindingCount;
  items.push(
    { kind: 'action', label: `Doctor: ${plural(n, 'finding')}`, action: { type: 'doctor' }, enabled: true },
    { kind: 'action', label: 'Open Hatrack', action: { type: 'open' }, enabled: true },
    { kind: 'separator' },
    { kind: 'action', label: 'Quit Hatrack', action: { type: 'quit' }, enabled: true },
  );

  const keptNote = kept !== null && current !== undefined ? `, your keys kept as ${kept}` : '';
  const who = current === undefined ? 'no default profile' : `default: ${current.name}${current.production ? ' (production)' : ''}${keptNote}`;
  const tooltip = !isMac && session !== null ? `Hatrack — ${who}, ${session.expired ? 'session expired' : `${session.remaining} left`}` : `Hatrack — ${who}`;
  const title = isMac ? (session === null ? null : session.expired ? 'expired' : session.remaining) : null;
  return { title, tooltip, items };
}

/** Every action in a model, depth first (for tests and for routing by id). */
export function trayActions(items: readonly TrayItem[]): TrayAction[] {
  return items.flatMap((item) => (item.kind === 'action' ? [item.action] : item.kind === 'submenu' ? trayActions(item.items) : []));
}
