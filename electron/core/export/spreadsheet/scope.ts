/**
 * What every table of one spreadsheet export shares: whose coding, which respondents
 * (the frequency panel's attribute filter) and the sentence that states both above each
 * table, and the cancel/progress context.
 */
import type { ExportCoding } from "../../../../shared/api/export-api.ts";
import type { Tally } from "../../../../shared/api/tally-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import { answerCount, exportCodes } from "../../db/export-reads.ts";
import { attributeIdsByName } from "../../db/grid-lookups.ts";
import type { Db } from "../../db/project-file.ts";
import { respondentCount, type TallyFilter } from "../../db/tally.ts";
import { attributeId } from "../../retrieval/passages.ts";
import { resolveExportCoding, type ResolvedCoding } from "../coding-choice.ts";
import type { ExportContext } from "../export-service.ts";
import { exportCancelled } from "../partial-file.ts";

export type AppliedFilter = Tally["filter"];

export interface ExportScope {
  readonly coding: ResolvedCoding;
  /** The filter as given (entries and values in order, repeats dropped). */
  readonly filter: AppliedFilter;
  readonly tallyFilter: TallyFilter;
  /** "Country = Ireland or France; 12 of 18" or "all respondents (18)". */
  readonly respondents: string;
  /** "Coding: Anna. Respondents: Country = Ireland; 2 of 3." */
  readonly statement: string;
}

export function exportScope(
  db: Db,
  request: {
    readonly coding: ExportCoding;
    readonly filter?: readonly { readonly name: string; readonly values: readonly string[] }[];
  },
): ExportScope {
  const coding = resolveExportCoding(db, request.coding);
  const filter = (request.filter ?? []).map(({ name, values }) => ({
    name,
    values: [...new Set(values)],
  }));
  const ids = filter.length > 0 ? attributeIdsByName(db) : new Map<string, number>();
  const tallyFilter = filter.map(({ name, values }) => ({
    attributeId: attributeId(ids, name),
    values,
  }));
  const all = respondentCount(db, []);
  const respondents =
    filter.length === 0
      ? `all respondents (${all})`
      : `${filterText(filter)}; ${respondentCount(db, tallyFilter)} of ${all}`;
  return {
    coding,
    filter,
    tallyFilter,
    respondents,
    statement: `Coding: ${coding.label}. Respondents: ${respondents}.`,
  };
}

/**
 * A project with neither answers nor codes has nothing any table could hold: one clear
 * sentence, for a workbook and a CSV alike, rather than a file of bare headers.
 */
export function refuseEmptyProject(db: Db): void {
  if (answerCount(db) === 0 && exportCodes(db).length === 0) {
    throw new CairnError(
      "bad_input",
      "there is nothing to export: the project has no answers and no codes yet",
    );
  }
}

/** "Country = Ireland or France; Type = NGO". */
export function filterText(filter: AppliedFilter): string {
  return filter.map(({ name, values }) => `${name} = ${values.join(" or ")}`).join("; ");
}

/** Rows between progress reports, cancel checks and yields to the event loop. */
export const BATCH = 2000;

/** Between batches: stop when cancelled, say how far, and let streams drain. */
export async function betweenBatches(
  context: ExportContext,
  phase: string,
  done: number,
  total: number,
): Promise<void> {
  if (context.signal.aborted) throw exportCancelled();
  context.onProgress({ phase, done, total });
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (context.signal.aborted) throw exportCancelled();
}
