// A profile's kind at a glance: a small line icon on a tinted tile plus a one-word name, coloured per kind through
// the --kind-<kind>-* CSS variables (app.css, light and dark) so the word keeps AA contrast in both themes.
import type { ReactNode } from 'react';
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

// 16×16 line drawings (stroke = the kind's colour): key, two swapping arrows, a building, a terminal, a globe, a
// person, sliders.
const KIND_SHAPES: Readonly<Record<Kind, ReactNode>> = {
  static: (
    <>
      <circle cx="5" cy="11" r="2.75" />
      <path d="M7 9 13.5 2.5M11 5l2 2M9.25 6.75l1.5 1.5" />
    </>
  ),
  role: <path d="M2.5 5.5h10M10 3l2.5 2.5L10 8M13.5 10.5h-10M6 8l-2.5 2.5L6 13" />,
  sso: (
    <>
      <rect x="3" y="2" width="10" height="12.5" rx="1" />
      <path d="M6.5 14.5V11.5h3v3M6 5h1M9 5h1M6 8h1M9 8h1" />
    </>
  ),
  process: (
    <>
      <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" />
      <path d="m4.5 6.5 2 1.5-2 1.5M8.5 10.5h3" />
    </>
  ),
  'web-identity': (
    <>
      <circle cx="8" cy="8" r="6" />
      <path d="M2 8h12M8 2c-2.2 2.2-2.2 9.8 0 12M8 2c2.2 2.2 2.2 9.8 0 12" />
    </>
  ),
  login: (
    <>
      <circle cx="8" cy="5.5" r="2.5" />
      <path d="M3 14c0-2.9 2.2-4.5 5-4.5s5 1.6 5 4.5" />
    </>
  ),
  settings: <path d="M2.5 4h11M2.5 8h11M2.5 12h11M5.5 2.5v3M10.5 6.5v3M7 10.5v3" />,
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
      <svg viewBox="0 0 16 16" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        {KIND_SHAPES[kind]}
      </svg>
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
