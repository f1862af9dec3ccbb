/**
 * `tally.crosstab`: a code's respondents split by the values of one attribute, with
 * column percentages of those who answered (DESIGN.md; decision 0012 for all coders).
 * The columns are the values among the respondents in scope, in the attribute's natural
 * order, then a column for respondents without a value when there are any.
 */
import type { z } from "zod";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Crosstab, tallyApi } from "../../../shared/api/tally-api.ts";
import type { CoderId, QuestionId } from "../../../shared/domain.ts";
import { indexTree } from "../../../shared/tally/code-tree.ts";
import { crosstabRows } from "../../../shared/tally/crosstab.ts";
import { concatPairs } from "../../../shared/tally/figures.ts";
import { naturalOrder } from "../db/attribute-values.ts";
import {
  answeredFlags,
  NO_VALUE,
  OUT_OF_SCOPE,
  respondentIdBound,
  splitByAttribute,
  type AttributeSplit,
} from "../db/crosstab.ts";
import { attributeIdsByName, coderExists } from "../db/grid-lookups.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { readPairs, tallyCodes, type TallyFilter } from "../db/tally.ts";
import { attributeId } from "../retrieval/passages.ts";

export type CrosstabInput = z.output<(typeof tallyApi)["tally.crosstab"]["input"]>;

export function crosstab(db: Db, input: CrosstabInput): Crosstab {
  const ids = attributeIdsByName(db);
  const byAttribute = attributeId(ids, input.attribute);
  const filter = respondentFilter(ids, input.attributes);
  const questionId = checkedQuestion(db, input.questionId);
  const coderId = checkedCoder(db, input.coderId);
  const tree = indexTree(tallyCodes(db));
  if (input.codeId !== undefined && tree.nodeOf(input.codeId) < 0) {
    throw new CairnError("not_found", `code ${input.codeId} is not in this project`);
  }

  const bound = respondentIdBound(db);
  const split = splitByAttribute(db, byAttribute, filter, bound);
  const columns = countByValue(split, answeredFlags(db, questionId, bound));
  const columnOfSlot = new Int32Array(split.values.length + 1).fill(-1);
  columns.forEach((column, i) => (columnOfSlot[column.slot] = i));
  const columnOf = split.valueOf.map((value) =>
    value === OUT_OF_SCOPE ? -1 : columnOfSlot[slotOf(split, value)]!,
  );
  // The tally's own read: the same segments, filter and coder as `tally.get` counts.
  const pairs = concatPairs([...readPairs(db, questionId, coderId, filter).values()]);
  return {
    attribute: input.attribute,
    coderId,
    questionId,
    columns: columns.map(({ value, respondents, answered }) => ({ value, respondents, answered })),
    rows: crosstabRows({
      tree,
      columnOf,
      answered: columns.map((column) => column.answered),
      pairs,
      ...(input.codeId !== undefined && { within: input.codeId }),
    }),
  };
}

/** A value's counts, `slot` being its index in the split (its values' length: none). */
export interface ValueCount {
  readonly value: string | null;
  readonly slot: number;
  readonly respondents: number;
  readonly answered: number;
}

/**
 * Respondents in scope and those who answered, per value that someone in scope has, in
 * the attribute's natural value order; then those without a value, when there are any.
 */
export function countByValue(split: AttributeSplit, answered: Uint8Array): ValueCount[] {
  const slots = split.values.length + 1;
  const respondents = new Float64Array(slots);
  const answeredIn = new Float64Array(slots);
  split.valueOf.forEach((value, respondent) => {
    if (value === OUT_OF_SCOPE) return;
    const slot = slotOf(split, value);
    respondents[slot]!++;
    answeredIn[slot]! += answered[respondent] ?? 0;
  });
  const counts: ValueCount[] = [];
  respondents.forEach((n, slot) => {
    if (n === 0) return;
    const value = split.values[slot] ?? null;
    counts.push({ value, slot, respondents: n, answered: answeredIn[slot]! });
  });
  return counts.sort((a, b) =>
    a.value === null ? 1 : b.value === null ? -1 : naturalOrder(a.value, b.value),
  );
}

function slotOf(split: AttributeSplit, value: number): number {
  return value === NO_VALUE ? split.values.length : value;
}

export function respondentFilter(
  ids: ReadonlyMap<string, number>,
  attributes: CrosstabInput["attributes"],
): TallyFilter {
  return (attributes ?? []).map(({ name, values }) => ({
    attributeId: attributeId(ids, name),
    values,
  }));
}

function checkedQuestion(db: Db, questionId: QuestionId | undefined): QuestionId | null {
  if (questionId === undefined) return null;
  if (!questionExists(db, questionId)) {
    throw new CairnError("not_found", `question ${questionId} is not in this project`);
  }
  return questionId;
}

function checkedCoder(db: Db, coderId: CoderId | undefined): CoderId | null {
  if (coderId === undefined) return null;
  if (!coderExists(db, coderId)) {
    throw new CairnError("not_found", `coder ${coderId} is not in this project`);
  }
  return coderId;
}
