import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { applyCode } from "../../electron/core/coding/coding-service.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import type { AnswerId, CodeId, CodeNode, SegmentId } from "../../shared/domain.ts";
import type { ImportMapping } from "../../shared/import/mapping.ts";
import { importFiles } from "./import.ts";
import { newSession } from "./project.ts";
import { useTempDir } from "./temp.ts";

export const NOW = "2026-11-24T09:00:00.000Z";

export const TEXTS = {
  R1: "Safety at night matters most. Also better lighting.",
  R2: "I feel safe 😀 here",
};

const CSV = [
  "id,Country,Q1,Q2",
  `R1,Ireland,"${TEXTS.R1}",More buses`,
  `R2,Malta,${TEXTS.R2},n/a`,
  "R3,Cyprus,n/a,",
].join("\n");

/**
 * The mapping of a CSV "id,Country,Q1,Q2" whose Q1 asks `firstQuestion`; "n/a" is no
 * answer. Other attribute columns ("id,Country,Type,Q1,Q2") and Q2's text can be given.
 */
export function surveyMapping(
  firstQuestion: string,
  more: { readonly attributes?: readonly string[]; readonly secondQuestion?: string } = {},
): ImportMapping {
  return {
    idColumn: "id",
    attributeColumns: [...(more.attributes ?? ["Country"])],
    questions: [
      { column: "Q1", label: "Q1", text: firstQuestion },
      { column: "Q2", label: "Q2", text: more.secondQuestion ?? "Anything else?" },
    ],
    codeColumns: [],
    long: null,
    codeDelimiter: ";",
    codeSeparator: ">",
    nonResponses: ["n/a"],
  };
}

const MAPPING = surveyMapping("What should change?");

export interface CodingProject {
  readonly session: ProjectSession;
  readonly path: string;
  db(): Db;
  /** The answer of respondent `rid` to question `q` ("R1", "Q1"). */
  answer(rid: string, q: string): AnswerId;
  question(q: string): number;
  respondent(rid: string): number;
}

/**
 * Three respondents, two questions, imported the way a user would; no history yet.
 * R1 answered both; R2 answered Q1 (with an emoji) and not Q2 ("n/a"); R3 neither
 * ("n/a", blank).
 */
export function codingProject(dir: string): Promise<CodingProject> {
  return importedSurvey(dir, CSV, MAPPING);
}

/** A new project in `dir` with the survey `csv` (its text) imported by `mapping`. */
export async function importedSurvey(
  dir: string,
  csvText: string,
  mapping: ImportMapping,
): Promise<CodingProject> {
  const csv = join(dir, "survey.csv");
  writeFileSync(csv, csvText);
  const path = join(dir, "survey.cairn");
  const session = newSession();
  session.create(path);
  await importFiles(session, [csv], { mapping });
  const db = () => session.db();
  const id = (sql: string, ...params: string[]) =>
    db()
      .prepare(sql)
      .pluck()
      .get(...params);
  return {
    session,
    path,
    db,
    answer: (rid, q) =>
      id(
        `SELECT a.id FROM answers a JOIN respondents r ON r.id = a.respondent_id
           JOIN questions q ON q.id = a.question_id WHERE r.external_id = ? AND q.label = ?`,
        rid,
        q,
      ) as AnswerId,
    question: (q) => id("SELECT id FROM questions WHERE label = ?", q) as number,
    respondent: (rid) => id("SELECT id FROM respondents WHERE external_id = ?", rid) as number,
  };
}

/**
 * For a test file: `open()` gives a fresh coding project in the test's temporary folder
 * (`tempDir`, when the test also needs the folder), and the project is closed after the test.
 */
export function useCodingProject(
  tempDir: () => string = useTempDir(),
): () => Promise<CodingProject> {
  let project: CodingProject | null = null;
  afterEach(() => {
    project?.session.close();
    project = null;
  });
  return async () => (project = await codingProject(tempDir()));
}

/** The codebook tree as nested names: ["Harm", ["Risk", "Theft"]]. */
export function treeShape(nodes: readonly CodeNode[]): unknown[] {
  return nodes.map((node) =>
    node.children.length ? [node.name, treeShape(node.children)] : node.name,
  );
}

/** Every row of every table but the history's own, in a stable order. */
export function dataSnapshot(db: Db): string {
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema
        WHERE type = 'table' AND name NOT LIKE 'history_%' AND name NOT LIKE 'sqlite_%'
        ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]),
  );
}

export interface SegmentRow {
  id: SegmentId;
  answer_id: AnswerId;
  code_id: CodeId;
  coder_id: number;
  start: number;
  end: number;
  memo: string;
}

export function segmentRows(db: Db): SegmentRow[] {
  return db
    .prepare("SELECT id, answer_id, code_id, coder_id, start, end, memo FROM segments ORDER BY id")
    .all() as SegmentRow[];
}

export function codeIdByName(db: Db, name: string): CodeId {
  const id = db.prepare("SELECT id FROM codes WHERE name = ?").pluck().get(name) as
    CodeId | undefined;
  if (id === undefined) throw new Error(`test: no code "${name}"`);
  return id;
}

export function historySteps(db: Db): { label: string; state: string }[] {
  return db.prepare("SELECT label, state FROM history_steps ORDER BY id").all() as {
    label: string;
    state: string;
  }[];
}

/**
 * A coder (Anna unless named) codes an answer with the code at `path` ("Safety>Risk",
 * created if new): the whole answer, or the span [start, end).
 */
export function codeAnswer(
  p: CodingProject,
  answerId: AnswerId,
  path: string,
  span?: readonly [number, number],
  extra: { readonly coder?: string; readonly memo?: string } = {},
) {
  return applyCode(
    p.db(),
    {
      answerId,
      code: { path: path.split(">") },
      coder: extra.coder ?? "Anna",
      ...(span ? { start: span[0], end: span[1] } : {}),
      ...(extra.memo !== undefined ? { memo: extra.memo } : {}),
    },
    NOW,
  );
}
