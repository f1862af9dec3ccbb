/**
 * Review of issue 5's codebook operations: the counts beside the tree after any mix of
 * coding, moving, merging, deleting, undo and redo equal a count straight from the
 * segments; and the tree operations' corner cases.
 */
import { afterEach, describe, expect, it } from "vitest";
import { codeCountsOf } from "../../electron/core/coding/code-counts.ts";
import { deleteCode } from "../../electron/core/coding/code-delete.ts";
import { mergeCodes } from "../../electron/core/coding/code-merge.ts";
import { moveCode } from "../../electron/core/coding/code-move.ts";
import { removeSegments } from "../../electron/core/coding/coding-service.ts";
import { redo, undo } from "../../electron/core/coding/history.ts";
import { listPassages } from "../../electron/core/retrieval/passages.ts";
import { cooccurrenceTable } from "../../electron/core/retrieval/cooccurrence.ts";
import type { CodeId, CoderId, QuestionId, SegmentId } from "../../shared/domain.ts";
import { codeAnswer, codingProject, NOW, type CodingProject } from "../helpers/coding-project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
let project: CodingProject | null = null;
afterEach(() => {
  project?.session.close();
  project = null;
});

/** Every code's counts, straight from the segments with SQL: [segs, resp, subtree segs, subtree resp]. */
function bruteForce(p: CodingProject, coderId: CoderId | null): Record<number, number[]> {
  const db = p.db();
  const ids = db.prepare("SELECT id FROM codes ORDER BY id").pluck().all() as number[];
  const byCoder = coderId === null ? "" : `AND s.coder_id = ${coderId}`;
  const count = (codes: string) =>
    db
      .prepare(
        `SELECT count(*) AS segments, count(DISTINCT a.respondent_id) AS respondents
           FROM segments s JOIN answers a ON a.id = s.answer_id
          WHERE s.code_id IN (${codes}) ${byCoder}`,
      )
      .get() as { segments: number; respondents: number };
  return Object.fromEntries(
    ids.map((id) => {
      const own = count(String(id));
      const subtree = count(
        `WITH RECURSIVE t(id) AS (SELECT ${id} UNION ALL SELECT c.id FROM codes c JOIN t ON c.parent_id = t.id) SELECT id FROM t`,
      );
      return [id, [own.segments, own.respondents, subtree.segments, subtree.respondents]];
    }),
  );
}

function kept(p: CodingProject, coderId: CoderId | null): Record<number, number[]> {
  return Object.fromEntries(
    codeCountsOf(p.db(), coderId).counts.map((c) => [
      c.codeId,
      [c.segments, c.respondents, c.subtreeSegments, c.subtreeRespondents],
    ]),
  );
}

describe("the counts beside the tree after any mix of edits", () => {
  it("equal a count straight from the segments, for all coders and each", async () => {
    const p = (project = await codingProject(tempDir()));
    const db = p.db();
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const pick = <T>(items: readonly T[]): T | undefined => items[random(items.length)];
    const answers = [p.answer("R1", "Q1"), p.answer("R1", "Q2"), p.answer("R2", "Q1")];
    const paths = ["A", "A>B", "A>C", "D", "D>E>F", "G"];
    const codeIds = () => db.prepare("SELECT id FROM codes").pluck().all() as CodeId[];
    const coders = () => db.prepare("SELECT id FROM coders").pluck().all() as CoderId[];
    const attempt = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        if (!(error instanceof Error && "code" in error)) throw error; // a refusal is fine
      }
    };
    for (let step = 0; step < 150; step++) {
      const action = random(9);
      if (action <= 2) {
        const answer = pick(answers) as (typeof answers)[number];
        const start = random(8);
        codeAnswer(p, answer, pick(paths) as string, [start, start + 1 + random(6)], {
          coder: pick(["Anna", "Ben"]) as string,
        });
      } else if (action === 3) {
        const segments = db.prepare("SELECT id FROM segments").pluck().all() as SegmentId[];
        const one = pick(segments);
        if (one !== undefined) removeSegments(db, [one], NOW);
      } else if (action === 4) {
        const [source, target] = [pick(codeIds()), pick(codeIds())];
        if (source !== undefined && target !== undefined)
          attempt(() => mergeCodes(db, [source], target, NOW));
      } else if (action === 5) {
        const [code, parent] = [pick(codeIds()), pick([...codeIds(), null])];
        if (code !== undefined)
          attempt(() =>
            moveCode(db, { codeId: code, parentId: parent ?? null, position: random(3) }, NOW),
          );
      } else if (action === 6) {
        const code = pick(codeIds());
        if (code !== undefined) deleteCode(db, code, NOW);
      } else if (action === 7) {
        undo(db);
      } else {
        redo(db);
      }
      for (const coderId of [null, ...coders()]) {
        expect([step, kept(p, coderId)]).toEqual([step, bruteForce(p, coderId)]);
      }
    }
  });
});

describe("a co-occurrence cell and the passages it opens", () => {
  it("count the same respondents, for every cell, question and coder", async () => {
    const p = (project = await codingProject(tempDir()));
    const db = p.db();
    const answers = [p.answer("R1", "Q1"), p.answer("R1", "Q2"), p.answer("R2", "Q1")];
    const paths = ["A", "A>B", "A>C", "D", "D>E"];
    let seed = 5;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 25; i++) {
      const start = random(8);
      codeAnswer(p, answers[random(3)]!, paths[random(paths.length)]!, [start, start + 2], {
        coder: ["Anna", "Ben"][random(2)]!,
      });
    }
    const questions = [undefined, p.question("Q1"), p.question("Q2")] as (QuestionId | undefined)[];
    const coders = [undefined, ...(db.prepare("SELECT id FROM coders").pluck().all() as CoderId[])];
    for (const questionId of questions) {
      for (const coderId of coders) {
        const table = cooccurrenceTable(db, { questionId, coderId });
        table.codes.forEach((row, i) => {
          table.codes.forEach((column, j) => {
            const passages = listPassages(db, {
              codeId: row.codeId,
              withCode: column.codeId,
              questionId,
              coderId,
            });
            const respondents = new Set(passages.rows.map((passage) => passage.respondentId));
            expect([row.path, column.path, questionId, coderId, respondents.size]).toEqual([
              row.path,
              column.path,
              questionId,
              coderId,
              table.cells[i]![j],
            ]);
            expect(table.cells[i]![j]).toBe(table.cells[j]![i]);
          });
        });
      }
    }
  });
});
