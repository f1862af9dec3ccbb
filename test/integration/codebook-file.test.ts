import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import { setCodeDetails } from "../../electron/core/db/codebook-file.ts";
import type { ApiInput, ApiName, ApiOutput } from "../../shared/api/contract.ts";
import type { CodeId, CodeNode } from "../../shared/domain.ts";
import { dataSnapshot } from "../helpers/coding-project.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => core?.shutdown());
const FIXTURES = fileURLToPath(new URL("../fixtures/codebook/", import.meta.url));

async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = await core!.call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ApiOutput<N>;
}

async function failure(name: ApiName, input: unknown): Promise<{ code: string; message: string }> {
  const result = await core!.call(name, input as never);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

function startCore(): string {
  const dir = tempDir();
  core ??= createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  return dir;
}

/** A team's codebook: a category with two codes, descriptions with commas, quotes, lines. */
async function teamCodebook(): Promise<string> {
  const dir = startCore();
  await call("project.create", { path: join(dir, "team.cairn") });
  await call("codes.create", { path: ["Safety", "At night"], color: "#1f77b4" });
  await call("codes.create", { path: ["Safety", "Éclairage"] });
  await call("codes.create", { path: ["Transport"], color: "#FF7F0E" });
  const id = (name: string) =>
    core!.session.db().prepare("SELECT id FROM codes WHERE name = ?").pluck().get(name) as CodeId;
  const db = core!.session.db();
  setCodeDetails(db, id("Safety"), {
    color: "#2ca02c",
    description: 'Feeling safe, or "not"',
    whenToUse: "Any mention of safety\nincluding at home",
    whenNotToUse: "Road safety: use Transport",
    example: "I feel safe here",
  });
  setCodeDetails(db, id("Transport"), {
    color: "#ff7f0e",
    description: "=1+1",
    whenToUse: "",
    whenNotToUse: "",
    example: "",
  });
  return dir;
}

/** The tree without ids: what must survive a round trip. */
function shape(nodes: readonly CodeNode[]): unknown[] {
  return nodes.map(({ id: _id, children, ...node }) => ({ ...node, children: shape(children) }));
}

describe("a codebook shared as a file", () => {
  it("is written as UTF-8 CSV with a BOM, one quoted row per code, parents first, no formula", async () => {
    const dir = await teamCodebook();
    const out = join(dir, "codebook.csv");
    expect(await call("codebook.export", { path: out })).toEqual({ path: out, codes: 4 });
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).split("\r\n")).toEqual([
      "path,color,description,when to use,when not to use,example",
      `Safety,#2ca02c,"Feeling safe, or ""not""","Any mention of safety\nincluding at home",Road safety: use Transport,I feel safe here`,
      "Safety > At night,#1f77b4,,,,",
      expect.stringMatching(/^Safety > Éclairage,#[0-9a-f]{6},,,,$/),
      // A spreadsheet would run "=1+1"; the apostrophe keeps it text (and import drops it).
      "Transport,#ff7f0e,'=1+1,,,",
      "",
    ]);
  });

  it("comes back as the same tree in a fresh project, from CSV and from XLSX", async () => {
    const dir = await teamCodebook();
    const original = shape(await call("codes.tree", {}));
    for (const format of ["csv", "xlsx"] as const) {
      const file = join(dir, `codebook.${format}`);
      await call("project.open", { path: join(dir, "team.cairn") });
      await call("codebook.export", { path: file });
      await call("project.create", { path: join(dir, `fresh-${format}.cairn`) });
      const report = await call("codebook.import", { path: file });
      expect(report).toMatchObject({ created: 4, updated: 0, unchanged: 0, codebookChanged: true });
      expect(shape(await call("codes.tree", {}))).toEqual(original);
    }
  });

  it("writes XLSX with a bold frozen header and every cell as text, formulas included", async () => {
    const dir = await teamCodebook();
    const file = join(dir, "codebook.xlsx");
    await call("codebook.export", { path: file });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("path");
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const formula = sheet.getRow(5).getCell(3);
    expect(formula.type).toBe(ExcelJS.ValueType.String);
    expect(formula.value).toBe("=1+1");
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);
  });

  it("updates the codes a project has and adds the rest, from a semicolon file", async () => {
    await teamCodebook();
    const report = await call("codebook.import", {
      path: join(FIXTURES, "semicolon-team.csv"),
    });
    // "safety" is Safety (case aside): new colour and description; its other fields stay.
    expect(report).toMatchObject({ created: 0, updated: 3, unchanged: 0 });
    const [safety] = await call("codes.tree", {});
    expect(safety).toMatchObject({
      name: "Safety",
      color: "#00aa11",
      description: "Feeling safe; or not",
      whenToUse: "Any mention of safety\nincluding at home",
    });
    expect(safety?.children[0]).toMatchObject({
      name: "At night",
      color: "#1f77b4",
      description: 'After dark, "outside"',
    });
    // Transport's description column is present and blank: it is cleared.
    const transport = (await call("codes.tree", {}))[1];
    expect(transport).toMatchObject({ name: "Transport", description: "" });
  });

  it("is one step that undo takes back whole", async () => {
    const dir = await teamCodebook();
    const before = shape(await call("codes.tree", {}));
    const file = join(dir, "more.csv");
    writeFileSync(file, "path,color\nSafety,#000000\nWork > Pay,\nWork > Hours,#123456\n");
    const report = await call("codebook.import", { path: file });
    expect(report).toMatchObject({ created: 3, updated: 1, unchanged: 0 });
    expect(report.history.undo).toBe("Import codebook");
    await call("history.undo", {});
    expect(shape(await call("codes.tree", {}))).toEqual(before);
  });

  it("read back into the project it came from changes nothing and adds no undo step", async () => {
    const dir = await teamCodebook();
    const file = join(dir, "same.xlsx");
    await call("codebook.export", { path: file });
    const before = dataSnapshot(core!.session.db());
    const report = await call("codebook.import", { path: file });
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 4, codebookChanged: false });
    expect(report.history.undo).toBe("Create code Transport");
    expect(dataSnapshot(core!.session.db())).toBe(before);
  });

  const BAD_FILES: [string, string, RegExp][] = [
    ["an unknown column", "path,colour,notes\nA,,x\n", /column "notes".*"path", "color"/],
    ["a bad colour", "path,color\nA,#123\nB,red\n", /row 2: the colour "#123"/],
    ["a duplicate path", "path\nA > B\nC\na >  b\n", /row 4: "a > b" is already on row 2/],
    ["an empty level", "path\nA\nA > > B\n", /row 3: "A > > B" has an empty level 2/],
    ["a long name", `path\n${"x".repeat(201)}\n`, /row 2: .*at most 200 characters/],
    ["no path column", "color,description\n#000000,x\n", /no "path" column/],
    ["a path missing in a row", "path,description\nA,\n,orphan\n", /row 3: the path is empty/],
  ];
  for (const [problem, csv, message] of BAD_FILES) {
    it(`with ${problem} is refused with one message, changing nothing`, async () => {
      const dir = await teamCodebook();
      const file = join(dir, "bad.csv");
      writeFileSync(file, csv);
      const before = dataSnapshot(core!.session.db());
      const error = await failure("codebook.import", { path: file });
      expect(error.code).toBe("bad_input");
      expect(error.message).toMatch(message);
      expect(dataSnapshot(core!.session.db())).toBe(before);
    });
  }

  it("refuses a file that is neither CSV nor XLSX", async () => {
    const dir = await teamCodebook();
    const error = await failure("codebook.export", { path: join(dir, "codebook.pdf") });
    expect(error).toMatchObject({
      code: "bad_input",
      message: expect.stringMatching(/\.csv or \.xlsx/),
    });
    const written = await call("codebook.export", {
      path: join(dir, "codebook.txt"),
      format: "csv",
    });
    expect(written.codes).toBe(4);
  });

  it("says a missing folder is missing, naming the file the user chose", async () => {
    const dir = await teamCodebook();
    const path = join(dir, "no such folder", "codebook.csv");
    expect(await failure("codebook.export", { path })).toEqual({
      code: "bad_input",
      message: `cannot write ${path}: its folder does not exist`,
    });
  });
});
