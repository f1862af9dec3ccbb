import type { ApiParsedInput } from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerId, AnswerPage, AnswerRow } from "../../../shared/domain.ts";
import { countAnswers, pageAnswers } from "../db/answers.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { attributesOf } from "../db/respondents.ts";
import { segmentsOfAnswers } from "../db/segments.ts";

export type AnswerQuery = Omit<ApiParsedInput<"answers.list">, "offset" | "limit"> & {
  readonly offset: number;
  readonly limit: number;
};

/** One page of the grid (STUB: sort, filter and the by-respondent view to come). */
export function listAnswers(db: Db, query: AnswerQuery): AnswerPage {
  const { questionId, offset, limit } = query;
  if (questionId === undefined) throw new Error("not implemented");
  if (!questionExists(db, questionId)) {
    throw new CairnError("not_found", `question ${questionId} does not exist in this project`);
  }
  const answers = pageAnswers(db, questionId, offset, limit);
  const attributes = attributesOf(
    db,
    answers.map((a) => a.respondentId),
  );
  const segments = segmentsOfAnswers(
    db,
    answers.map((a) => a.id),
  );
  return {
    questionId,
    respondentId: null,
    total: countAnswers(db, questionId),
    offset,
    rows: answers.map((answer) => ({
      answerId: answer.id,
      respondentId: answer.respondentId,
      respondent: answer.respondent,
      questionId,
      question: "",
      attributes: attributes.get(answer.respondentId) ?? {},
      text: answer.text,
      status: answer.status,
      segments: segments.get(answer.id) ?? [],
      memos: [],
      respondentMemos: [],
      doneBy: [],
    })),
  };
}

/** Fresh rows of the given answers, in the order asked (STUB). */
export function answerRows(_db: Db, _answerIds: readonly AnswerId[]): AnswerRow[] {
  throw new Error("not implemented");
}
