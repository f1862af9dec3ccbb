/**
 * Codebook benchmark, core side: on a project of 1,000,000 answers and about as many
 * segments, how long the counts beside the codebook take: counted from scratch (all
 * coders, one coder: the first call on a connection), and through the API right after
 * a segment is applied, as the panel refreshes them (kept counts brought up to date
 * from the change). Then the tree
 * edits that touch many segments: merging two codes, deleting a category, and their
 * undo. Prints p50/p99; passes or fails nothing.
 *
 *   npm run bench:codebook               # 100,000 respondents x 10 questions
 *   npm run bench:codebook -- 10000      # a smaller project, for a quick look
 */
import type { ApiName } from "../shared/api/contract.ts";
import { countCodes, readTree } from "../electron/core/db/code-counts.ts";
import type { CoderId } from "../shared/domain.ts";
import { benchCore, timed } from "./bench-core.ts";
import { latencySummary, random } from "./stats.ts";

const respondents = Number(process.argv[2] ?? 100_000);
const RUNS = 15;
const EDITS = 1;

const { file, core, call, close } = benchCore(respondents);

async function took(name: ApiName, input: unknown): Promise<number> {
  return (await timed(() => call(name, input)))[1];
}

try {
  await call("project.open", { path: file });
  const db = core.session.db();
  const size = db
    .prepare(
      "SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM segments) AS segments",
    )
    .get() as { answers: number; segments: number };
  console.log(
    `project: ${size.answers.toLocaleString("en")} answers, ${size.segments.toLocaleString("en")} segments`,
  );
  const answered = db
    .prepare(
      "SELECT id, length(text) AS length FROM answers WHERE status = 'answered' AND length(text) > 30",
    )
    .all() as { id: number; length: number }[];
  const next = random(11);

  const all: number[] = [];
  const one: number[] = [];
  const refresh: number[] = [];
  const fromScratch = (coderId: CoderId | null) => {
    const began = performance.now();
    countCodes(db, readTree(db), coderId);
    return performance.now() - began;
  };
  await call("codes.counts", {});
  for (let i = 0; i < RUNS; i++) {
    all.push(fromScratch(null));
    one.push(fromScratch(1 as CoderId));
    const answer = answered[Math.floor(next() * answered.length)]!;
    const start = Math.floor(next() * (answer.length - 20));
    await call("coding.apply", {
      answerId: answer.id,
      code: { id: 2 + Math.floor(next() * 5) },
      coder: "Anna",
      start,
      end: start + 10,
    });
    refresh.push(await took("codes.counts", {}));
  }
  console.log(`counts from scratch, all coders, ${RUNS} runs: ${latencySummary(all)}`);
  console.log(`counts from scratch, one coder, ${RUNS} runs: ${latencySummary(one)}`);
  console.log(`codes.counts refresh after a change, ${RUNS} runs: ${latencySummary(refresh)}`);

  // Codes 2..6 are "Code 1.1".."Code 1.5" under "Theme 1" (id 1); 7 is "Theme 2".
  const merge: number[] = [];
  const remove: number[] = [];
  const undone: number[] = [];
  const impact: number[] = [];
  const unmerged: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    merge.push(await took("codes.merge", { sourceIds: [3, 4], targetId: 2 }));
    unmerged.push(await took("history.undo", {}));
    impact.push(await took("codes.deletionImpact", { codeId: 7 }));
    remove.push(await took("codes.delete", { codeId: 7 }));
    undone.push(await took("history.undo", {}));
  }
  const moved = db
    .prepare("SELECT count(*) FROM segments WHERE code_id IN (3, 4)")
    .pluck()
    .get() as number;
  console.log(
    `codes.merge of two codes (${moved.toLocaleString("en")} segments), ${EDITS} runs: ${latencySummary(merge, 0)}`,
  );
  console.log(`codes.deletionImpact of a category, ${EDITS} runs: ${latencySummary(impact, 0)}`);
  console.log(`history.undo of that merge, ${EDITS} runs: ${latencySummary(unmerged, 0)}`);
  const deleted = db.prepare("SELECT count(*) FROM segments").pluck().get() as number;
  console.log(`codes.delete of a category, ${EDITS} runs: ${latencySummary(remove, 0)}`);
  console.log(
    `history.undo of that delete (back to ${deleted.toLocaleString("en")} segments), ${EDITS} runs: ${latencySummary(undone, 0)}`,
  );
} finally {
  close();
}
