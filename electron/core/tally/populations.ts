/**
 * Population sizes for response rates ("15 of 45 member organisations"): read, and
 * replaced all at once as one undoable step.
 */
import type { z } from "zod";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Populations, populationsSchema } from "../../../shared/api/tally-api.ts";
import type { EditOutcome } from "../coding/edit-outcome.ts";
import { NO_CHANGE, recordStep } from "../coding/history.ts";
import { attributeIdsByName } from "../db/grid-lookups.ts";
import { readPopulations, replacePopulations, type PopulationRow } from "../db/populations.ts";
import type { Db } from "../db/project-file.ts";
import { attributeId } from "../retrieval/passages.ts";

export type PopulationsInput = z.output<typeof populationsSchema>;

export function getPopulations(db: Db): Populations {
  return readPopulations(db);
}

/**
 * Replaces every size with `input`'s: an attribute or value left out loses its size. A
 * mistake (an attribute the project lacks, a value given twice) changes nothing.
 */
export function setPopulations(
  db: Db,
  input: PopulationsInput,
  now: string,
): EditOutcome & { populations: Populations } {
  const wanted = populationRows(db, input);
  return recordStep(db, "Set population sizes", now, () => {
    replacePopulations(db, wanted);
    // The summary flag makes open panels fetch their response rates again.
    return { ...NO_CHANGE, summaryChanged: true, populations: readPopulations(db) };
  });
}

function populationRows(db: Db, input: PopulationsInput): PopulationRow[] {
  const ids = attributeIdsByName(db);
  const rows: PopulationRow[] = [];
  if (input.overall !== null) rows.push({ attributeId: null, value: null, size: input.overall });
  const named = new Set<string>();
  for (const attribute of input.attributes) {
    if (named.has(attribute.name)) {
      throw new CairnError("bad_input", `the attribute "${attribute.name}" is given twice`);
    }
    named.add(attribute.name);
    const id = attributeId(ids, attribute.name);
    if (attribute.values !== null)
      rows.push({ attributeId: id, value: null, size: attribute.values });
    const values = new Set<string>();
    for (const { value, size } of attribute.byValue) {
      if (value.trim() === "") {
        throw new CairnError("bad_input", `a population size for ${attribute.name} has no value`);
      }
      if (values.has(value)) {
        throw new CairnError(
          "bad_input",
          `the population of ${attribute.name} "${value}" is given twice`,
        );
      }
      values.add(value);
      rows.push({ attributeId: id, value, size });
    }
  }
  return rows;
}
