/**
 * Review of issue 5's codebook files: files as spreadsheets and European Excel really
 * write them, which the first version misread or refused.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import type { ApiInput, ApiName, ApiOutput } from "../../shared/api/contract.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => {
  core?.shutdown();
  core = null;
});

async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = await core!.call(name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as ApiOutput<N>;
}

async function failure(name: ApiName, input: unknown): Promise<string> {
  const result = await core!.call(name, input as never);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error.message;
}

async function project(): Promise<string> {
  const dir = tempDir();
  core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  await call("project.create", { path: join(dir, "team.cairn") });
  return dir;
}

function codes(): string[] {
  return (
    core!.session.db().prepare("SELECT name, color, description FROM codes ORDER BY id").all() as {
      name: string;
      color: string;
      description: string;
    }[]
  ).map((code) => `${code.name} ${code.color} ${JSON.stringify(code.description)}`);
}

describe("reading codebook files as spreadsheets write them", () => {
  it("reads a two-column file separated by semicolons or tabs", async () => {
    const dir = await project();
    writeFileSync(join(dir, "semi.csv"), "\uFEFFpath;color\nSafety;#aa0000\nTransport;#00aa00\n");
    expect(await call("codebook.import", { path: join(dir, "semi.csv") })).toMatchObject({
      created: 2,
    });
    const utf16 = Buffer.from("\uFEFFpath\tcolor\nWork\t#0000aa\n", "utf16le");
    writeFileSync(join(dir, "tabs.csv"), utf16);
    expect(await call("codebook.import", { path: join(dir, "tabs.csv") })).toMatchObject({
      created: 1,
    });
    expect(codes()).toEqual(['Safety #aa0000 ""', 'Transport #00aa00 ""', 'Work #0000aa ""']);
  });

  it("ignores an empty column without a header (a delimiter at the end of each line)", async () => {
    const dir = await project();
    writeFileSync(
      join(dir, "trailing.csv"),
      "path,color,description,\nSafety,#aa0000,Feeling safe,\n",
    );
    expect(await call("codebook.import", { path: join(dir, "trailing.csv") })).toMatchObject({
      created: 1,
    });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Codes");
    sheet.addRow(["path", "", "color"]);
    sheet.addRow(["Transport", "", "#00aa00"]);
    await workbook.xlsx.writeFile(join(dir, "gap.xlsx"));
    expect(await call("codebook.import", { path: join(dir, "gap.xlsx") })).toMatchObject({
      created: 1,
    });
    expect(codes()).toEqual(['Safety #aa0000 "Feeling safe"', 'Transport #00aa00 ""']);
  });

  it("still refuses a column without a header that holds something", async () => {
    const dir = await project();
    writeFileSync(join(dir, "stray.csv"), "path,,color\nSafety,oops,#aa0000\n");
    expect(await failure("codebook.import", { path: join(dir, "stray.csv") })).toMatch(
      /column 2 has no header but holds "oops" \(row 2\)/,
    );
  });

  it("names a column given twice as such, not as an unknown one", async () => {
    const dir = await project();
    writeFileSync(join(dir, "twice.csv"), "path,description,Description\nA,x,y\n");
    expect(await failure("codebook.import", { path: join(dir, "twice.csv") })).toMatch(
      /twice.csv has the description twice/,
    );
  });

  it("reads line breaks in a description the same from CSV and XLSX", async () => {
    const dir = await project();
    writeFileSync(join(dir, "crlf.csv"), 'path,description\r\nSafety,"one\r\ntwo"\r\n');
    await call("codebook.import", { path: join(dir, "crlf.csv") });
    expect(codes()).toEqual([expect.stringMatching(/^Safety #[0-9a-f]{6} "one\\ntwo"$/)]);
    // Exported to XLSX and read back: nothing to update.
    await call("codebook.export", { path: join(dir, "out.xlsx") });
    expect(await call("codebook.import", { path: join(dir, "out.xlsx") })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
  });
});
