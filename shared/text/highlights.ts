/**
 * Turns coded segments (UTF-16 offsets into an answer's whole text, end exclusive) into
 * the pieces a line-based editor such as Slate can decorate.
 *
 * An answer is shown as one block per line; line breaks (`\n`, `\r\n`, `\r`) are not
 * part of any block but still count in the offsets. Overlapping segments are cut into
 * elementary pieces, each carrying every segment that covers it, so that the view can
 * draw all of them (stacked underlines) instead of one colour hiding another.
 */

export interface Span {
  readonly id: number;
  readonly start: number;
  readonly end: number;
}

export interface Line {
  /** Offset of the line's first character in the whole text. */
  readonly start: number;
  /** Offset just past the line's last character, before its line break. */
  readonly end: number;
  readonly text: string;
}

export interface HighlightPiece {
  /** Index of the line (the block) the piece lies in. */
  readonly line: number;
  /** Offsets within that line, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Ids of every span covering the piece, in the order the spans were given. */
  readonly spanIds: readonly number[];
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 0x0a && ch !== 0x0d) continue;
    lines.push({ start: lineStart, end: i, text: text.slice(lineStart, i) });
    if (ch === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    lineStart = i + 1;
  }
  lines.push({ start: lineStart, end: text.length, text: text.slice(lineStart) });
  return lines;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Clamps an offset into the text and, if it falls between the two halves of a
 * surrogate pair (an emoji, say), moves it outward so no character is cut in half:
 * a start moves back, an end moves forward.
 */
export function snapOffset(text: string, offset: number, side: "start" | "end"): number {
  const clamped = Math.max(0, Math.min(text.length, Math.trunc(offset)));
  if (clamped === 0 || clamped === text.length) return clamped;
  const splitsPair =
    isHighSurrogate(text.charCodeAt(clamped - 1)) && isLowSurrogate(text.charCodeAt(clamped));
  if (!splitsPair) return clamped;
  return side === "start" ? clamped - 1 : clamped + 1;
}

/** Cuts the spans into non-overlapping pieces per line, each listing the spans over it. */
export function highlightPieces(text: string, spans: readonly Span[]): HighlightPiece[] {
  const usable = spans
    .map((span) => ({
      id: span.id,
      start: snapOffset(text, span.start, "start"),
      end: snapOffset(text, span.end, "end"),
    }))
    .filter((span) => span.end > span.start);
  if (usable.length === 0) return [];

  const lines = splitLines(text);
  const cuts = new Set<number>();
  for (const span of usable) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  for (const line of lines) {
    cuts.add(line.start);
    cuts.add(line.end);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);

  const pieces: HighlightPiece[] = [];
  let lineIndex = 0;
  for (let i = 0; i + 1 < boundaries.length; i++) {
    const from = boundaries[i] as number;
    const to = boundaries[i + 1] as number;
    while (lineIndex < lines.length && (lines[lineIndex] as Line).end < to) lineIndex++;
    const line = lines[lineIndex];
    // A piece between two lines is a line break: nothing to draw there.
    if (line === undefined || from < line.start || to > line.end) continue;
    const spanIds = usable.filter((s) => s.start <= from && s.end >= to).map((s) => s.id);
    if (spanIds.length === 0) continue;
    pieces.push({ line: lineIndex, start: from - line.start, end: to - line.start, spanIds });
  }
  return pieces;
}
