import { afterEach, describe, expect, it } from "vitest";
import type { TallyScope } from "../../shared/api/tally-api.ts";
import type { CoderId, QuestionId, SegmentId } from "../../shared/domain.ts";
import { codeCountsOf } from "../../electron/core/coding/code-counts.ts";
import { deleteCode } from "../../electron/core/coding/code-delete.ts";
import { mergeCodes } from "../../electron/core/coding/code-merge.ts";
import { moveCode } from "../../electron/core/coding/code-move.ts";
import {
  removeSegments,
  setAnswerStatusUndoably,
} from "../../electron/core/coding/coding-service.ts";
import { redo, undo } from "../../electron/core/coding/history.ts";
import { countCodes, readTree, talliesToCounts } from "../../electron/core/db/code-counts.ts";
import { scopesCountedAfresh } from "../../electron/core/tally/tally-counts.ts";
import { tallyOf } from "../../electron/core/tally/tally-service.ts";
import { codeAnswer, codeIdByName, NOW, type CodingProject } from "../helpers/coding-project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { codedSurvey } from "./tally-survey.ts";

const tempDir = useTempDir();

let project: CodingProject | null = null;
afterEach(() => {
  project?.session.close();
  project = null;
});

function coderId(p: CodingProject, name: string): CoderId {
  return p.db().prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as CoderId;
}

/** The scopes a panel asks for: each question and all, each coder and all, filtered or not. */
function scopes(p: CodingProject): TallyScope[] {
  const questions = [undefined, p.question("Q1"), p.question("Q2")] as (QuestionId | undefined)[];
  const coders = [undefined, coderId(p, "Anna"), coderId(p, "Ben")];
  const filters = [undefined, [{ name: "Country", values: ["Ireland", "Malta"] }]];
  return questions.flatMap((questionId) =>
    coders.flatMap((coder) =>
      filters.map((attributes) => ({
        ...(questionId !== undefined && { questionId }),
        ...(coder !== undefined && { coderId: coder }),
        ...(attributes && { attributes }),
      })),
    ),
  );
}

/** Every kept tally equals one counted afresh, and so do the codebook's counts. */
function expectFresh(p: CodingProject): void {
  for (const scope of scopes(p)) {
    expect(tallyOf(p.db(), scope), JSON.stringify(scope)).toEqual(
      tallyOf(p.db(), scope, { fresh: true }),
    );
  }
  for (const coder of [null, coderId(p, "Anna")]) {
    const tree = readTree(p.db());
    expect(codeCountsOf(p.db(), coder).counts).toEqual(
      talliesToCounts(tree, countCodes(p.db(), tree, coder)),
    );
  }
}

function segmentsOf(p: CodingProject, code: string): SegmentId[] {
  return p
    .db()
    .prepare("SELECT id FROM segments WHERE code_id = ? ORDER BY id")
    .pluck()
    .all(codeIdByName(p.db(), code)) as SegmentId[];
}

describe("kept tallies", () => {
  it("follow coding, removing, merging, moving, statuses, undo and redo as a fresh count", async () => {
    const p = (project = await codedSurvey(tempDir()));
    expectFresh(p);
    // A new code in an answer that had none, by each coder: nothing counted again.
    const counted = scopesCountedAfresh();
    codeAnswer(p, p.answer("R6", "Q2"), "Safety>Support", [0, 4]);
    expectFresh(p);
    expect(scopesCountedAfresh()).toBe(counted);
    codeAnswer(p, p.answer("R6", "Q2"), "Safety>Support", [10, 14], { coder: "Ben" });
    expectFresh(p);
    // A second segment of a code a respondent already has: segments change, respondents not.
    codeAnswer(p, p.answer("R1", "Q1"), "Funding", [20, 24]);
    expectFresh(p);
    // Overlapping the first merges the two.
    codeAnswer(p, p.answer("R1", "Q1"), "Funding", [18, 22]);
    expectFresh(p);
    removeSegments(p.db(), segmentsOf(p, "Risk"), NOW);
    expectFresh(p);
    undo(p.db());
    expectFresh(p);
    redo(p.db());
    expectFresh(p);
    undo(p.db());
    expectFresh(p);
    mergeCodes(p.db(), [codeIdByName(p.db(), "Support")], codeIdByName(p.db(), "Risk"), NOW);
    expectFresh(p);
    undo(p.db());
    expectFresh(p);
    const beforeStatus = scopesCountedAfresh();
    setAnswerStatusUndoably(p.db(), p.answer("R6", "Q1"), "non_response", NOW);
    expectFresh(p);
    // A status counts in the answer figures, not in the codes'.
    expect(scopesCountedAfresh()).toBe(beforeStatus);
    undo(p.db());
    expectFresh(p);
    moveCode(
      p.db(),
      {
        codeId: codeIdByName(p.db(), "Funding"),
        parentId: codeIdByName(p.db(), "Safety"),
        position: 0,
      },
      NOW,
    );
    expectFresh(p);
    undo(p.db());
    expectFresh(p);
    deleteCode(p.db(), codeIdByName(p.db(), "Safety"), NOW);
    expectFresh(p);
    undo(p.db());
    expectFresh(p);
    // A new code deeper in the tree.
    codeAnswer(p, p.answer("R3", "Q1"), "Safety>Risk>Night", [5, 9]);
    expectFresh(p);
  });

  it("follow changes made while nobody asked, and a rolled-back edit", async () => {
    const p = (project = await codedSurvey(tempDir()));
    expectFresh(p);
    for (let i = 0; i < 5; i++) {
      codeAnswer(p, p.answer("R5", "Q2"), `Theme ${i}`, [i, i + 1], { coder: "Ben" });
    }
    // A write that fails half-way leaves nothing behind, in the file or the log.
    const addSegment = p.db().prepare(
      `INSERT INTO segments (answer_id, code_id, coder_id, start, end, created_at)
         VALUES (?, ?, ?, 0, 4, ?)`,
    );
    expect(() =>
      p.db().transaction(() => {
        addSegment.run(
          p.answer("R3", "Q2"),
          codeIdByName(p.db(), "Funding"),
          coderId(p, "Ben"),
          NOW,
        );
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expectFresh(p);
  });

  it("stay right past the change log's bound, and when one reader stops looking", async () => {
    const p = (project = await codedSurvey(tempDir()));
    expectFresh(p);
    const addSegments = (n: number, code: string) =>
      p
        .db()
        .prepare(
          `WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < ?)
           INSERT INTO segments (answer_id, code_id, coder_id, start, end, created_at)
           SELECT ?, ?, ?, n, n + 1, ? FROM i`,
        )
        .run(n, p.answer("R6", "Q2"), codeIdByName(p.db(), code), coderId(p, "Ben"), NOW);
    // The tallies look after every thousand changes; the codebook counts do not.
    for (let i = 0; i < 12; i++) {
      addSegments(1000, "Funding");
      const scope = { questionId: p.question("Q2") as QuestionId };
      expect(tallyOf(p.db(), scope)).toEqual(tallyOf(p.db(), scope, { fresh: true }));
    }
    expectFresh(p);
    // More at once than the log holds.
    addSegments(25_000, "Risk");
    expectFresh(p);
  });
});
