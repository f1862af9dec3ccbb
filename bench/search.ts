/**
 * Search benchmark, core side: on the coding benchmarks' project (1,000,000 answers),
 * how long building the full-text index takes (as on opening a project made before
 * search), and the latency of a search for a rare phrase, a common phrase and a regular
 * expression, of paging through a result, and of auto-coding about 10,000 hits (preview,
 * apply, undo). Searches alternate so that none is answered from the last-search cache.
 * Prints figures; passes or fails nothing.
 *
 *   npm run bench:search               # 100,000 respondents x 10 questions
 *   npm run bench:search -- 10000      # a smaller project, for a quick look
 */
import type { AutocodePreview, SearchResult } from "../shared/api/search-api.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { markSearchIndexStale, rebuildSearchIndex } from "../electron/core/db/search-index.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { sampleData } from "../electron/core/services/sample-project.ts";
import { benchCore, timed } from "./bench-core.ts";
import { latencySummary } from "./stats.ts";

const respondents = Number(process.argv[2] ?? 100_000);
const RARE = "purple zebra crossing";

const { file, call, close } = benchCore(respondents);

/**
 * Phrases of two words found in a few (three: some 10,000 of a million answers, the
 * auto-code the issue asks to time) and in many of the texts the project repeats.
 */
function phrases(): { few: string; common: string } {
  const texts = sampleData()
    .respondents.flatMap((r) => Object.values(r.answers))
    .filter((text) => text.trim().length > 40);
  const counts = new Map<string, number>();
  for (const text of texts) {
    const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
    const seen = new Set<string>();
    for (let i = 0; i + 1 < words.length; i++) seen.add(`${words[i]} ${words[i + 1]}`);
    for (const pair of seen) counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const fewTexts = (n: number) =>
    sorted.find(([pair, count]) => count === n && /^[a-z]{4,} [a-z]{4,}$/.test(pair));
  const few = fewTexts(3) ?? fewTexts(2);
  return { few: few?.[0] ?? "for women", common: sorted[0]?.[0] ?? "with the" };
}

/** A question of 20 answers holding a phrase no other answer has: a rare search. */
function addRareAnswers(): void {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.openFile(file);
  const db = session.db();
  db.transaction(() => {
    db.prepare("INSERT INTO questions (position, label, text) VALUES (99, 'Rare', 'Rare?')").run();
    db.prepare(
      `INSERT INTO answers (respondent_id, question_id, text, status)
       SELECT id, (SELECT id FROM questions WHERE label = 'Rare'),
              'We saw a ' || ? || ' near respondent ' || id || '.', 'answered'
         FROM respondents WHERE id % (? / 20) = 0 LIMIT 20`,
    ).run(RARE, respondents);
  })();
  const began = performance.now();
  rebuildSearchIndex(db);
  console.log(
    `index build, ${(db.prepare("SELECT count(*) FROM answers").pluck().get() as number).toLocaleString("en")} answers: ` +
      `${((performance.now() - began) / 1000).toFixed(1)} s`,
  );
  markSearchIndexStale(db);
  session.close();
}

try {
  addRareAnswers();
  const [, openMs] = await timed(() => call("project.open", { path: file }));
  console.log(
    `project.open of a project whose index is stale (builds it): ${(openMs / 1000).toFixed(1)} s`,
  );

  const { few, common } = phrases();
  const queries = [`"${RARE}"`, `"${few}"`, `"${common}"`];
  const times = new Map<string, number[]>(queries.map((q) => [q, []]));
  const sizes = new Map<string, SearchResult>();
  const rounds = respondents >= 100_000 ? 10 : 30;
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const [result, ms] = await timed(() =>
        call<SearchResult>("search.run", { query, limit: 200 }),
      );
      times.get(query)?.push(ms);
      sizes.set(query, result);
    }
  }
  for (const query of queries) {
    const size = sizes.get(query) as SearchResult;
    console.log(
      `search.run ${query} (${size.hits.toLocaleString("en")} hits in ${size.answers.toLocaleString("en")} answers, first 200 rows): ` +
        latencySummary(times.get(query) ?? [], 1),
    );
  }
  const pages: number[] = [];
  for (let page = 1; page <= 50; page++) {
    const [, ms] = await timed(() =>
      call("search.run", { query: `"${common}"`, offset: page * 200, limit: 200 }),
    );
    pages.push(ms);
  }
  console.log(
    `search.run next pages of "${common}" (from the last-search cache): ${latencySummary(pages, 1)}`,
  );

  const regexMs: number[] = [];
  let regexHits = 0;
  for (let i = 0; i < 3; i++) {
    const [result, ms] = await timed(() =>
      call<SearchResult>("search.run", {
        query: i % 2 ? "\\bzebra\\w*" : "\\bpurple\\s+z",
        regex: true,
      }),
    );
    regexMs.push(ms);
    regexHits = result.hits;
  }
  console.log(
    `search.run regex over every answered answer (${regexHits} hits): ${latencySummary(regexMs, 0)}`,
  );

  const request = {
    query: `"${few}"`,
    scope: "sentence",
    code: { path: ["Bench", "Auto"] },
    coder: "Anna",
  };
  await call("search.run", { query: "warm up the other query" });
  const [preview, previewMs] = await timed(() =>
    call<AutocodePreview>("autocode.preview", request),
  );
  const [applied, applyMs] = await timed(() =>
    call<{ coded: number }>("autocode.apply", { ...request, skip: [preview.passages[0]?.key] }),
  );
  const [, undoMs] = await timed(() => call("history.undo", {}));
  console.log(
    `autocode "${few}" by sentence: preview of ${preview.passages.length.toLocaleString("en")} passages ${previewMs.toFixed(0)} ms, ` +
      `apply of ${applied.coded.toLocaleString("en")} ${applyMs.toFixed(0)} ms, undo ${undoMs.toFixed(0)} ms`,
  );
} finally {
  close();
}
