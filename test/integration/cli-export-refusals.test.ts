/**
 * `cairn export` refuses what it cannot do in one line, writing nothing: a format it
 * does not know, a flag that means nothing for the format, contradicting flags, names
 * the project does not have, a project that is not there.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cairnInProcess as run } from "../helpers/cli.ts";
import { exportProject, type ExportProject } from "../helpers/export-project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
let project: ExportProject;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-cli-export-refusals-"));
  project = await exportProject(dir);
  return () => rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe("cairn export refuses what it cannot do, in one line", () => {
  const refusals: [string, string[], number, RegExp][] = [
    ["an unknown extension", ["out.pdf"], 2, /\.xlsx, \.csv, \.qdpx or \.qdc/],
    [
      "--sheets on a CSV",
      ["out.csv", "--table", "matrix", "--sheets", "matrix"],
      2,
      /--sheets does not apply to a \.csv/,
    ],
    [
      "--table on a workbook",
      ["out.xlsx", "--table", "matrix"],
      2,
      /--table does not apply to a \.xlsx/,
    ],
    [
      "--positions on a workbook",
      ["out.xlsx", "--positions", "utf16"],
      2,
      /--positions does not apply/,
    ],
    [
      "--positions on a codebook",
      ["out.qdc", "--positions", "utf16"],
      2,
      /--positions does not apply to a \.qdc/,
    ],
    [
      "--coder on a REFI-QDA project",
      ["out.qdpx", "--coder", "Anna"],
      2,
      /--coder does not apply to a \.qdpx/,
    ],
    [
      "a CSV without --table",
      ["out.csv"],
      2,
      /add --table segments\|matrix\|frequencies\|codebook/,
    ],
    [
      "two codings at once",
      ["out.xlsx", "--coder", "Anna", "--consensus"],
      2,
      /one of --coder NAME, --all-coders or --consensus/,
    ],
    [
      "an unknown sheet",
      ["out.xlsx", "--sheets", "segments,pivot"],
      2,
      /--sheets "pivot" is not one of/,
    ],
    [
      "an unknown matrix value",
      ["out.xlsx", "--matrix", "sums"],
      2,
      /--matrix "sums" is not one of presence, counts/,
    ],
    ["an unknown coder", ["out.xlsx", "--coder", "Zoe"], 1, /no coder "Zoe" in .*; coders: /],
    ["an unknown attribute", ["out.xlsx", "--where", "Planet=Mars"], 1, /no attribute "Planet"/],
  ];
  for (const [what, args, status, message] of refusals) {
    it(`refuses ${what}`, async () => {
      const [out, ...flags] = args as [string, ...string[]];
      const path = join(tempDir(), out);
      const result = await run("export", project.path, path, ...flags);
      expect(result.status).toBe(status);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(existsSync(path)).toBe(false);
    });
  }

  it("says so when the project is not there", async () => {
    const result = await run(
      "export",
      join(tempDir(), "missing.cairn"),
      join(tempDir(), "out.xlsx"),
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^cairn export: /);
    expect(result.stderr).not.toMatch(/unexpected error|\n\s+at /);
  });
});
