// The user's colour for a profile (Hatrack's settings, never the AWS files): a dot drawn in the palette's CSS
// variable (--tag-<colour>, light and dark in app.css). Colour is never the only cue: the dot is named for readers.
import type { ProfileColour } from '../../../../shared/domain/profile-look.js';

const COLOUR_NAME: Readonly<Record<ProfileColour, string>> = {
  red: 'Red',
  orange: 'Orange',
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  purple: 'Purple',
  grey: 'Grey',
};

export function colourName(colour: ProfileColour): string {
  return COLOUR_NAME[colour];
}

export function ColourDot({ colour }: { readonly colour: ProfileColour | null }) {
  if (colour === null) return null;
  return <span className={`colour-dot tag-${colour}`} role="img" aria-label={`${COLOUR_NAME[colour]} label`} title={`${COLOUR_NAME[colour]} label`} data-testid="colour-dot" data-colour={colour} />;
}

/** What the dot and the note say, for a row's screen-reader description (the row button's label is the name). */
export function identityHint(p: { readonly colour: ProfileColour | null; readonly note: string | null }): string {
  return `${p.colour !== null ? `${COLOUR_NAME[p.colour]} label. ` : ''}${p.note !== null ? `Note: ${p.note}. ` : ''}`;
}
