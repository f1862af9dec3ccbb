/**
 * The grid's query in words: the chips of the active filters (each removable on its
 * own), the sort's label, and the count line above the list.
 */
import type { AnswerStatus } from "../../../shared/domain.ts";
import {
  cleanFilter,
  effectiveFilter,
  isAnsweredOnly,
  type AnswerFilter,
  type AnswerSort,
  type GridTarget,
} from "./query.ts";

export interface FilterChip {
  /** Stable across renders, for React and for tests. */
  readonly key: string;
  readonly label: string;
  /** The filter without this part. */
  readonly without: AnswerFilter;
}

export interface Names {
  codePath(id: number): string | undefined;
  coderName(id: number): string | undefined;
}

const STATUS_NAMES: Record<AnswerStatus, string> = {
  answered: "answered",
  empty: "blank",
  non_response: "non-response",
};

export function statusName(status: AnswerStatus): string {
  return STATUS_NAMES[status];
}

/** One chip per active part of the filter, as it applies to the view. */
export function filterChips(
  kind: GridTarget["kind"],
  raw: AnswerFilter,
  names: Names,
): FilterChip[] {
  const filter = effectiveFilter(kind, cleanFilter(raw));
  const chips: FilterChip[] = [];
  if (filter.text !== undefined) {
    chips.push({
      key: "text",
      label: `Contains “${filter.text}”`,
      without: { ...raw, text: undefined },
    });
  }
  if (filter.statuses) {
    chips.push({
      key: "statuses",
      label: isAnsweredOnly(filter)
        ? "Blanks and non-responses hidden"
        : `Only ${filter.statuses.map(statusName).join(", ")}`,
      without: { ...raw, statuses: undefined },
    });
  }
  for (const attribute of filter.attributes ?? []) {
    const rest = (raw.attributes ?? []).filter((a) => a.name !== attribute.name);
    chips.push({
      key: `attribute:${attribute.name}`,
      label: `${attribute.name}: ${attribute.values.join(", ")}`,
      without: { ...raw, attributes: rest.length > 0 ? rest : undefined },
    });
  }
  if (filter.coded) {
    chips.push({
      key: "coded",
      label: codedLabel(filter.coded, names),
      without: { ...raw, coded: undefined },
    });
  }
  return chips;
}

function codedLabel(coded: NonNullable<AnswerFilter["coded"]>, names: Names): string {
  const code =
    coded.codeId === undefined ? undefined : (names.codePath(coded.codeId) ?? "a removed code");
  const what =
    code === undefined
      ? coded.present
        ? "Has any code"
        : "Not coded yet"
      : `${coded.present ? "Has" : "Lacks"} ${code}`;
  if (coded.coderId === undefined) return what;
  return `${what} (${names.coderName(coded.coderId) ?? "unknown coder"})`;
}

export function sortLabel(sort: AnswerSort): string {
  switch (sort.by) {
    case "respondent":
      return "Respondent";
    case "attribute":
      return sort.attribute ?? "Attribute";
    case "length":
      return "Answer length";
    case "status":
      return "Status";
    case "codes":
      return "Number of codes";
  }
}

/** "Showing 37 of 120 answers", or "120 answers" when nothing is filtered out. */
export function countLabel(shown: number, unfiltered: number | null, filtered: boolean): string {
  const noun = (n: number) => (n === 1 ? "answer" : "answers");
  const format = (n: number) => n.toLocaleString("en");
  if (!filtered || unfiltered === null) return `${format(shown)} ${noun(shown)}`;
  return `Showing ${format(shown)} of ${format(unfiltered)} ${noun(unfiltered)}`;
}
