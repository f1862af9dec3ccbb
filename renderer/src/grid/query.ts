/**
 * What the grid asks the core for: which answers (a question's, or one respondent's),
 * filtered and sorted how. Pure functions: the store keeps the state, the core runs the
 * query in SQL, and these only shape and describe it.
 */
import type { ApiInput } from "../../../shared/api/contract.ts";
import type { AnswerStatus, QuestionId, RespondentId } from "../../../shared/domain.ts";

export type AnswerListInput = ApiInput<"answers.list">;
export type AnswerFilter = NonNullable<AnswerListInput["filter"]>;
export type AnswerSort = NonNullable<AnswerListInput["sort"]>;
export type CodedFilter = NonNullable<AnswerFilter["coded"]>;

/** What the grid shows: one question's answers, or all answers of one respondent. */
export type GridTarget =
  | { readonly kind: "question"; readonly questionId: QuestionId }
  | {
      readonly kind: "respondent";
      readonly respondentId: RespondentId;
      /** The respondent's id as imported ("ORG-03"), for the header. */
      readonly label: string;
    };

export const DEFAULT_SORT: AnswerSort = { by: "respondent", descending: false };
export const NO_FILTER: AnswerFilter = {};

/** Hiding blanks and non-responses in one click is this filter on statuses. */
export const ANSWERED_ONLY: readonly AnswerStatus[] = ["answered"];

/**
 * The filter without its empty parts ("" search, no status ticked, an attribute with no
 * value ticked), so an empty part never reaches the core (which refuses some) nor counts
 * as an active filter.
 */
export function cleanFilter(filter: AnswerFilter): AnswerFilter {
  const clean: { -readonly [K in keyof AnswerFilter]: AnswerFilter[K] } = {};
  const text = filter.text?.trim();
  if (text) clean.text = text;
  if (filter.statuses && filter.statuses.length > 0) clean.statuses = [...filter.statuses];
  const attributes = (filter.attributes ?? []).filter((a) => a.values.length > 0);
  if (attributes.length > 0) clean.attributes = attributes;
  if (filter.coded) clean.coded = filter.coded;
  return clean;
}

/**
 * The part of the filter that applies to a view. One respondent's answers all share the
 * respondent's attributes, so an attribute filter there would show all or nothing.
 */
export function effectiveFilter(kind: GridTarget["kind"], filter: AnswerFilter): AnswerFilter {
  if (kind === "question") return filter;
  const { attributes: _ignored, ...rest } = filter;
  return rest;
}

export function hasFilter(filter: AnswerFilter): boolean {
  return Object.keys(cleanFilter(filter)).length > 0;
}

export function sameQuery(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The input of answers.list for one page of the target. */
export function listInput(
  target: GridTarget,
  sort: AnswerSort,
  filter: AnswerFilter,
  offset: number,
  limit: number,
): AnswerListInput {
  const applied = effectiveFilter(target.kind, cleanFilter(filter));
  const filterPart = Object.keys(applied).length > 0 ? { filter: applied } : {};
  if (target.kind === "respondent") {
    // A respondent's answers come in questionnaire order; there is nothing to sort by.
    return { respondentId: target.respondentId, offset, limit, ...filterPart };
  }
  return { questionId: target.questionId, offset, limit, sort, ...filterPart };
}

export function isAnsweredOnly(filter: AnswerFilter): boolean {
  return sameQuery(filter.statuses ?? [], ANSWERED_ONLY);
}

export function withAnsweredOnly(filter: AnswerFilter, on: boolean): AnswerFilter {
  return { ...filter, statuses: on ? [...ANSWERED_ONLY] : undefined };
}

/** The values ticked for one attribute (none: the attribute does not filter). */
export function attributeValues(filter: AnswerFilter, name: string): readonly string[] {
  return filter.attributes?.find((a) => a.name === name)?.values ?? [];
}

export function withAttributeValues(
  filter: AnswerFilter,
  name: string,
  values: readonly string[],
): AnswerFilter {
  const others = (filter.attributes ?? []).filter((a) => a.name !== name);
  const attributes = values.length > 0 ? [...others, { name, values: [...values] }] : others;
  return { ...filter, attributes: attributes.length > 0 ? attributes : undefined };
}

/** How the grid filters by codes, as the user picks it. */
export type CodedMode = "off" | "has" | "lacks" | "any" | "none";

export function codedMode(coded: CodedFilter | undefined): CodedMode {
  if (!coded) return "off";
  if (coded.codeId === undefined) return coded.present ? "any" : "none";
  return coded.present ? "has" : "lacks";
}

export function codedFilter(
  mode: CodedMode,
  codeId: number | undefined,
  coderId: CodedFilter["coderId"],
): CodedFilter | undefined {
  const coder = coderId === undefined ? {} : { coderId };
  switch (mode) {
    case "off":
      return undefined;
    case "any":
      return { present: true, ...coder };
    case "none":
      return { present: false, ...coder };
    case "has":
    case "lacks":
      // Without a code to look for, "has code" means nothing yet.
      if (codeId === undefined) return undefined;
      return { codeId, present: mode === "has", ...coder };
  }
}

/** A value to tick in the attribute filter; respondents null: typed, not listed by the core. */
export interface ValueChoice {
  readonly value: string;
  readonly respondents: number | null;
}

/**
 * The values to offer: those the core listed (in its order, with their counts), then any
 * value ticked that it did not list (typed by hand, or beyond the listed ones).
 */
export function valueChoices(
  listed: readonly { readonly value: string; readonly respondents: number }[],
  ticked: readonly string[],
): ValueChoice[] {
  const known = new Set(listed.map((entry) => entry.value));
  const extra = [...new Set(ticked)]
    .filter((value) => !known.has(value))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((value) => ({ value, respondents: null }));
  return [...listed, ...extra];
}
