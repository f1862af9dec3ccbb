/**
 * What the passages view asks the core for and how it shows the answer: the input of
 * passages.list, whose coding counts (the coder choice), the groups under question
 * headings, the count line. Pure functions; the store keeps the state.
 */
import type { ApiInput } from "../../../shared/api/contract.ts";
import type { Passage } from "../../../shared/api/retrieval-api.ts";
import type { CoderId, QuestionId } from "../../../shared/domain.ts";
import type { PassagesScope } from "../stores/view.ts";
import type { CoderView } from "../coding/segments.ts";

export type PassagesInput = ApiInput<"passages.list">;
export type PassageSort = NonNullable<PassagesInput["sort"]>;

/** One attribute's ticked values: a respondent must have one of them. */
export interface AttributeChoice {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * Whose coding the views count: everyone's, or one coder's. Null follows the coder view
 * of the top bar (All coders / Mine / one coder).
 */
export type CoderChoice = "all" | CoderId | null;

/** The coder whose segments count, or undefined for everyone's. */
export function coderFilter(
  choice: CoderChoice,
  view: CoderView,
  activeCoderId: CoderId | null,
): CoderId | undefined {
  const effective = choice ?? (view === "mine" ? (activeCoderId ?? "all") : view);
  return effective === "all" ? undefined : effective;
}

export function passagesInput(
  scope: PassagesScope,
  coderId: CoderId | undefined,
  attributes: readonly AttributeChoice[],
  sort: PassageSort,
  offset: number,
  limit: number,
): PassagesInput {
  const ticked = attributes.filter((a) => a.values.length > 0);
  return {
    codeId: scope.codeId,
    ...(scope.withCode !== undefined ? { withCode: scope.withCode } : {}),
    ...(scope.questionId !== undefined ? { questionId: scope.questionId } : {}),
    ...(coderId !== undefined ? { coderId } : {}),
    ...(ticked.length > 0
      ? { attributes: ticked.map((a) => ({ name: a.name, values: [...a.values] })) }
      : {}),
    sort,
    offset,
    limit,
  };
}

export interface PassageGroup {
  /** The question's id, or null for one flat list (sorted by respondent). */
  readonly questionId: QuestionId | null;
  readonly heading: string;
  readonly passages: readonly Passage[];
}

/**
 * Sorted by question, the passages come in questionnaire order and go under one heading
 * per question; sorted by respondent, they form one list.
 */
export function groupPassages(rows: readonly Passage[], sort: PassageSort): PassageGroup[] {
  if (sort === "respondent")
    return rows.length ? [{ questionId: null, heading: "", passages: rows }] : [];
  const groups: { questionId: QuestionId; heading: string; passages: Passage[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last.questionId === row.questionId) last.passages.push(row);
    else groups.push({ questionId: row.questionId, heading: row.question, passages: [row] });
  }
  return groups;
}

/**
 * "37 passages from 21 respondents" once every passage is loaded (the respondents are
 * counted on the rows); "500 of 1,204 passages" while more are to come.
 */
export function passageCount(total: number, rows: readonly Passage[]): string {
  const passages = `${total.toLocaleString("en")} ${total === 1 ? "passage" : "passages"}`;
  if (rows.length < total) return `${rows.length.toLocaleString("en")} of ${passages}`;
  const respondents = new Set(rows.map((row) => row.respondentId)).size;
  return `${passages} from ${respondents.toLocaleString("en")} ${respondents === 1 ? "respondent" : "respondents"}`;
}

/** "Ireland · NGO": the respondent's attribute values, in the project's attribute order. */
export function attributeLine(
  attributes: Readonly<Record<string, string>>,
  order: readonly string[],
): string {
  return order
    .map((name) => attributes[name])
    .filter((value): value is string => value !== undefined && value !== "")
    .join(" · ");
}
