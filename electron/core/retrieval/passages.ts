/**
 * The passages of a code for the retrieval view and `cairn quotes`: names the user gave
 * (attribute names) are checked and turned into ids here, the list itself is SQL
 * (db/passage-list.ts), and each row gets its code path and respondent's attributes.
 */
import type { Passage, PassagePage } from "../../../shared/api/retrieval-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CodeId, CoderId, QuestionId } from "../../../shared/domain.ts";
import { codeTree } from "../db/codes.ts";
import { attributeIdsByName, codeSubtree, coderExists } from "../db/grid-lookups.ts";
import {
  countPassages,
  passageIds,
  passageRows,
  passageWalk,
  type PassageOrder,
  type PassageSelection,
} from "../db/passage-list.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { attributesOf } from "../db/respondents.ts";
import { codePathsById } from "./code-paths.ts";
import { quoteCell, quoteList } from "../../../shared/import/quote-cell.ts";

export interface PassageQuery {
  readonly codeId: CodeId;
  readonly withCode?: CodeId | undefined;
  readonly questionId?: QuestionId | undefined;
  readonly coderId?: CoderId | undefined;
  readonly attributes?:
    readonly { readonly name: string; readonly values: readonly string[] }[] | undefined;
  readonly sort?: PassageOrder | undefined;
  readonly offset?: number | undefined;
  /** At most this many rows; all of them when absent. */
  readonly limit?: number | undefined;
}

export function listPassages(db: Db, query: PassageQuery): PassagePage {
  const selection = resolveQuery(db, query);
  const walk = passageWalk(db, selection);
  const ids = passageIds(
    db,
    selection,
    query.sort ?? "question",
    { offset: query.offset ?? 0, limit: query.limit ?? -1 },
    walk,
  );
  const rows = passageRows(db, ids);
  const paths = codePathsById(codeTree(db));
  const attributes = attributesOf(db, [...new Set(rows.map((row) => row.respondentId))]);
  return {
    total: countPassages(db, selection, walk),
    rows: rows.map((row): Passage => ({
      ...row,
      attributes: attributes.get(row.respondentId) ?? {},
      codePath: paths.get(row.codeId) ?? [],
    })),
  };
}

function resolveQuery(db: Db, query: PassageQuery): PassageSelection {
  const codeIds = subtreeOf(db, query.codeId);
  if (query.questionId !== undefined && !questionExists(db, query.questionId)) {
    throw new CairnError("not_found", `question ${query.questionId} is not in this project`);
  }
  if (query.coderId !== undefined && !coderExists(db, query.coderId)) {
    throw new CairnError("not_found", `coder ${query.coderId} is not in this project`);
  }
  const attributeIds = query.attributes?.length
    ? attributeIdsByName(db)
    : new Map<string, number>();
  return {
    codeIds,
    ...(query.questionId !== undefined && { questionId: query.questionId }),
    ...(query.coderId !== undefined && { coderId: query.coderId }),
    ...(query.attributes?.length && {
      attributes: query.attributes.map(({ name, values }) => ({
        attributeId: attributeId(attributeIds, name),
        values,
      })),
    }),
    ...(query.withCode !== undefined && {
      withCode: {
        codeIds: subtreeOf(db, query.withCode),
        within: query.questionId === undefined ? "respondent" : "answer",
      },
    }),
  };
}

function subtreeOf(db: Db, codeId: CodeId): CodeId[] {
  const ids = codeSubtree(db, codeId);
  if (!ids) throw new CairnError("not_found", `code ${codeId} is not in this project`);
  return ids;
}

/** The attribute's id, or a message listing the project's attributes. */
export function attributeId(attributeIds: ReadonlyMap<string, number>, name: string): number {
  const id = attributeIds.get(name);
  if (id !== undefined) return id;
  throw new CairnError(
    "bad_input",
    `there is no attribute ${quoteCell(name)} in this project; ${knownAttributes(attributeIds)}`,
  );
}

export function knownAttributes(attributeIds: ReadonlyMap<string, number>): string {
  const known = quoteList([...attributeIds.keys()]);
  return known ? `its attributes are ${known}` : "it has no attributes";
}
