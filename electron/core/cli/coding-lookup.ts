/**
 * The names a person types on the command line (respondent id, question label or
 * position, code path, coder) turned into the project's rows, or a one-line failure
 * that says what the project does have.
 */
import { basename } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import type {
  CodeId,
  CodeNode,
  CoderId,
  QuestionId,
  RespondentId,
} from "../../../shared/domain.ts";
import { findAnswer } from "../db/answers.ts";
import { codeIdsByPath, codeTree } from "../db/codes.ts";
import { answerToCode, type AnswerToCode } from "../db/coding-lookups.ts";
import type { Db } from "../db/project-file.ts";
import {
  coderNames,
  findCoderByName,
  findRespondentByExternalId,
  questionNames,
  type QuestionName,
} from "../db/segment-list.ts";

/** Names the project file in messages the way the user typed it: "survey.cairn". */
export function fileName(file: string): string {
  return basename(file);
}

export function respondentNamed(db: Db, file: string, externalId: string): RespondentId {
  const id = findRespondentByExternalId(db, externalId.trim());
  if (id === undefined) {
    throw new CairnError("not_found", `no respondent ${externalId} in ${fileName(file)}`);
  }
  return id;
}

/**
 * A question by its label ("Q3", exact, then ignoring case) or its 1-based position in
 * the questionnaire ("3"). A label that looks like a number wins over a position.
 */
function firstWord(label: string): string {
  return label.trim().split(/\s+/u, 1)[0]!.toLowerCase();
}

/** "3" or "Q3": the third question. */
function byPosition(questions: readonly QuestionName[], digits: string | undefined) {
  return digits === undefined ? undefined : questions.find((q) => q.position === Number(digits));
}

export function questionNamed(db: Db, name: string): QuestionName {
  const questions = questionNames(db);
  const wanted = name.trim();
  const found =
    questions.find((q) => q.label === wanted) ??
    onlyOne(questions.filter((q) => q.label.toLowerCase() === wanted.toLowerCase())) ??
    // Labels often begin with their number ("Q2 Risk and safety"): the first word names it.
    onlyOne(questions.filter((q) => firstWord(q.label) === wanted.toLowerCase())) ??
    byPosition(questions, /^(?:q)?(\d+)$/i.exec(wanted)?.[1]);
  if (found) return found;
  throw new CairnError(
    "not_found",
    questions.length === 0
      ? `question "${name}" not found; the project has no questions yet`
      : `question "${name}" not found; questions: ${listSome(questions.map((q) => q.label))}`,
  );
}

export function coderNamed(db: Db, file: string, name: string): CoderId {
  const id = findCoderByName(db, name);
  if (id !== undefined) return id;
  const coders = coderNames(db);
  throw new CairnError(
    "not_found",
    `no coder "${name}" in ${fileName(file)}; ` +
      (coders.length ? `coders: ${listSome(coders)}` : "nothing has been coded yet"),
  );
}

/** An existing code by its path, compared as the app compares names (case, spacing). */
export function codeNamed(db: Db, file: string, path: readonly string[]): CodeId {
  const id = codeIdsByPath(db).get(codePathKey(path));
  if (id === undefined) {
    throw new CairnError("not_found", `no code "${path.join(">")}" in ${fileName(file)}`);
  }
  return id;
}

/** Every code's path by id: the codebook is small, the segments it names are not. */
export function codePaths(db: Db): Map<CodeId, readonly string[]> {
  const paths = new Map<CodeId, readonly string[]>();
  const walk = (nodes: readonly CodeNode[]): void => {
    for (const node of nodes) {
      paths.set(node.id, node.path);
      walk(node.children);
    }
  };
  walk(codeTree(db));
  return paths;
}

export function answerOf(
  db: Db,
  respondent: { id: RespondentId; name: string },
  question: { id: QuestionId; label: string },
): AnswerToCode {
  const found = findAnswer(db, respondent.id, question.id);
  const answer = found && answerToCode(db, found.id);
  if (!answer) {
    throw new CairnError("not_found", `${respondent.name} has no answer to ${question.label}`);
  }
  return answer;
}

function onlyOne<T>(items: readonly T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}

function listSome(names: readonly string[], most = 12): string {
  const shown = names.slice(0, most).join(", ");
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}
