/**
 * The coders and questions an agreement report names, read by id.
 */
import type { CoderId, QuestionId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export interface ScopeCoder {
  readonly id: CoderId;
  readonly name: string;
}

export interface ScopeQuestion {
  readonly id: QuestionId;
  readonly label: string;
  readonly position: number;
}

/** Every coder of the project by id. */
export function codersById(db: Db): Map<number, ScopeCoder> {
  const rows = statement(db, "SELECT id, name FROM coders").all() as ScopeCoder[];
  return new Map(rows.map((row) => [row.id as number, row]));
}

/** Every question, in questionnaire order. */
export function questionsInOrder(db: Db): ScopeQuestion[] {
  return statement(
    db,
    "SELECT id, label, position FROM questions ORDER BY position",
  ).all() as ScopeQuestion[];
}
