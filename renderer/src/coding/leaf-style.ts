/**
 * How a piece of highlighted text looks: a light tint of the first code's colour behind
 * it, and one underline per segment covering it, stacked from the bottom up, so
 * overlapping codes all stay visible. Another coder's segments have dashed underlines
 * and a fainter tint; the segment open in the popover a stronger one.
 */

export interface LeafCode {
  readonly color: string;
  /** The active coder's own segment (solid), or another coder's (dashed). */
  readonly mine: boolean;
  /** The segment open in the popover. */
  readonly active: boolean;
}

/** Pixels per underline. */
export const UNDERLINE = 3;

export interface LeafStyle {
  readonly backgroundColor?: string;
  readonly backgroundImage?: string;
  readonly backgroundSize?: string;
  readonly backgroundPosition?: string;
  readonly backgroundRepeat?: string;
  readonly paddingBottom?: string;
}

/** `#rrggbb` with an alpha byte. */
function withAlpha(hex: string, alpha: number): string {
  const byte = Math.round(Math.max(0, Math.min(1, alpha)) * 255);
  return `${hex.slice(0, 7)}${byte.toString(16).padStart(2, "0")}`;
}

function underline(code: LeafCode): string {
  if (code.mine) return `linear-gradient(${code.color}, ${code.color})`;
  return `repeating-linear-gradient(90deg, ${code.color} 0 5px, transparent 5px 8px)`;
}

export function leafStyle(codes: readonly LeafCode[]): LeafStyle {
  if (codes.length === 0) return {};
  const tinted = codes.find((c) => c.active) ?? codes.find((c) => c.mine) ?? codes[0];
  const strength = tinted?.active ? 0.36 : tinted?.mine ? 0.2 : 0.12;
  return {
    backgroundColor: tinted ? withAlpha(tinted.color, strength) : undefined,
    backgroundImage: codes.map(underline).join(", "),
    backgroundSize: codes.map(() => `100% ${UNDERLINE}px`).join(", "),
    backgroundPosition: codes.map((_, i) => `0 calc(100% - ${i * UNDERLINE}px)`).join(", "),
    backgroundRepeat: "no-repeat",
    paddingBottom: `${UNDERLINE * codes.length - 1}px`,
  };
}
