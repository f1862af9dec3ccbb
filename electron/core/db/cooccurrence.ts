/**
 * The codes each unit carries, for the co-occurrence table: a unit is an answer (one
 * question) or a respondent (all questions). SQL folds a unit's segments into its
 * distinct code ids, so JS sees one short row per unit, not one per segment.
 */
import type { CodeId, CoderId, QuestionId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export interface CooccurrenceScope {
  /** Units are this question's answers; absent: respondents across all questions. */
  readonly questionId?: QuestionId;
  readonly coderId?: CoderId;
}

/**
 * Calls `visit` once per unit with at least one segment, with the unit's distinct code
 * ids as group_concat writes them ("3,7,12"). The same string comes back for units with
 * the same codes, so the caller can cache its work by it.
 */
export function forEachUnitCodes(
  db: Db,
  scope: CooccurrenceScope,
  visit: (codeIds: string) => void,
): void {
  const byCoder = scope.coderId === undefined ? "" : "AND s.coder_id = @coderId";
  const sql =
    scope.questionId === undefined
      ? // CROSS JOIN walks the answers by respondent on their (respondent, question)
        // index and reads each one's segments from the answer index: both covering, so no
        // wide answer row is read and the groups come in order without a sort.
        `SELECT group_concat(DISTINCT s.code_id) FROM answers a
           CROSS JOIN segments s ON s.answer_id = a.id
          WHERE 1 ${byCoder}
          GROUP BY a.respondent_id`
      : `SELECT group_concat(DISTINCT s.code_id) FROM answers a
           JOIN segments s ON s.answer_id = a.id
          WHERE a.question_id = @questionId ${byCoder}
          GROUP BY a.id`;
  const rows = statement(db, sql)
    .pluck()
    .iterate({
      ...(scope.questionId === undefined ? {} : { questionId: scope.questionId }),
      ...(scope.coderId === undefined ? {} : { coderId: scope.coderId }),
    }) as IterableIterator<string>;
  for (const codeIds of rows) visit(codeIds);
}

/** Parses a unit's code list as forEachUnitCodes passes it. */
export function unitCodeIds(codeIds: string): CodeId[] {
  return codeIds.split(",").map((id) => Number(id) as CodeId);
}
