/**
 * Edge cases a demanding coder (or a hostile tester) hits: text with NUL characters,
 * offsets inside characters drawn as one, a passage coded twice with a note, accents
 * typed two ways, and a disk that fills up mid-session.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCode, renameCode } from "../../electron/core/coding/codebook-service.ts";
import {
  adjustSegment,
  applyCode,
  markDone,
  setMemo,
} from "../../electron/core/coding/coding-service.ts";
import { historyState, redo, undo } from "../../electron/core/coding/history.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import type { AnswerId, QuestionId } from "../../shared/domain.ts";
import {
  codeIdByName,
  dataSnapshot,
  historySteps,
  NOW,
  segmentRows,
  useCodingProject,
  type CodingProject,
} from "../helpers/coding-project.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const openProject = useCodingProject(tempDir);
let session: ProjectSession | null = null;
afterEach(() => {
  session?.close();
  session = null;
});

function apply(p: CodingProject, span: [number, number], memo?: string, code = "Safety") {
  return applyCode(
    p.db(),
    {
      answerId: p.answer("R1", "Q1"),
      code: { path: [code] },
      coder: "Anna",
      start: span[0],
      end: span[1],
      ...(memo === undefined ? {} : { memo }),
    },
    NOW,
  );
}

describe("undo and redo restore text exactly", () => {
  it("brings back a memo and a code name holding a NUL character whole", async () => {
    const p = await openProject();
    const { segmentId, codeId } = apply(p, [0, 6]);
    const pasted = "copied from a PDF:\u0000 a stray NUL, then 'quotes' and 😀";
    setMemo(p.db(), { target: { segmentId }, coder: "Anna", text: pasted }, NOW);
    setMemo(
      p.db(),
      { target: { answerId: p.answer("R1", "Q1") }, coder: "Anna", text: "a\u0000b" },
      NOW,
    );
    renameCode(p.db(), codeId, "Safe\u0000ty", NOW);
    renameCode(p.db(), codeId, "Safety at night", NOW);
    const after = dataSnapshot(p.db());

    for (let i = 0; i < 3; i++) undo(p.db());
    expect(p.db().prepare("SELECT memo FROM segments").pluck().get()).toBe(pasted);
    expect(p.db().prepare("SELECT name FROM codes").pluck().get()).toBe("Safety");
    for (let i = 0; i < 3; i++) redo(p.db());
    expect(dataSnapshot(p.db())).toBe(after);
    undo(p.db());
    expect(p.db().prepare("SELECT name FROM codes").pluck().get()).toBe("Safe\u0000ty");
  });
});

describe("offsets from the API or the command line never cut a character", () => {
  // "Café" with its accent typed as a combining mark, and a ZWJ family of three.
  const TEXT = "Cafe\u0301 with 👨‍👩‍👧 kids";
  const FAMILY = "👨‍👩‍👧";

  async function answerWithText(): Promise<{ db: () => Db; answerId: AnswerId }> {
    const dir = tempDir();
    const csv = join(dir, "answers.csv");
    writeFileSync(csv, `id,Q1\nR1,${TEXT}\n`);
    session = newSession();
    session.create(join(dir, "survey.cairn"));
    await importFiles(session, [csv]);
    const s = session;
    const answerId = s.db().prepare("SELECT id FROM answers").pluck().get() as AnswerId;
    expect(s.db().prepare("SELECT text FROM answers").pluck().get()).toBe(TEXT);
    return { db: () => s.db(), answerId };
  }

  it("takes the whole accented letter and the whole family when cut inside them", async () => {
    const { db, answerId } = await answerWithText();
    const familyStart = TEXT.indexOf(FAMILY);
    const coded = (start: number, end: number, code: string) => {
      const { segmentId } = applyCode(
        db(),
        { answerId, code: { path: [code] }, coder: "Anna", start, end },
        NOW,
      );
      const segment = segmentRows(db()).find((s) => s.id === segmentId);
      return TEXT.slice(segment?.start, segment?.end);
    };
    // Between the "e" and its accent; between the man and the joiner after him.
    expect(coded(0, 4, "Place")).toBe("Cafe\u0301");
    expect(coded(familyStart + 3, familyStart + 4, "Family")).toBe(FAMILY);
  });

  it("moves an adjusted edge out of the family too", async () => {
    const { db, answerId } = await answerWithText();
    const { segmentId } = applyCode(
      db(),
      { answerId, code: { path: ["Family"] }, coder: "Anna", start: 0, end: 4 },
      NOW,
    );
    const familyStart = TEXT.indexOf(FAMILY);
    adjustSegment(db(), { segmentId, start: familyStart + 5, end: TEXT.length }, NOW);
    const [segment] = segmentRows(db());
    expect(TEXT.slice(segment?.start, segment?.end)).toBe(`${FAMILY} kids`);
  });
});

describe("coding a passage that is coded already", () => {
  it("keeps the memo that came with it, as one step that undo takes back", async () => {
    const p = await openProject();
    apply(p, [0, 28], "the main worry");
    const before = dataSnapshot(p.db());
    apply(p, [0, 6], "said first");
    expect(segmentRows(p.db()).map((s) => s.memo)).toEqual(["the main worry\n\nsaid first"]);
    expect(historySteps(p.db())).toHaveLength(2);
    undo(p.db());
    expect(dataSnapshot(p.db())).toBe(before);
  });

  it("neither repeats a memo it has nor records a step for it", async () => {
    const p = await openProject();
    apply(p, [0, 28], "the main worry");
    apply(p, [0, 6], "the main worry");
    apply(p, [0, 6]);
    expect(segmentRows(p.db()).map((s) => s.memo)).toEqual(["the main worry"]);
    expect(historySteps(p.db())).toHaveLength(1);
  });

  it("does not repeat a memo two merged segments share", async () => {
    const p = await openProject();
    apply(p, [0, 6], "night");
    apply(p, [10, 15], "night");
    apply(p, [4, 12]);
    expect(segmentRows(p.db()).map((s) => [s.start, s.end, s.memo])).toEqual([[0, 15, "night"]]);
  });
});

describe("code names typed two ways", () => {
  it("knows an accent typed as a combining mark as the code spelled with the accented letter", async () => {
    const p = await openProject();
    createCode(p.db(), ["Sécurité"], undefined, NOW);
    const composed = codeIdByName(p.db(), "Sécurité");
    const decomposed = "Se\u0301curite\u0301";
    expect(() => createCode(p.db(), [decomposed], undefined, NOW)).toThrow(
      "a code Se\u0301curite\u0301 already exists",
    );
    expect(apply(p, [0, 6], undefined, decomposed).codeId).toBe(composed);
    expect(p.db().prepare("SELECT count(*) FROM codes").pluck().get()).toBe(1);
  });
});

describe("labels in the undo menu", () => {
  it("calls one answer marked twice in one go 'answer'", async () => {
    const p = await openProject();
    const answerId = p.answer("R1", "Q1");
    markDone(
      p.db(),
      {
        coder: "Anna",
        questionId: p.question("Q1") as QuestionId,
        answerIds: [answerId, answerId],
        done: true,
      },
      NOW,
    );
    expect(historyState(p.db()).undo).toBe("Mark answer done");
  });
});

describe("a disk that fills up", () => {
  /** From now on the project file cannot grow, as on a full disk. */
  function fillDisk(p: CodingProject): void {
    p.db().pragma("wal_checkpoint(TRUNCATE)");
    const pages = p.db().pragma("page_count", { simple: true }) as number;
    p.db().pragma(`max_page_count = ${pages}`);
  }

  it("refuses an edit with a sentence about the disk, and changes nothing", async () => {
    const p = await openProject();
    apply(p, [0, 6]);
    fillDisk(p);
    const before = dataSnapshot(p.db());
    expect(() => apply(p, [10, 20], "x".repeat(99_000), "Lighting")).toThrow(
      'could not save "Apply Lighting": the disk is full. Nothing was changed; ' +
        "free some space and try again.",
    );
    expect(dataSnapshot(p.db())).toBe(before);
    expect(historyState(p.db())).toEqual({ undo: "Apply Safety", redo: null });
  });

  it("refuses an undo the same way, and keeps the history to undo once there is room", async () => {
    const p = await openProject();
    const { segmentId } = apply(p, [0, 6]);
    setMemo(p.db(), { target: { segmentId }, coder: "Anna", text: "y".repeat(90_000) }, NOW);
    const long = dataSnapshot(p.db());
    setMemo(p.db(), { target: { segmentId }, coder: "Anna", text: "short" }, NOW);
    fillDisk(p);
    const before = dataSnapshot(p.db());

    expect(() => undo(p.db())).toThrow(/^could not undo "Memo": the disk is full\. Nothing/);
    expect(dataSnapshot(p.db())).toBe(before);
    expect(historyState(p.db())).toEqual({ undo: "Memo", redo: null });

    p.db().pragma("max_page_count = 1073741823");
    expect(undo(p.db()).label).toBe("Memo");
    expect(dataSnapshot(p.db())).toBe(long);
  });
});
