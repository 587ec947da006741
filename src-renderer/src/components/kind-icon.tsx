// A profile's kind at a glance: a small line icon on a tinted tile plus a one-word name, coloured per kind through
// the --kind-<kind>-* CSS variables (app.css, light and dark) so the word keeps AA contrast in both themes.
import { Icon } from './icons.js';
import type { IconName } from './icons.js';
import type { ProfileSummary } from '../platform/types.js';

type Kind = ProfileSummary['kind'];

/** The full name, for tooltips, the editor header and search. */
const KIND_LABEL: Readonly<Record<Kind, string>> = {
  static: 'Access keys',
  role: 'Assumed role',
  sso: 'IAM Identity Center',
  process: 'Credential process',
  'web-identity': 'Web identity',
  login: 'Console login',
  settings: 'Settings only',
};

/** The one word a row shows beside the icon: short enough for the narrowest list. */
const KIND_WORD: Readonly<Record<Kind, string>> = {
  static: 'Key',
  role: 'Role',
  sso: 'SSO',
  process: 'Process',
  'web-identity': 'Web ID',
  login: 'Login',
  settings: 'Settings',
};

/** Each kind's drawing from the app's one icon set (icons.tsx). */
const KIND_ICON: Readonly<Record<Kind, IconName>> = {
  static: 'key',
  role: 'role',
  sso: 'building',
  process: 'terminal',
  'web-identity': 'globe',
  login: 'person',
  settings: 'sliders',
};

export function kindLabel(kind: Kind): string {
  return KIND_LABEL[kind];
}

export function kindWord(kind: Kind): string {
  return KIND_WORD[kind];
}

/** The tile alone (the editor header, the switcher); decorative when a word or label beside it names the kind. */
export function KindIcon({ kind, decorative = false }: { readonly kind: Kind; readonly decorative?: boolean }) {
  const name = decorative ? { 'aria-hidden': true as const } : { role: 'img', 'aria-label': KIND_LABEL[kind] };
  return (
    <span className={`kind-icon kind-${kind}`} title={KIND_LABEL[kind]} data-kind={kind} {...name}>
      <Icon name={KIND_ICON[kind]} size={14} />
    </span>
  );
}

/** The kind's word in its colour, for a row's sub-line. */
export function KindWord({ kind }: { readonly kind: Kind }) {
  return (
    <span className={`kind-word kind-${kind}`} data-testid="kind-word" title={KIND_LABEL[kind]}>
      {KIND_WORD[kind]}
    </span>
  );
}
