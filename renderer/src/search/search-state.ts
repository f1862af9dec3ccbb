/**
 * What the search view holds, as plain data: the search as the core takes it, the
 * results shown, and the auto-code panel's state.
 */
import type { AutocodePreview, AutocodeScope, SearchHit } from "../../../shared/api/search-api.ts";
import type { QuestionId } from "../../../shared/domain.ts";
import type { ApiInput } from "../../../shared/api/contract.ts";

/** A search as the core takes it. */
export interface SearchQuery {
  readonly query: string;
  readonly regex: boolean;
  readonly caseSensitive: boolean;
  readonly questionId: QuestionId | null;
}

export interface SearchResults {
  readonly query: SearchQuery;
  readonly answers: number;
  readonly hits: number;
  readonly rows: readonly SearchHit[];
}

/** A code by id, or a path to create: what auto-code applies. */
type CodeRef = ApiInput<"autocode.apply">["code"];

export interface AutocodePanel {
  readonly code: CodeRef | null;
  readonly scope: AutocodeScope;
  readonly preview: AutocodePreview | null;
  readonly loading: boolean;
  readonly error: string | null;
  /** Hits the coder unchecked, by key: applying skips them. */
  readonly unchecked: ReadonlySet<string>;
  readonly applying: boolean;
  /** What the last apply did, said on screen ("Coded 37 passages with Safety"). */
  readonly done: string | null;
}

/** The search's input to `search.run` and `autocode.*`. */
export function queryInput(query: SearchQuery) {
  return {
    query: query.query,
    regex: query.regex,
    caseSensitive: query.regex && query.caseSensitive,
    ...(query.questionId === null ? {} : { questionId: query.questionId }),
  };
}
