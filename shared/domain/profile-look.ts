// How a user tells profiles apart in Hatrack: a named colour and a short note (plain data, no zod: the renderer
// bundles this). Kept in Hatrack's settings, never in the AWS files.

/** A palette rather than free hex, so every colour has a light and a dark shade that reads in both themes. */
export const PROFILE_COLOURS = ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'grey'] as const;
export type ProfileColour = (typeof PROFILE_COLOURS)[number];

/** A note is a short label shown on the row, in the switcher and in the tray, not a document. */
export const PROFILE_NOTE_MAX = 120;
