/**
 * Finds a coder file's answers in the project: respondents by their id, questions by
 * their label, and every answer that carries work must have exactly the project's text
 * (offsets into other words would code the wrong passage). Any mismatch refuses the
 * whole file, listing the first few, before anything is written.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { AnswerId, QuestionId, RespondentId } from "../../../shared/domain.ts";
import { answersOfQuestion } from "../db/coder-merge-write.ts";
import type { CoderWork } from "../db/coder-merge-read.ts";
import type { Db } from "../db/project-file.ts";
import { questionIdsByLabel } from "../db/questions.ts";
import { respondentIdsByExternalId } from "../db/respondents.ts";

/** How many mismatches the refusal names before "and N more". */
const LISTED = 5;

export interface MatchedWork {
  /** The coder file's answer ids to the project's answers. */
  readonly answers: ReadonlyMap<number, { id: AnswerId; questionId: QuestionId }>;
  readonly questions: ReadonlyMap<string, QuestionId>;
  readonly respondents: ReadonlyMap<string, RespondentId>;
}

export function matchWork(db: Db, work: CoderWork, fileName: string): MatchedWork {
  const questions = questionIdsByLabel(db);
  const respondents = respondentIdsByExternalId(db);
  const problems = new Set<string>();
  const missingRespondent = (id: string) => `respondent ${id}: not in this project`;
  const missingQuestion = (label: string) => `question ${label}: not in this project`;

  const answers = new Map<number, { id: AnswerId; questionId: QuestionId }>();
  const byQuestion = new Map<QuestionId, ReturnType<typeof answersOfQuestion>>();
  const answerOf = (respondentId: RespondentId, questionId: QuestionId) => {
    let answersOf = byQuestion.get(questionId);
    if (!answersOf) byQuestion.set(questionId, (answersOf = answersOfQuestion(db, questionId)));
    return answersOf.get(respondentId);
  };
  for (const answer of work.answers) {
    const respondentId = respondents.get(answer.respondent);
    const questionId = questions.get(answer.question);
    if (respondentId === undefined) problems.add(missingRespondent(answer.respondent));
    if (questionId === undefined) problems.add(missingQuestion(answer.question));
    if (respondentId === undefined || questionId === undefined) continue;
    const found = answerOf(respondentId, questionId);
    const where = `respondent ${answer.respondent}, question ${answer.question}`;
    if (found === undefined) problems.add(`${where}: no such answer in this project`);
    else if (found.text !== answer.text) problems.add(`${where}: the text differs`);
    else answers.set(answer.id, { id: found.id, questionId });
  }
  for (const mark of work.doneMarks) {
    if (!questions.has(mark.question)) problems.add(missingQuestion(mark.question));
  }
  for (const memo of work.memos) {
    if (memo.respondent !== null && !respondents.has(memo.respondent)) {
      problems.add(missingRespondent(memo.respondent));
    }
  }
  if (problems.size > 0) throw refusal(fileName, [...problems]);
  return { answers, questions, respondents };
}

function refusal(fileName: string, problems: readonly string[]): CairnError {
  const listed = problems.slice(0, LISTED).join("; ");
  const more = problems.length > LISTED ? `; and ${problems.length - LISTED} more` : "";
  return new CairnError(
    "bad_input",
    `${fileName} does not match this project, so nothing was merged: ${listed}${more}. ` +
      "Answers are matched by respondent id and question label, and their texts must be identical.",
  );
}
