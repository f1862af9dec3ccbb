/**
 * For the blind hand-over tests (issue 7): a project Aoife coded through the core, the
 * copy prepared for Ben, Ben coding it in his own Cairn, and dumps to compare.
 */
import Database from "better-sqlite3";
import { join } from "node:path";
import { afterEach } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import type { CoderMergeReport, PreparedCopy } from "../../shared/api/agreement-api.ts";
import type { Result } from "../../shared/api/errors.ts";
import type { ProjectEdit } from "../../shared/domain.ts";
import { codingProject, type CodingProject } from "../helpers/coding-project.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const cores: Core[] = [];

/** For a test file: the temporary folder; every core opened is shut down after each test. */
export function useHandover(): () => string {
  afterEach(() => {
    for (const core of cores.splice(0)) core.shutdown();
  });
  return useTempDir();
}

export type Merged = ProjectEdit & { report: CoderMergeReport };

export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export function openCore(dir: string, path: string, home: string): Core {
  const core = createCore({ shell: "browser", userDataDir: join(dir, home), now: fixedClock });
  core.session.open(path);
  cores.push(core);
  return core;
}

export interface Setup {
  readonly dir: string;
  readonly core: Core;
  readonly made: CodingProject;
  readonly ids: { answer(rid: string, q: string): number; question(q: string): number; r1: number };
}

/** The survey of coding-project.ts, coded by Aoife through the core. */
export async function aoifeCoded(dir: string): Promise<Setup> {
  const made = await codingProject(dir);
  const answers = new Map(
    ["R1", "R2", "R3"].flatMap((rid) =>
      ["Q1", "Q2"].map((q) => [`${rid}/${q}`, made.answer(rid, q) as number] as const),
    ),
  );
  const questions = new Map(["Q1", "Q2"].map((q) => [q, made.question(q)] as const));
  const r1 = made.respondent("R1");
  const ids = {
    answer: (rid: string, q: string) => answers.get(`${rid}/${q}`)!,
    question: (q: string) => questions.get(q)!,
    r1,
  };
  made.session.close();
  const core = openCore(dir, made.path, "aoife-home");
  const call = async (name: string, input: unknown) => value(await core.call(name, input));
  await call("coding.apply", {
    answerId: ids.answer("R1", "Q1"),
    code: { path: ["Safety"] },
    coder: "Aoife",
    start: 0,
    end: 6,
  });
  await call("coding.apply", {
    answerId: ids.answer("R2", "Q1"),
    code: { path: ["Mood", "Positive"] },
    coder: "Aoife",
  });
  await call("coding.setMemo", {
    target: { answerId: ids.answer("R1", "Q1") },
    coder: "Aoife",
    text: "Aoife's private note",
  });
  await call("coding.markDone", { coder: "Aoife", questionId: ids.question("Q1"), done: true });
  return { dir, core, made, ids };
}

export async function prepare(
  setup: Setup,
  name: string,
  input: object = {},
): Promise<PreparedCopy> {
  const path = join(setup.dir, name);
  return value<PreparedCopy>(
    await setup.core.call("coders.prepareCopy", { path, coder: "Ben", ...input }),
  );
}

/** Ben codes his copy in his own Cairn, typing his name as "ben ". */
export async function benCodes(setup: Setup, copyPath: string): Promise<void> {
  const core = openCore(setup.dir, copyPath, "ben-home");
  const call = async (name: string, input: unknown) => value(await core.call(name, input));
  // The copy's answer ids are the project's: VACUUM INTO keeps rowids.
  await call("coding.apply", {
    answerId: setup.ids.answer("R1", "Q1"),
    code: { path: ["Safety"] },
    coder: "ben ",
    start: 0,
    end: 6,
  });
  await call("coding.apply", {
    answerId: setup.ids.answer("R1", "Q1"),
    code: { path: ["Lighting"] },
    coder: "ben ",
    start: 35,
    end: 50,
  });
  await call("coding.setMemo", {
    target: { answerId: setup.ids.answer("R2", "Q1") },
    coder: "ben ",
    text: "Ben wonders about the emoji",
  });
  await call("coding.setMemo", {
    target: { respondentId: setup.ids.r1 },
    coder: "ben ",
    text: "R1 is thorough",
  });
  await call("coding.markDone", {
    coder: "ben ",
    questionId: setup.ids.question("Q1"),
    done: true,
  });
  closeCore(core);
}

/** Aoife's project with Ben's coded copy (ben.cairn) beside it, not merged yet. */
export async function benCodedCopy(dir: string): Promise<{ setup: Setup; copy: PreparedCopy }> {
  const setup = await aoifeCoded(dir);
  const copy = await prepare(setup, "ben.cairn");
  await benCodes(setup, copy.path);
  return { setup, copy };
}

/** Shuts a core down before the test ends (Ben closes his copy before sending it). */
export function closeCore(core: Core): void {
  core.shutdown();
  cores.splice(cores.indexOf(core), 1);
}

export function readFile<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Segments, done marks, memos, codes and coders, by names rather than ids. */
export function dump(core: Core): unknown {
  const db = core.session.db();
  const all = (sql: string) => db.prepare(sql).all();
  return {
    segments: all(
      `SELECT c.name AS coder, r.external_id AS respondent, q.label AS question, k.name AS code,
              s.start, s.end, s.memo
         FROM segments s JOIN coders c ON c.id = s.coder_id JOIN codes k ON k.id = s.code_id
         JOIN answers a ON a.id = s.answer_id JOIN respondents r ON r.id = a.respondent_id
         JOIN questions q ON q.id = a.question_id
        ORDER BY coder, respondent, question, code, s.start`,
    ),
    doneMarks: all(
      `SELECT c.name AS coder, d.question_id, d.answer_id FROM done_marks d
         JOIN coders c ON c.id = d.coder_id ORDER BY coder, d.question_id, d.answer_id`,
    ),
    memos: all(
      `SELECT c.name AS coder, m.answer_id, m.respondent_id, m.text FROM memos m
         LEFT JOIN coders c ON c.id = m.coder_id ORDER BY m.id`,
    ),
    codes: all("SELECT id, parent_id, name, color, description FROM codes ORDER BY id"),
    coders: all("SELECT name FROM coders ORDER BY id"),
  };
}
