/**
 * How a file's positions are read (decision 0016): every convention is tried and the one
 * that puts the most selections on word boundaries wins. Text that came inline in the
 * XML has lost its CRs (XML reads a written CRLF as LF); when putting them back puts more
 * selections on word boundaries, the program had them, and the text keeps them.
 */
import { detectReading, type DetectedReading } from "../../../../shared/refi/position-detect.ts";
import type { RefiProject, RefiTextSource } from "../model.ts";

export interface PositionsRead {
  /** The project, its inline texts' CRLFs put back when that was the better reading. */
  readonly project: RefiProject;
  /** Null when no source with text has a selection. */
  readonly detected: DetectedReading | null;
  /** Sources whose CRLFs were put back. */
  readonly restored: number;
}

export function readPositions(project: RefiProject): PositionsRead {
  const detected = detectIn(project.sources);
  const lost = project.sources.filter((source) => source.lineEndsFromXml);
  if (detected === null || !lost.some((source) => source.selections.length > 0)) {
    return { project, detected, restored: 0 };
  }
  const sources = project.sources.map((source) =>
    source.lineEndsFromXml && source.text !== null
      ? { ...source, text: source.text.replaceAll("\n", "\r\n"), lineEndsFromXml: false }
      : source,
  );
  const again = detectIn(sources);
  if (again === null || again.onWordBoundaries <= detected.onWordBoundaries) {
    return { project, detected, restored: 0 };
  }
  return { project: { ...project, sources }, detected: again, restored: lost.length };
}

/** The position convention, from the selections of sources that have text (null: none). */
function detectIn(sources: readonly RefiTextSource[]): DetectedReading | null {
  const inputs = sources.flatMap((source) =>
    source.text !== null && source.selections.length > 0
      ? [{ text: source.text, selections: source.selections }]
      : [],
  );
  return inputs.length === 0 ? null : detectReading(inputs);
}
