/**
 * A REFI codebook (.qdc, or a .qdpx's CodeBook) as the entries a codebook file import
 * applies (codebook-file/apply.ts): one per code, parents first, with the file's colour
 * when it has one and the description split into the entry's fields.
 */
import { extname } from "node:path";
import type { CodebookEntry } from "../../codebook-file/entries.ts";
import { readQdc, readQdpx } from "../read/refi-read.ts";
import { planCodes } from "./codes.ts";
import { ImportWarnings } from "./report.ts";

export interface RefiCodebook {
  readonly origin: string | null;
  readonly entries: readonly CodebookEntry[];
  /** What was read leniently ("ids that are not GUIDs: c001, c21…"). */
  readonly warnings: readonly string[];
}

/** Reads a .qdc (or a .qdpx's codebook) into codebook entries, with lenient warnings. */
export async function readRefiCodebook(path: string): Promise<RefiCodebook> {
  const file = extname(path).toLowerCase() === ".qdpx" ? await readQdpx(path) : await readQdc(path);
  const warnings = new ImportWarnings();
  const plan = planCodes(file.codes, warnings);
  const entries = plan.codes.map((code, index): CodebookEntry => ({
    row: index + 1,
    path: code.path,
    ...(code.colorFromFile && { color: code.color }),
    details: code.fields ?? {},
  }));
  warnings.count(
    "codeSets",
    file.sets.filter((set) => set.memberCodeGuids.length > 0 && set.memberSourceGuids.length === 0)
      .length,
  );
  return { origin: file.origin, entries, warnings: [...file.warnings, ...warnings.lines()] };
}
