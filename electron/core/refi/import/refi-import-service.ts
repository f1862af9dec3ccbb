/**
 * A REFI-QDA project (.qdpx) into a new Cairn project, and a REFI codebook (.qdc) into
 * codebook entries (decision 0016). The file is read and mapped in memory first, then
 * written in one transaction that is not an undo step (like a table import): a file that
 * cannot be read or mapped changes nothing.
 */
import type { RefiImportReport } from "../../../../shared/api/export-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import { explainWidened, type DetectedReading } from "../../../../shared/refi/position-detect.ts";
import { STANDARD_READING } from "../../../../shared/refi/positions.ts";
import { clearHistory } from "../../coding/history.ts";
import { countAnswers } from "../../db/refi-import-write.ts";
import type { Db } from "../../db/project-file.ts";
import type { RefiProject } from "../model.ts";
import { readQdpx } from "../read/refi-read.ts";
import { planImport } from "./plan.ts";
import { readPositions, type PositionsRead } from "./positions.ts";
import { ImportWarnings } from "./report.ts";
import { writePlan } from "./writer.ts";

export { readRefiCodebook, type RefiCodebook } from "./codebook.ts";

export interface RefiImportOptions {
  /** When the import runs, as an ISO string (segments without a date get it). */
  readonly now: string;
}

/**
 * Reads a .qdpx into an open project that has no answers yet, in one transaction: a file
 * that cannot be read (or is refused: unsafe zip, external entities...) changes nothing.
 */
export async function importRefiProject(
  db: Db,
  qdpxPath: string,
  options: RefiImportOptions,
): Promise<RefiImportReport> {
  assertEmpty(db);
  const project = await readQdpx(qdpxPath);
  return importRefiModel(db, project, options);
}

/**
 * The import of a project already read. `detected` is found from the file unless given
 * (the mapping's tests give one).
 */
export function importRefiModel(
  db: Db,
  file: RefiProject,
  options: RefiImportOptions,
  detected?: DetectedReading | null,
): RefiImportReport {
  assertEmpty(db);
  const read: PositionsRead =
    detected === undefined ? readPositions(file) : { project: file, detected, restored: 0 };
  const { project } = read;
  const warnings = new ImportWarnings();
  warnings.count("restoredCrlf", read.restored);
  const reading = read.detected?.reading ?? STANDARD_READING;
  const plan = planImport(project, reading, options.now, warnings);
  const written = db
    .transaction(() => {
      const counts = writePlan(db, plan, options.now);
      // Undo steps recorded before the import would replay onto data it did not have.
      clearHistory(db);
      return counts;
    })
    .immediate();
  return {
    path: db.name,
    kind: "project",
    origin: project.origin,
    users: project.users.length,
    codes: plan.codes.codes.length,
    respondents: plan.grid.respondents.length,
    questions: plan.grid.questions.length,
    answers: written.answers,
    segments: written.segments,
    memos: written.memos,
    positions: positionsReport(read.detected, warnings.countOf("widened")),
    warnings: [
      ...project.warnings,
      ...(plan.grid.kind === "generic" && project.sources.length > 0
        ? [
            "The file is not laid out as a survey (cases of sources and sets of sources), " +
              'so each text source became one respondent answering the question "Text".',
          ]
        : []),
      // The positions' explanation already says how many selections were widened.
      ...warnings.lines(["widened"]),
    ],
  };
}

function positionsReport(
  detected: DetectedReading | null,
  widened: number,
): RefiImportReport["positions"] {
  if (detected === null) return null;
  return {
    unit: detected.reading.unit,
    crlf: detected.reading.crlf,
    onWordBoundaries: detected.onWordBoundaries,
    widened,
    selections: detected.selections,
    explanation: explainWidened(detected.explanation, widened),
  };
}

function assertEmpty(db: Db): void {
  if (countAnswers(db) > 0) {
    throw new CairnError(
      "bad_input",
      "this project already has answers; import a REFI-QDA project into a new project",
    );
  }
}
