/**
 * "Report sentences": a draft paragraph a report author copies for one question ("14 of
 * 15 respondents answered “Q3”. 9 of the 14 (64%) mention Victim safety; … Of the 45
 * coded passages, 36% concern Standards …"). Every
 * number is the tally's own, written as every table and chart writes it (percent.ts):
 * whole percents from the integer counts, so 29 of 200 is 15% here as on the chart.
 */
import type { QuestionTally, TallyCode } from "../api/tally-api.ts";
import type { CodeId } from "../domain.ts";
import { countText, wholePercent } from "./percent.ts";

export interface AttributeCondition {
  readonly name: string;
  readonly values: readonly string[];
}

/** "Country = Ireland or Malta and Organisation type = Shelter". */
export function filterText(filter: readonly AttributeCondition[]): string {
  return filter
    .filter((condition) => condition.values.length > 0)
    .map((condition) => `${condition.name} = ${condition.values.join(" or ")}`)
    .join(" and ");
}

export interface ReportInput {
  readonly question: QuestionTally;
  /** Respondents in scope (the filtered project): the first sentence's denominator. */
  readonly respondents: number;
  /** The coder whose coding counts; null: every coder's, merged. */
  readonly coder: string | null;
  readonly filter: readonly AttributeCondition[];
  /** Which nodes to name: the children of this category; absent or null: the top level. */
  readonly parentId?: CodeId | null;
}

/** The paragraph for one question, in plain words with exact numbers. */
export function reportParagraph(input: ReportInput): string {
  const { question } = input;
  return [
    answeredSentence(question, input.respondents),
    statusSentence(question),
    codesSentence(question, input.parentId ?? null),
    passagesSentence(question, input.parentId ?? null),
    scopeSentence(input.coder, input.filter),
  ]
    .filter((sentence) => sentence !== "")
    .join(" ");
}

function respondentsWord(n: number): string {
  return n === 1 ? "respondent" : "respondents";
}

function answeredSentence(question: QuestionTally, respondents: number): string {
  const who = `${countText(respondents)} ${respondentsWord(respondents)}`;
  // "0 of 18 respondents answered" reads as a typo in a report; "None of" does not.
  const answered = question.answered === 0 ? "None" : countText(question.answered);
  return `${answered} of ${question.answered === 0 ? "the " : ""}${who} answered “${question.label}”.`;
}

/** Who did not answer, and how: blank, a non-answer such as "n/a", or no row at all. */
function statusSentence(question: QuestionTally): string {
  const parts: string[] = [];
  if (question.empty > 0) parts.push(`${countText(question.empty)} left it blank`);
  if (question.nonResponse > 0) {
    parts.push(`${countText(question.nonResponse)} gave no answer (such as “n/a”)`);
  }
  if (question.missing > 0) {
    parts.push(
      `${countText(question.missing)} ${question.missing === 1 ? "has" : "have"} no answer on file`,
    );
  }
  if (parts.length === 0) return "";
  return `${capitalise(joinWords(parts))}.`;
}

/** The nodes under `parentId`, most respondents first (tree order among equals). */
export function reportedCodes(
  codes: readonly TallyCode[],
  parentId: CodeId | null,
): readonly TallyCode[] {
  return codes
    .map((code, order) => ({ code, order }))
    .filter(({ code }) => code.parentId === parentId)
    .sort((a, b) => b.code.nRespondents - a.code.nRespondents || a.order - b.order)
    .map(({ code }) => code);
}

function codesSentence(question: QuestionTally, parentId: CodeId | null): string {
  const codes = reportedCodes(question.codes, parentId);
  const within = parentId === null ? undefined : question.codes.find((c) => c.codeId === parentId);
  if (codes.length === 0) {
    return within
      ? `No answer is coded below ${within.path.at(-1)}.`
      : question.codes.length === 0
        ? "No answer is coded yet."
        : "";
  }
  const answered = question.answered;
  const clauses = codes.map((code, index) => {
    const name = code.path.at(-1) ?? "";
    const percent = wholePercent(code.nRespondents, answered);
    const share = percent === null ? "" : ` (${percent}%)`;
    const verb = code.nRespondents === 1 ? "mentions" : "mention";
    const n = countText(code.nRespondents);
    if (index > 0 || answered === 0) return `${n}${share} ${verb} ${name}`;
    return `${n} of the ${countText(answered)}${share} ${verb} ${name}`;
  });
  const lead = within ? `Within ${within.path.at(-1)}, ` : "";
  return `${lead}${lead ? clauses.join("; ") : capitalise(clauses.join("; "))}.`;
}

/**
 * The share of the coded passages each code holds among its siblings (the "36% of the
 * suggestions concern standards" kind of figure): pct_of_segments, most first. Said only
 * when there are at least two codes to share them.
 */
function passagesSentence(question: QuestionTally, parentId: CodeId | null): string {
  const codes = question.codes
    .map((code, order) => ({ code, order }))
    .filter(({ code }) => code.parentId === parentId && code.nSegments > 0)
    .sort((a, b) => b.code.nSegments - a.code.nSegments || a.order - b.order)
    .map(({ code }) => code);
  if (codes.length < 2) return "";
  const total = codes.reduce((sum, code) => sum + code.nSegments, 0);
  const shares = codes.map((code, index) => {
    const share = `${wholePercent(code.nSegments, total) ?? 0}%`;
    return `${share}${index === 0 ? " concern" : ""} ${code.path.at(-1) ?? ""}`;
  });
  const within = parentId === null ? undefined : question.codes.find((c) => c.codeId === parentId);
  const passages = `${countText(total)} ${within ? "passages coded within " + (within.path.at(-1) ?? "") : "coded passages"}`;
  return `Of the ${passages}, ${joinWords(shares)}.`;
}

function scopeSentence(coder: string | null, filter: readonly AttributeCondition[]): string {
  const whose = coder === null ? "Coding by all coders, merged" : `Coding by ${coder}`;
  const condition = filterText(filter);
  const who = condition === "" ? "" : `; only respondents with ${condition}`;
  return `(${whose}${who}.)`;
}

function joinWords(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
