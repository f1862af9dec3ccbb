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

/** Extra hues, tried after the twelve, for codebooks that outgrow them. */
const MORE_COLOURS: readonly string[] = [
  "#2d6a73",
  "#b5502c",
  "#6b4c9a",
  "#3f7d3a",
  "#a8326b",
  "#8a6d1f",
  "#1f5f99",
  "#c4452f",
  "#4a8f8b",
  "#7a5c3e",
  "#5d6d1e",
  "#9b3f8f",
];

/**
 * The colour for a new code: of the palette's colours, the one least like any colour
 * the codebook already uses, so a new code never looks like its neighbour in the
 * margin. Ties go to the palette's order.
 */
export function distinctColor(existing: readonly string[]): string {
  const used = existing.map(rgb).filter((c): c is Rgb => c !== null);
  let best = CODE_PALETTE[0]!;
  let bestDistance = -1;
  for (const candidate of [...CODE_PALETTE, ...MORE_COLOURS]) {
    const colour = rgb(candidate) as Rgb;
    const nearest = Math.min(Infinity, ...used.map((u) => colourDistance(colour, u)));
    if (nearest > bestDistance + 1e-9) {
      best = candidate;
      bestDistance = nearest;
    }
  }
  return best;
}

type Rgb = readonly [number, number, number];

function rgb(hex: string): Rgb | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return null;
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

/** "Redmean": a cheap distance that follows how different two colours look. */
function colourDistance(a: Rgb, b: Rgb): number {
  const meanRed = (a[0] + b[0]) / 2;
  const dr = a[0] - b[0];
  const dg = a[1] - b[1];
  const db = a[2] - b[2];
  return Math.sqrt(
    (2 + meanRed / 256) * dr * dr + 4 * dg * dg + (2 + (255 - meanRed) / 256) * db * db,
  );
}
