/**
 * Coding benchmark, core side: on a project of 1,000,000 answers and about as many
 * segments, how long applying a code takes through the API (validation, the write with
 * its merge and undo log in one transaction, and the answer's refreshed row with its
 * highlights), and undoing it. Prints p50/p99; passes or fails nothing.
 *
 *   npm run bench:coding               # 100,000 respondents x 10 questions
 *   npm run bench:coding -- 10000      # a smaller project, for a quick look
 */
import { statSync } from "node:fs";
import { benchCore } from "./bench-core.ts";
import { latencySummary, random } from "./stats.ts";

const respondents = Number(process.argv[2] ?? 100_000);
const RUNS = 1_000;

const { file, core, call, close } = benchCore(respondents);

try {
  await call("project.open", { path: file });
  const db = core.session.db();
  const counts = db
    .prepare(
      "SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM segments) AS segments",
    )
    .get() as { answers: number; segments: number };
  const answered = db
    .prepare(
      "SELECT id, length(text) AS length FROM answers WHERE status = 'answered' AND length(text) > 30",
    )
    .all() as { id: number; length: number }[];
  const next = random(7);
  const applyMs: number[] = [];
  const undoMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const answer = answered[Math.floor(next() * answered.length)]!;
    const start = Math.floor(next() * (answer.length - 20));
    const end = start + 5 + Math.floor(next() * 15);
    const codeId = 1 + Math.floor(next() * 30);
    let began = performance.now();
    await call("coding.apply", {
      answerId: answer.id,
      code: { id: codeId },
      coder: "Anna",
      start,
      end,
    });
    applyMs.push(performance.now() - began);
    // Undo every other one, so the history keeps growing as in a day's work.
    if (i % 2 === 1) {
      began = performance.now();
      await call("history.undo", {});
      undoMs.push(performance.now() - began);
    }
  }
  console.log(
    `project: ${counts.answers.toLocaleString("en")} answers, ${counts.segments.toLocaleString("en")} segments, ${(statSync(file).size / 2 ** 20).toFixed(0)} MiB`,
  );
  console.log(`coding.apply (write + refreshed row), ${RUNS} runs: ${latencySummary(applyMs)}`);
  console.log(`history.undo, ${undoMs.length} runs: ${latencySummary(undoMs)}`);
} finally {
  close();
}
