/**
 * What hangs on a set of codes (a code and everything below it) besides their segments
 * (counted by db/code-counts.ts): the memos written on the codes.
 */
import type { CodeId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { jsonList } from "./sql.ts";
import { statement } from "./statements.ts";

const IN_CODES = "code_id IN (SELECT value FROM json_each(?))";

/** The memos written on the codes (a segment's memo lives on its segment). */
export function codeMemoCount(db: Db, codeIds: readonly CodeId[]): number {
  return statement(db, `SELECT count(*) FROM memos WHERE ${IN_CODES}`)
    .pluck()
    .get(jsonList(codeIds)) as number;
}

/** Deletes the codes' segments and code memos (the codes themselves are left). */
export function deleteCodesContent(db: Db, codeIds: readonly CodeId[]): void {
  const list = jsonList(codeIds);
  statement(db, `DELETE FROM segments WHERE ${IN_CODES}`).run(list);
  statement(db, `DELETE FROM memos WHERE ${IN_CODES}`).run(list);
}
