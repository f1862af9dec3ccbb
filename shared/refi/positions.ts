/**
 * Positions at the REFI-QDA boundary. Cairn keeps offsets as UTF-16 code units into the
 * answer text as stored (what JS strings and Slate use). The standard counts Unicode code
 * points; NVivo writes UTF-16 units; ATLAS.ti counts a CRLF line end as one position.
 * A reading names one such convention; a map turns its positions into Cairn's offsets.
 */
import type { RefiPositions } from "../api/export-api.ts";

export interface PositionReading {
  readonly unit: RefiPositions;
  /** A "\r\n" counted as one position or two. */
  readonly crlf: 1 | 2;
}

export const STANDARD_READING: PositionReading = { unit: "codepoints", crlf: 2 };

/** Every reading an importer tries, the standard's first (it wins a tie). */
export const ALL_READINGS: readonly PositionReading[] = [
  STANDARD_READING,
  { unit: "utf16", crlf: 2 },
  { unit: "codepoints", crlf: 1 },
  { unit: "utf16", crlf: 1 },
];

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * `offsets[p]` is the UTF-16 offset where position p falls under a reading, for every p
 * from 0 to the text's length in positions (inclusive). Built once per text and reading,
 * so converting many selections of a long document costs one pass.
 */
export function positionOffsets(text: string, reading: PositionReading): Int32Array {
  const offsets = new Int32Array(text.length + 1);
  let count = 0;
  let at = 0;
  while (at < text.length) {
    offsets[count++] = at;
    const code = text.charCodeAt(at);
    if (reading.crlf === 1 && code === 13 && text.charCodeAt(at + 1) === 10) {
      at += 2;
    } else if (
      reading.unit === "codepoints" &&
      isHighSurrogate(code) &&
      isLowSurrogate(text.charCodeAt(at + 1))
    ) {
      at += 2;
    } else {
      at += 1;
    }
  }
  offsets[count++] = text.length;
  return offsets.subarray(0, count);
}

/** The UTF-16 offset of a position under a reading, or null past the text's end. */
export function offsetOfPosition(offsets: Int32Array, position: number): number | null {
  if (!Number.isInteger(position) || position < 0 || position >= offsets.length) return null;
  return offsets[position] ?? null;
}

/**
 * The position (standard CRLF: two) of a UTF-16 offset, in code points or UTF-16 units.
 * An offset inside a surrogate pair (Cairn never makes one) counts as after the pair.
 */
export function positionOfOffset(text: string, offset: number, unit: RefiPositions): number {
  if (unit === "utf16") return offset;
  let position = 0;
  for (let at = 0; at < offset && at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(at + 1)) && at + 1 < offset) at++;
    position++;
  }
  return position;
}
