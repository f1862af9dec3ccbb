/**
 * Colours for codes created without one (by an import, a quick picker): twelve hues
 * that stay apart on screen and in print, and against the highlight underlines.
 */
export const CODE_PALETTE: readonly string[] = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#5f8fbf",
  "#8cd17d",
  "#d37295",
];

/** The n-th palette colour (0-based), repeating after the last. */
export function paletteColor(n: number): string {
  return CODE_PALETTE[((n % CODE_PALETTE.length) + CODE_PALETTE.length) % CODE_PALETTE.length]!;
}
