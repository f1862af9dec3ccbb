/**
 * The kept tallies (tally/tally-counts.ts, the answer figures in tally-service.ts) never
 * show figures older than the project, whatever changed it: every kind of edit the app
 * makes through the API and its undo and redo, an import of more answers, and a write
 * from another connection to the same file.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Tally, TallyScope } from "../../shared/api/tally-api.ts";
import type { CoderId, QuestionId } from "../../shared/domain.ts";
import type { Core } from "../../electron/core/core.ts";
import { tallyOf } from "../../electron/core/tally/tally-service.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { importFiles } from "../helpers/import.ts";
import { useTempDir } from "../helpers/temp.ts";
import { codedSurvey } from "./tally-survey.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();

async function coreOnSurvey(): Promise<Core> {
  const p = await codedSurvey(tempDir());
  p.session.close();
  return openCore(tempDir(), p.path);
}

function id(core: Core, sql: string, ...params: unknown[]): number {
  return core.session
    .db()
    .prepare(sql)
    .pluck()
    .get(...params) as number;
}

/** The scopes a panel asks for: each question and all, each coder and all, filtered or not. */
function scopes(core: Core): TallyScope[] {
  const questions = (
    core.session.db().prepare("SELECT id FROM questions").pluck().all() as QuestionId[]
  ).map((questionId) => ({ questionId }));
  const coders = (
    core.session.db().prepare("SELECT id FROM coders").pluck().all() as CoderId[]
  ).map((coderId) => ({ coderId }));
  const filters = [{}, { attributes: [{ name: "Country", values: ["Ireland", "Malta"] }] }];
  return [{}, ...questions].flatMap((question) =>
    [{}, ...coders].flatMap((coder) =>
      filters.map((filter) => ({ ...question, ...coder, ...filter })),
    ),
  );
}

/** Every scope through the API (kept figures) equals a count from scratch. */
async function expectFresh(core: Core, after: string): Promise<void> {
  for (const scope of scopes(core)) {
    const kept = coreValue<Tally>(await core.call("tally.get", scope));
    const fresh = tallyOf(core.session.db(), scope, { fresh: true });
    expect(kept, `${after}: ${JSON.stringify(scope)}`).toEqual(fresh);
  }
}

/** An edit, then its undo and its redo, the kept figures checked after each. */
async function editUndoRedo(core: Core, name: string, input: unknown): Promise<void> {
  coreValue(await core.call(name, input));
  await expectFresh(core, name);
  coreValue(await core.call("history.undo", {}));
  await expectFresh(core, `undo of ${name}`);
  coreValue(await core.call("history.redo", {}));
  await expectFresh(core, `redo of ${name}`);
}

describe("kept tallies after edits through the API", () => {
  it("follow a codebook import, auto-coding, statuses, codebook changes and their undo", async () => {
    const core = await coreOnSurvey();
    await expectFresh(core, "opening");
    const codebook = join(tempDir(), "codebook.csv");
    writeFileSync(codebook, "path,color\nSafety > Risk > Night,#112233\nAccess,#445566\n");
    await editUndoRedo(core, "codebook.import", { path: codebook });
    await editUndoRedo(core, "autocode.apply", {
      query: "partners",
      code: { path: ["Access"] },
      coder: "Cleo",
    });
    const r6q1 = id(
      core,
      `SELECT a.id FROM answers a JOIN respondents r ON r.id = a.respondent_id
        WHERE r.external_id = 'R6' AND a.question_id = (SELECT id FROM questions WHERE label = 'Q1')`,
    );
    await editUndoRedo(core, "answers.setStatus", { answerId: r6q1, status: "non_response" });
    const code = (name: string) => id(core, "SELECT id FROM codes WHERE name = ?", name);
    await editUndoRedo(core, "codes.move", {
      codeId: code("Funding"),
      parentId: code("Safety"),
      position: 0,
    });
    await editUndoRedo(core, "codes.merge", {
      sourceIds: [code("Support")],
      targetId: code("Risk"),
    });
    await editUndoRedo(core, "codes.rename", { codeId: code("Funding"), name: "Money" });
    await editUndoRedo(core, "codes.delete", { codeId: code("Safety") });
    await editUndoRedo(core, "populations.set", { overall: 45, attributes: [] });
  });

  it("follow an import of more respondents, answers and a new question", async () => {
    const core = await coreOnSurvey();
    await expectFresh(core, "opening");
    const csv = join(tempDir(), "more.csv");
    writeFileSync(
      csv,
      ["id,Country,Type,Q3", "R7,Ireland,NGO,Partners matter", "R8,Malta,Gov,n/a"].join("\n"),
    );
    await importFiles(core.session, [csv], {
      mapping: {
        idColumn: "id",
        attributeColumns: ["Country", "Type"],
        questions: [{ column: "Q3", label: "Q3", text: "Anything else?" }],
        codeColumns: [],
        nonResponses: ["n/a"],
      },
    });
    await expectFresh(core, "import");
    const tally = coreValue<Tally>(await core.call("tally.get", {}));
    expect([tally.respondents, tally.questions.map((q) => q.label)]).toEqual([
      8,
      ["Q1", "Q2", "Q3"],
    ]);
  });

  it("cannot miss another connection's write: none is let in, and a reopened file counts afresh", async () => {
    const core = await coreOnSurvey();
    await expectFresh(core, "opening");
    const path = core.session.db().name;
    // The open project holds SQLite's exclusive lock: another connection cannot even read,
    // so the triggers on this one see every write while it is open.
    const peek = new Database(path, { timeout: 0 });
    try {
      expect(() => peek.prepare("SELECT count(*) FROM segments").get()).toThrow(/locked/);
    } finally {
      peek.close();
    }

    coreValue(await core.call("project.close", {}));
    const other = new Database(path);
    try {
      other
        .prepare(
          `INSERT INTO segments (answer_id, code_id, coder_id, start, end, created_at)
           SELECT a.id, (SELECT id FROM codes WHERE name = 'Funding'), 1, 0, 2, 'now'
             FROM answers a WHERE a.status = 'answered'`,
        )
        .run();
      other.prepare("UPDATE answers SET status = 'non_response' WHERE id = 1").run();
    } finally {
      other.close();
    }
    coreValue(await core.call("project.open", { path }));
    await expectFresh(core, "reopening after another program's write");
  });
});
