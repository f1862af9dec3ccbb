/**
 * Foundation benchmark: how long opening a large project, summarising it and paging a
 * question's answers take. Prints figures; it passes or fails nothing.
 *
 *   npm run bench                 # 10 questions x 10,000 respondents
 *   npm run bench -- 50000        # respondents per question
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AnswerId, QuestionId } from "../shared/domain.ts";
import { detectAnswerStatus } from "../shared/answers/status.ts";
import { insertAnswer } from "../electron/core/db/answers.ts";
import { insertCode } from "../electron/core/db/codes.ts";
import { ensureCoder } from "../electron/core/db/coders.ts";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { insertQuestion } from "../electron/core/db/questions.ts";
import {
  ensureAttribute,
  insertRespondent,
  setRespondentAttribute,
} from "../electron/core/db/respondents.ts";
import { insertSegment } from "../electron/core/db/segments.ts";
import { listAnswers } from "../electron/core/services/answers.ts";
import { ProjectSession } from "../electron/core/services/project-session.ts";
import { sampleData } from "../electron/core/services/sample-project.ts";

const respondents = Number(process.argv[2] ?? 10_000);
const questions = 10;

function time<T>(work: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const result = work();
  return [result, Number(process.hrtime.bigint() - start) / 1e6];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const dir = mkdtempSync(join(tmpdir(), "cairn-bench-"));
const file = join(dir, "bench.cairn");
const migrations = bundledMigrations();
const texts = sampleData().respondents.flatMap((r) => Object.values(r.answers));

try {
  const writer = new ProjectSession({ migrations });
  writer.create(file);
  const db = writer.db();
  const [, fillMs] = time(() =>
    db.transaction(() => {
      const questionIds: QuestionId[] = [];
      for (let q = 1; q <= questions; q++) {
        questionIds.push(
          insertQuestion(db, { label: `Q${q}`, text: `Question ${q}?`, section: "" }),
        );
      }
      const country = ensureAttribute(db, "Country");
      const code = insertCode(db, {
        parentId: null,
        name: "Theme",
        color: "#2d6a73",
        description: "",
      });
      const coder = ensureCoder(db, "Bench");
      for (let r = 0; r < respondents; r++) {
        const respondentId = insertRespondent(db, `R${r + 1}`);
        setRespondentAttribute(db, respondentId, country, `Country ${r % 25}`);
        questionIds.forEach((questionId, q) => {
          const text = texts[(r * questions + q) % texts.length] ?? "";
          const answerId: AnswerId = insertAnswer(db, {
            respondentId,
            questionId,
            text,
            status: detectAnswerStatus(text),
          });
          if (text.length > 10 && r % 3 === 0) {
            insertSegment(db, {
              answerId,
              codeId: code,
              coderId: coder,
              start: 0,
              end: 10,
              memo: "",
              createdAt: "2026-01-01T00:00:00Z",
            });
          }
        });
      }
    })(),
  );
  writer.close();

  const reader = new ProjectSession({ migrations });
  const [summary, openMs] = time(() => reader.open(file));
  const [, summaryMs] = time(() => reader.summary());
  const questionId = summary.questions[0]!.id;
  const firstPage: number[] = [];
  const lastPage: number[] = [];
  for (let i = 0; i < 20; i++) {
    firstPage.push(
      time(() => listAnswers(reader.db(), { questionId: questionId, offset: 0, limit: 200 }))[1],
    );
    lastPage.push(
      time(() =>
        listAnswers(reader.db(), { questionId: questionId, offset: respondents - 200, limit: 200 }),
      )[1],
    );
  }
  reader.close();

  const answers = respondents * questions;
  console.log(`project: ${questions} questions x ${respondents} respondents = ${answers} answers`);
  console.log(`file size: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`write all answers (one transaction): ${fillMs.toFixed(0)} ms`);
  console.log(`open project (checks, lock, summary): ${openMs.toFixed(1)} ms`);
  console.log(`project summary (per-question counts): ${summaryMs.toFixed(1)} ms`);
  console.log(`answers.list first page of 200, median of 20: ${median(firstPage).toFixed(2)} ms`);
  console.log(`answers.list last page of 200, median of 20: ${median(lastPage).toFixed(2)} ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
