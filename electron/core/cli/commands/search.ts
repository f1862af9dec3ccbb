/**
 * `cairn search FILE QUERY [--question Q] [--regex] [--case-sensitive] [--limit N]
 * [--json]`: every hit of a full-text search (or a regular expression) over the answered
 * answers, in questionnaire then respondent order, with the words around it.
 */
import { api } from "../../../../shared/api/contract.ts";
import type { SearchHit } from "../../../../shared/api/search-api.ts";
import { foundHits, search, toSearchHit } from "../../search/search-service.ts";
import { parse, UsageError } from "../args.ts";
import { wholeNumberFlag } from "../coding-flags.ts";
import { questionNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";

const OPTIONS = {
  question: { type: "string" },
  regex: { type: "boolean" },
  "case-sensitive": { type: "boolean" },
  limit: { type: "string" },
  json: { type: "boolean" },
} as const;

export function searchCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("search", argv, OPTIONS);
  const [file, query] = fileAndQuery("search", positionals);
  const limit =
    values.limit === undefined ? Infinity : wholeNumberFlag("search", "limit", values.limit);
  const request = searchRequest("search", query, values);

  withProject(file, (session) => {
    const db = session.db();
    const questionId =
      values.question === undefined ? undefined : questionNamed(db, values.question).id;
    const found = search(db, { ...request, questionId });
    const hits = foundHits(db, found, 0, limit).map(toSearchHit);
    if (values.json) {
      printJson(output, {
        query: request.query,
        regex: request.regex,
        answers: found.answers.length,
        total_hits: found.hits,
        hits: hits.map(hitJson),
      });
      return;
    }
    for (const hit of hits) output.out(hitLine(hit));
    output.err(
      found.hits === 0
        ? "no answers match"
        : `${count(found.hits, "hit")} in ${count(found.answers.length, "answer")}` +
            (hits.length < found.hits ? ` (${hits.length} shown)` : ""),
    );
  });
}

/** FILE and QUERY, the two positional arguments of search and autocode. */
export function fileAndQuery(command: string, positionals: readonly string[]): [string, string] {
  const [file, query] = positionals;
  if (positionals.length !== 2 || !file || query === undefined) {
    throw new UsageError(`cairn ${command}: expected FILE and QUERY (cairn ${command} FILE QUERY)`);
  }
  return [file, query];
}

/** The query checked by the API's own schema, so the CLI accepts what the app does. */
export function searchRequest(
  command: string,
  query: string,
  flags: { regex?: boolean; "case-sensitive"?: boolean },
): { query: string; regex: boolean; caseSensitive: boolean } {
  const parsed = api["search.run"].input.safeParse({
    query,
    regex: flags.regex ?? false,
    caseSensitive: flags["case-sensitive"] ?? false,
  });
  if (!parsed.success) {
    throw new UsageError(`cairn ${command}: ${parsed.error.issues[0]?.message ?? "bad query"}`);
  }
  const { query: checked, regex, caseSensitive } = parsed.data;
  return { query: checked, regex, caseSensitive };
}

function hitJson(hit: SearchHit) {
  return {
    respondent: hit.respondent,
    question: hit.question,
    question_position: hit.questionPosition,
    start: hit.start,
    end: hit.end,
    text: hit.match,
    snippet: hit.before + hit.match + hit.after,
  };
}

/** `R12  Q3  40-47  …the words [before] and after…` */
function hitLine(hit: SearchHit): string {
  return `${hit.respondent}\t${hit.question}\t${hit.start}-${hit.end}\t${hit.before}[${hit.match}]${hit.after}`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}
