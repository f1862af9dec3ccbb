/**
 * The coding grid's reads: a page of one question's answers (or of one respondent's),
 * filtered and sorted in SQL, and fresh rows of given answers after an edit.
 */
import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerId, AnswerPage, AnswerRow } from "../../../shared/domain.ts";
import { doneByOfAnswers, memosOfAnswers, memosOfRespondents } from "../db/answer-extras.ts";
import type { AnswerOrder, AnswerSelection, AnswerView } from "../db/answer-query.ts";
import { indexOfAnswer, selectPage } from "../db/answer-page.ts";
import { answerRecords } from "../db/answers.ts";
import {
  attributeIdsByName,
  codeSubtree,
  coderExists,
  respondentExists,
} from "../db/grid-lookups.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { attributesOf } from "../db/respondents.ts";
import { segmentsOfAnswers } from "../db/segments.ts";
import { quoteCell, quoteList } from "../../../shared/import/quote-cell.ts";

export type AnswerQuery = Omit<ApiParsedInput<"answers.list">, "offset" | "limit"> & {
  readonly offset: number;
  readonly limit: number;
};

export type AnswerLocation = ApiParsedInput<"answers.locate">;

type Filter = NonNullable<AnswerQuery["filter"]>;
type Sort = NonNullable<AnswerQuery["sort"]>;

/** One page of the grid, and how many rows the filter lets through in all. */
export function listAnswers(db: Db, query: AnswerQuery): AnswerPage {
  const view = resolveView(db, query);
  const attributeIds = attributeIdsByName(db);
  const selection = resolveFilter(db, view, query.filter ?? {}, attributeIds);
  const order = resolveSort(query.sort, attributeIds);
  const { total, ids } = selectPage(db, selection, order, query.offset, query.limit);
  return {
    questionId: query.questionId ?? null,
    respondentId: query.respondentId ?? null,
    total,
    offset: query.offset,
    rows: answerRows(db, ids),
  };
}

/** Where an answer stands in the list `listAnswers` gives for the same view. */
export function locateAnswer(db: Db, query: AnswerLocation): number | null {
  const view = resolveView(db, query);
  const attributeIds = attributeIdsByName(db);
  const selection = resolveFilter(db, view, query.filter ?? {}, attributeIds);
  return indexOfAnswer(db, selection, resolveSort(query.sort, attributeIds), query.answerId);
}

/**
 * Fresh rows of the given answers, in the order asked (each once); answers that no
 * longer exist are left out. One query per table, whatever the number of ids.
 */
export function answerRows(db: Db, answerIds: readonly AnswerId[]): AnswerRow[] {
  const answers = answerRecords(db, [...new Set(answerIds)]);
  const ids = answers.map((answer) => answer.id);
  const respondentIds = [...new Set(answers.map((answer) => answer.respondentId))];
  const attributes = attributesOf(db, respondentIds);
  const segments = segmentsOfAnswers(db, ids);
  const memos = memosOfAnswers(db, ids);
  const respondentMemos = memosOfRespondents(db, respondentIds);
  const doneBy = doneByOfAnswers(db, ids);
  return answers.map((answer) => ({
    answerId: answer.id,
    respondentId: answer.respondentId,
    respondent: answer.respondent,
    questionId: answer.questionId,
    question: answer.question,
    attributes: attributes.get(answer.respondentId) ?? {},
    text: answer.text,
    status: answer.status,
    segments: segments.get(answer.id) ?? [],
    memos: memos.get(answer.id) ?? [],
    respondentMemos: respondentMemos.get(answer.respondentId) ?? [],
    doneBy: doneBy.get(answer.id) ?? [],
  }));
}

function resolveView(db: Db, query: Pick<AnswerQuery, "questionId" | "respondentId">): AnswerView {
  if (query.questionId !== undefined) {
    if (!questionExists(db, query.questionId)) {
      throw new CairnError(
        "not_found",
        `question ${query.questionId} does not exist in this project`,
      );
    }
    return { questionId: query.questionId };
  }
  if (query.respondentId !== undefined) {
    if (!respondentExists(db, query.respondentId)) {
      throw new CairnError(
        "not_found",
        `respondent ${query.respondentId} does not exist in this project`,
      );
    }
    return { respondentId: query.respondentId };
  }
  throw new CairnError("bad_input", "show either a question or a respondent");
}

function attributeId(attributeIds: ReadonlyMap<string, number>, name: string): number {
  const id = attributeIds.get(name);
  if (id !== undefined) return id;
  const known = quoteList([...attributeIds.keys()]);
  throw new CairnError(
    "bad_input",
    `there is no attribute ${quoteCell(name)} in this project; ` +
      (known ? `its attributes are ${known}` : "it has no attributes"),
  );
}

function resolveFilter(
  db: Db,
  view: AnswerView,
  filter: Filter,
  attributeIds: ReadonlyMap<string, number>,
): AnswerSelection {
  const attributes = filter.attributes?.map(({ name, values }) => ({
    attributeId: attributeId(attributeIds, name),
    values,
  }));
  return {
    view,
    ...(filter.statuses && { statuses: filter.statuses }),
    ...(attributes && { attributes }),
    ...(filter.coded && { coded: resolveCoded(db, filter.coded) }),
    ...(filter.text && { text: filter.text }),
  };
}

function resolveCoded(
  db: Db,
  coded: NonNullable<Filter["coded"]>,
): NonNullable<AnswerSelection["coded"]> {
  let codeIds = null;
  if (coded.codeId !== undefined) {
    codeIds = codeSubtree(db, coded.codeId);
    if (!codeIds) {
      throw new CairnError("not_found", `code ${coded.codeId} does not exist in this project`);
    }
  }
  if (coded.coderId !== undefined && !coderExists(db, coded.coderId)) {
    throw new CairnError("not_found", `coder ${coded.coderId} does not exist in this project`);
  }
  return { codeIds, present: coded.present, coderId: coded.coderId ?? null };
}

function resolveSort(
  sort: Sort | undefined,
  attributeIds: ReadonlyMap<string, number>,
): AnswerOrder {
  if (!sort) return { by: "default", descending: false };
  if (sort.by !== "attribute") return { by: sort.by, descending: sort.descending };
  if (sort.attribute === undefined) {
    throw new CairnError("bad_input", "name the attribute to sort by");
  }
  return {
    by: "attribute",
    attributeId: attributeId(attributeIds, sort.attribute),
    descending: sort.descending,
  };
}
