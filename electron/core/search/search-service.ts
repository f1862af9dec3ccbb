/**
 * Full-text search over the answered answers: the index proposes candidates, the exact
 * matcher finds the hits in each answer's original text, and the answers with hits are
 * put in questionnaire then respondent order. Totals are over the whole project; the
 * spans themselves are found again only for the answers a page (or an auto-code) shows,
 * so a search that hits every answer costs memory for a count per answer, not per hit.
 * The last search is kept until the project changes: paging through it is cheap.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { SearchHit, SearchResult } from "../../../shared/api/search-api.ts";
import type { AnswerId, QuestionId } from "../../../shared/domain.ts";
import type { Span } from "../../../shared/search/match.ts";
import { snippet } from "../../../shared/search/passages.ts";
import type { Db } from "../db/project-file.ts";
import {
  eachAnsweredAnswer,
  eachIndexedCandidate,
  hitAnswers,
  type HitAnswer,
} from "../db/search-candidates.ts";
import { matcherFor, type Matcher, type SearchInput } from "./matcher.ts";

export interface SearchRequest extends SearchInput {
  readonly questionId?: QuestionId | undefined;
}

/** An answer with hits, where it stands, and how many hits (not where: found again). */
interface MatchedAnswer {
  readonly id: AnswerId;
  readonly questionPosition: number;
  readonly respondentPosition: number;
  readonly hits: number;
}

export interface Found {
  readonly matcher: Matcher;
  /** In questionnaire then respondent order. */
  readonly answers: readonly MatchedAnswer[];
  readonly hits: number;
}

/** A hit with the answer it is in (its text too). */
export interface FoundHit {
  readonly answer: HitAnswer;
  readonly span: Span;
}

const lastSearch = new WeakMap<Db, { key: string; changes: number; found: Found }>();

export function search(db: Db, request: SearchRequest): Found {
  const key = JSON.stringify([
    request.query,
    request.regex,
    request.caseSensitive,
    request.questionId,
  ]);
  const changes = totalChanges(db);
  const cached = lastSearch.get(db);
  if (cached && cached.key === key && cached.changes === changes) return cached.found;
  const found = findAll(db, request);
  lastSearch.set(db, { key, changes, found });
  return found;
}

/**
 * How long a regular expression may take over all answers (a plain one takes a few
 * seconds on a million). One that backtracks wildly would hold the core for good, so it
 * is stopped between answers and the user told why.
 */
const REGEX_BUDGET_MS = 30_000;

function findAll(db: Db, request: SearchRequest): Found {
  const matcher = matcherFor(request);
  const answers: MatchedAnswer[] = [];
  let hits = 0;
  const deadline = performance.now() + REGEX_BUDGET_MS;
  let visited = 0;
  const visit = (
    id: AnswerId,
    text: string,
    order: { questionPosition: number; respondentPosition: number },
  ) => {
    if (request.regex && ++visited % 1000 === 0 && performance.now() > deadline) {
      throw new CairnError(
        "bad_input",
        `the regular expression is too slow: it had searched ${visited.toLocaleString("en")} ` +
          "answers after 30 seconds; make it simpler (avoid nested repeats such as (a+)+)",
      );
    }
    const count = matcher.hits(text).length;
    if (count === 0) return;
    hits += count;
    answers.push({ id, ...order, hits: count });
  };
  if (matcher.fts === null) eachAnsweredAnswer(db, request.questionId, visit);
  else eachIndexedCandidate(db, matcher.fts, request.questionId, visit);
  answers.sort(
    (a, b) =>
      a.questionPosition - b.questionPosition || a.respondentPosition - b.respondentPosition,
  );
  return { matcher, answers, hits };
}

/** The hits from `offset`, at most `limit`, with their answers, in result order. */
export function foundHits(db: Db, found: Found, offset: number, limit: number): FoundHit[] {
  const wanted: MatchedAnswer[] = [];
  let skip = offset;
  let firstSkip = 0;
  let room = limit;
  for (const answer of found.answers) {
    if (room <= 0) break;
    if (skip >= answer.hits) {
      skip -= answer.hits;
      continue;
    }
    if (wanted.length === 0) firstSkip = skip;
    wanted.push(answer);
    room -= answer.hits - skip;
    skip = 0;
  }
  const result: FoundHit[] = [];
  const details = new Map<AnswerId, HitAnswer>();
  // In chunks: SQLite reads a long json_each list fine, but 50,000 texts at once is a lot.
  for (let i = 0; i < wanted.length; i += 5_000) {
    for (const [id, answer] of hitAnswers(
      db,
      wanted.slice(i, i + 5_000).map((a) => a.id),
    )) {
      details.set(id, answer);
    }
  }
  skip = firstSkip;
  for (const matched of wanted) {
    const answer = details.get(matched.id);
    if (!answer) throw new Error(`search: answer ${matched.id} vanished`);
    const spans = found.matcher.hits(answer.text);
    for (const span of spans.slice(skip)) {
      if (result.length >= limit) break;
      result.push({ answer, span });
    }
    skip = 0;
  }
  return result;
}

export function toSearchHit({ answer, span }: FoundHit): SearchHit {
  const { before, match, after } = snippet(answer.text, span.start, span.end);
  return {
    answerId: answer.id,
    respondentId: answer.respondentId,
    respondent: answer.respondent,
    questionId: answer.questionId,
    question: answer.question,
    questionPosition: answer.questionPosition,
    start: span.start,
    end: span.end,
    before,
    match,
    after,
  };
}

export function runSearch(
  db: Db,
  request: SearchRequest & { readonly offset: number; readonly limit: number },
): SearchResult {
  const found = search(db, request);
  return {
    answers: found.answers.length,
    hits: found.hits,
    rows: foundHits(db, found, request.offset, request.limit).map(toSearchHit),
  };
}

function totalChanges(db: Db): number {
  return db.prepare("SELECT total_changes()").pluck().get() as number;
}
