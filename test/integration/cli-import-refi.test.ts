/**
 * `cairn import-refi`: a project exported as REFI-QDA comes back into a new project with
 * the same answers and passages; a codebook comes into a project's codebook; a file
 * that cannot be read is refused in one line and leaves no project file behind.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { RefiImportJson } from "../../electron/core/cli/refi-output.ts";
import { bundledMigrations } from "../../electron/core/db/migrations.ts";
import { ProjectSession } from "../../electron/core/services/project-session.ts";
import { cairnInProcess as run, cairnJson } from "../helpers/cli.ts";
import { exportProject, type ExportProject } from "../helpers/export-project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { SHARED_REFI } from "../helpers/xmllint.ts";

const tempDir = useTempDir();
let project: ExportProject;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "cairn-cli-import-refi-"));
  project = await exportProject(dir);
  return () => rmSync(dir, { recursive: true, force: true });
}, 60_000);

function read<T>(file: string, sql: string): T[] {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.openFile(file);
  try {
    return session.db().prepare(sql).all() as T[];
  } finally {
    session.close();
  }
}

/** Every answer that has text, as (respondent, question, text), in a stable order. */
function answersOf(file: string) {
  return read<{ rid: string; question: string; text: string }>(
    file,
    `SELECT r.external_id AS rid, q.label AS question, a.text FROM answers a
       JOIN respondents r ON r.id = a.respondent_id JOIN questions q ON q.id = a.question_id
      WHERE a.text <> '' ORDER BY 1, 2`,
  );
}

/** Every segment's coder, code name and coded text. */
function passagesOf(file: string) {
  return read<{ coder: string; code: string; passage: string }>(
    file,
    `SELECT c.name AS coder, k.name AS code, substr(a.text, s.start + 1, s."end" - s.start) AS passage
       FROM segments s JOIN coders c ON c.id = s.coder_id JOIN codes k ON k.id = s.code_id
       JOIN answers a ON a.id = s.answer_id ORDER BY 1, 2, 3`,
  );
}

const oneLine = (stderr: string) => stderr.trim().split("\n");

describe("cairn import-refi of a project", () => {
  it("brings a .qdpx exported by cairn back with the same answers and passages", async () => {
    const qdpx = join(tempDir(), "survey.qdpx");
    await cairnJson("export", project.path, qdpx);
    const copy = join(tempDir(), "copy.cairn");
    const report = await cairnJson<RefiImportJson>("import-refi", copy, qdpx);

    expect(Object.keys(report).sort()).toEqual([
      "answers",
      "codes",
      "kind",
      "memos",
      "origin",
      "path",
      "positions",
      "questions",
      "respondents",
      "segments",
      "users",
      "warnings",
    ]);
    expect(report).toMatchObject({
      path: copy,
      kind: "project",
      respondents: 5,
      questions: 2,
      codes: 6,
    });
    expect(Object.keys(report.positions!).sort()).toEqual([
      "crlf",
      "explanation",
      "on_word_boundaries",
      "selections",
      "unit",
      "widened",
    ]);
    expect(report.positions!.unit).toBe("codepoints");
    expect(answersOf(copy)).toEqual(answersOf(project.path));
    expect(passagesOf(copy)).toEqual(passagesOf(project.path));
    expect(report.segments).toBe(passagesOf(project.path).length);
  });

  it("reads NVivo's UTF-16 positions back to the same passages, and says how it read them", async () => {
    const qdpx = join(tempDir(), "nvivo.qdpx");
    await cairnJson("export", project.path, qdpx, "--positions", "utf16");
    const copy = join(tempDir(), "from-nvivo.cairn");
    const result = await run("import-refi", copy, qdpx);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Imported nvivo\.qdpx into from-nvivo\.cairn/);
    expect(result.stdout).toMatch(/5 respondents, 2 questions, \d+ answers, \d+ segments/);
    expect(result.stdout).toMatch(/\n {2}positions: .*UTF-16/);
    expect(passagesOf(copy)).toEqual(passagesOf(project.path));
  });

  it("imports into an empty project, and refuses one that has answers", async () => {
    const qdpx = join(tempDir(), "survey.qdpx");
    await cairnJson("export", project.path, qdpx);
    const empty = join(tempDir(), "empty.cairn");
    expect((await run("new", empty)).status).toBe(0);
    const report = await cairnJson<RefiImportJson>("import-refi", empty, qdpx);
    expect(report.respondents).toBe(5);

    const again = await run("import-refi", empty, qdpx);
    expect(again.status).toBe(1);
    expect(oneLine(again.stderr)).toEqual([
      "cairn import-refi: empty.cairn already has answers; import a REFI-QDA project into a new file",
    ]);
    expect(answersOf(empty)).toEqual(answersOf(project.path));
  });

  it("refuses a .qdpx that is not a zip in one line, leaving no project behind", async () => {
    const fake = join(tempDir(), "fake.qdpx");
    writeFileSync(fake, "this is not a zip file");
    const target = join(tempDir(), "never.cairn");
    const result = await run("import-refi", target, fake);
    expect(result.status).toBe(1);
    expect(oneLine(result.stderr)).toHaveLength(1);
    expect(result.stderr).toMatch(/^cairn import-refi: /);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(existsSync(target)).toBe(false);
  });

  it("refuses another extension, or a file that is not there", async () => {
    const wrong = await run("import-refi", join(tempDir(), "p.cairn"), "project.nvp");
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/should end in \.qdpx \(a project\) or \.qdc \(a codebook\)/);
    const missing = await run(
      "import-refi",
      join(tempDir(), "p.cairn"),
      join(tempDir(), "gone.qdpx"),
    );
    expect(missing.status).toBe(1);
    expect(oneLine(missing.stderr)).toEqual([
      `cairn import-refi: there is no file ${join(tempDir(), "gone.qdpx")}`,
    ]);
    expect(existsSync(join(tempDir(), "p.cairn"))).toBe(false);
  });
});

