/**
 * The sentences above the agreement table: whose coding is compared, over how many
 * answers, in which questions, and how many answers are left out; or, when there is
 * nothing to compare yet, what to do about it.
 */
import type { AgreementReport } from "../../../shared/api/agreement-api.ts";
import type { CoderId, QuestionSummary } from "../../../shared/domain.ts";
import { countText } from "../../../shared/tally/percent.ts";

/** "Aoife", "Aoife and Ben", "Aoife, Ben and Cara". */
export function namesText(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * "Q2 · Risk and safety", as the question lists write it: the label alone when the text
 * says the same or nothing.
 */
export function questionTitle(label: string, text: string): string {
  return text && text !== label ? `${label} · ${text}` : label;
}

function answersText(n: number): string {
  return `${countText(n)} ${n === 1 ? "answer" : "answers"}`;
}

/**
 * "Aoife and Ben over 3 answers both marked done, in Q2 · Risk and safety (2 answers not
 * yet seen by both)". `allQuestions`: the scope is every question of the project.
 */
export function scopeSentence(
  report: Pick<AgreementReport, "coders" | "questions" | "answers" | "answersNotSeen">,
  questionTexts: ReadonlyMap<number, string>,
  allQuestions: boolean,
): string {
  const names = namesText(report.coders.map((c) => c.name));
  const two = report.coders.length === 2;
  const seen = `${answersText(report.answers)} ${two ? "both" : "all"} marked done`;
  const notSeen =
    report.answersNotSeen > 0
      ? ` (${answersText(report.answersNotSeen)} not yet seen by ${two ? "both" : "all of them"})`
      : "";
  return `${names} over ${seen}, in ${questionsText(report.questions, questionTexts, allQuestions)}${notSeen}`;
}

function questionsText(
  questions: AgreementReport["questions"],
  texts: ReadonlyMap<number, string>,
  allQuestions: boolean,
): string {
  const titles = questions.map((q) => questionTitle(q.label, texts.get(q.id) ?? ""));
  if (titles.length === 1) return titles[0] ?? "";
  if (allQuestions) return `all ${countText(titles.length)} questions`;
  if (titles.length <= 3) return namesText(titles);
  return `${countText(titles.length)} questions`;
}

const MARK_DONE = "mark questions done (✓ in the question header) when you finish coding them";

/** What to do when the project has fewer than two coders to compare. */
export function tooFewCodersText(coders: readonly { readonly name: string }[]): string {
  const second =
    "prepare a copy of the project for a second coder and bring their work back, or let " +
    "them code in this file under their own name";
  const first = coders[0];
  if (!first) {
    return `Nobody has coded in this project yet. Agreement compares two coders' coding of the same answers: code the answers, then ${second}.`;
  }
  return `Only ${first.name} has coded in this project. Agreement compares two coders' coding of the same answers: ${second}.`;
}

/**
 * Why no answer is compared. The summary knows only whole-question marks: a coder who
 * marked every question in scope has seen every answer, so when all coders but one did,
 * that one has seen none of them and is named; otherwise the sentence names the coders
 * who have not marked the questions as a whole.
 */
export function nothingSeenText(
  coders: readonly { readonly id: CoderId; readonly name: string }[],
  questions: readonly QuestionSummary[],
): string {
  const partial = coders.filter((c) => !questions.every((q) => q.doneBy.includes(c.id)));
  const where = questions.length === 1 ? "this question" : "these questions";
  const rule = "Only answers every coder has marked done are compared.";
  const only = partial[0];
  if (partial.length === 0) {
    return questions.length === 1
      ? "This question has no answers to compare: every answer is empty or a non-response."
      : "These questions have no answers to compare: every answer is empty or a non-response.";
  }
  if (partial.length === 1 && only) {
    return `${only.name} has not marked any answers done in ${where} yet: ${MARK_DONE}. ${rule}`;
  }
  const all = namesText(coders.map((c) => c.name));
  return (
    `No answer is marked done by ${coders.length === 2 ? "both" : "all of"} ${all} yet ` +
    `(${namesText(partial.map((c) => c.name))} have not marked ${where} done as a whole): ` +
    `${MARK_DONE}. ${rule}`
  );
}
