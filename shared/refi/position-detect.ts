/** Placeholder: the REFI-QDA reading owner replaces this file. */
import type { PositionReading } from "./positions.ts";

export interface DetectionInput {
  /** A source's text as stored (BOM stripped, line ends as written). */
  readonly text: string;
  readonly selections: readonly { readonly start: number; readonly end: number }[];
}

export interface DetectedReading {
  readonly reading: PositionReading;
  /** Selections whose start and end both fall on word boundaries under `reading`. */
  readonly onWordBoundaries: number;
  readonly selections: number;
  /** One sentence for the user, e.g. "UTF-16 code units, CRLF as 2: 303 of 303 ...". */
  readonly explanation: string;
}

/**
 * Tries every reading (shared/refi/positions.ts ALL_READINGS) and keeps the one that puts
 * the most selections on word boundaries; a tie goes to the standard's code points.
 */
export function detectReading(_sources: readonly DetectionInput[]): DetectedReading {
  throw new Error("detectReading is not written yet");
}