describe("cairn import-refi of a codebook", () => {
  it("creates the codes in a new project, then updates them in place", async () => {
    const qdc = join(tempDir(), "codes.qdc");
    await cairnJson("export", project.path, qdc);
    const target = join(tempDir(), "codebook.cairn");
    const report = await cairnJson<RefiImportJson>("import-refi", target, qdc);
    expect(report).toMatchObject({
      path: target,
      kind: "codebook",
      codes: 6,
      respondents: 0,
      answers: 0,
      segments: 0,
      positions: null,
    });
    const names = (file: string) =>
      read<{ name: string; color: string }>(file, "SELECT name, color FROM codes ORDER BY name");
    expect(names(target)).toEqual(names(project.path));

    const again = await run("import-refi", target, qdc);
    expect(again.status).toBe(0);
    expect(again.stdout.trim()).toMatch(
      /^Imported the codebook codes\.qdc into codebook\.cairn.*: 0 created, 0 updated, 6 unchanged$/,
    );
  });

  const atlas = join(SHARED_REFI, "samples", "atlasti23_win_codebook_from_requal_test.qdc");
  it.skipIf(!existsSync(atlas))(
    `imports ATLAS.ti's codebook sample (skipped when ${atlas} is absent)`,
    async () => {
      const target = join(tempDir(), "atlas.cairn");
      const result = await run("import-refi", target, atlas);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(
        /^Imported the codebook atlasti23_win_codebook_from_requal_test\.qdc .*: [1-9]\d* created/,
      );
      for (const line of result.stderr.trim().split("\n").filter(Boolean)) {
        expect(line).toMatch(/^warning: /);
      }
      expect(read(target, "SELECT id FROM codes").length).toBeGreaterThan(0);
    },
  );

  const openqda = join(
    SHARED_REFI,
    "samples",
    "openqda_example_MastodonMoodBoard_NONCONFORMANT.qdc",
  );
  it.skipIf(!existsSync(openqda))(
    "imports the nonconforming codebook sample with a warning, or refuses it in one line",
    async () => {
      const result = await run("import-refi", join(tempDir(), "openqda.cairn"), openqda, "--json");
      expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
      if (result.status === 0) {
        const report = JSON.parse(result.stdout) as RefiImportJson;
        expect(report.kind).toBe("codebook");
        expect(report.warnings.length).toBeGreaterThan(0);
      } else {
        expect(result.status).toBe(1);
        expect(oneLine(result.stderr)).toHaveLength(1);
      }
    },
  );
});
