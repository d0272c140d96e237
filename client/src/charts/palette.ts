// Colour-blind-safe colours (Okabe–Ito), each at least 3:1 against white.
// Meaning is never carried by colour alone: bars are labelled with text too.

export const PRIMARY = '#0072B2'; // blue
export const SECONDARY = '#D55E00'; // vermillion
export const ACCENT = '#009E73'; // bluish green
/** Not recorded: grey hatching (drawn in a pattern) with a dark outline. */
export const NOT_RECORDED_FILL = '#d0d0d0';
export const NOT_RECORDED_STROKE = '#4d4d4d';
export const TEXT = '#1b1b1b';

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
