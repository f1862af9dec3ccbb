import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeTree } from "../../electron/core/db/codes.ts";
import type { CodeNode } from "../../shared/domain.ts";
import { cairn, cairnInProcess } from "../helpers/cli.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const run = cairnInProcess;

function projectWithCodes(dir: string, name: string, paths: string[][]): string {
  const file = join(dir, name);
  const session = newSession();
  session.create(file);
  const insert = session
    .db()
    .prepare("INSERT INTO codes (parent_id, name, color, position) VALUES (?, ?, '#1f77b4', ?)");
  for (const path of paths) {
    let parent: number | null = null;
    for (const level of path) {
      const found = session
        .db()
        .prepare("SELECT id FROM codes WHERE name = ? AND parent_id IS ?")
        .pluck()
        .get(level, parent) as number | undefined;
      parent = found ?? Number(insert.run(parent, level, 0).lastInsertRowid);
    }
  }
  session.close();
  return file;
}

function treeOf(file: string): unknown {
  const session = newSession();
  session.openFile(file);
  try {
    const strip = (nodes: readonly CodeNode[]): unknown[] =>
      nodes.map((node) => [node.name, node.color, strip(node.children)]);
    return strip(codeTree(session.db()));
  } finally {
    session.close();
  }
}

describe("cairn codebook", () => {
  it("exports a codebook and imports it into another project", async () => {
    const dir = tempDir();
    const from = projectWithCodes(dir, "from.cairn", [["Safety", "Night"], ["Transport"]]);
    const to = projectWithCodes(dir, "to.cairn", [["Transport"]]);
    const out = join(dir, "codebook.xlsx");

    const exported = await run("codebook", "export", from, out, "--json");
    expect(exported.stderr).toBe("");
    expect(JSON.parse(exported.stdout)).toEqual({ path: out, codes: 3 });

    const imported = await run("codebook", "import", to, out, "--json");
    expect(JSON.parse(imported.stdout)).toEqual({ created: 2, updated: 0, unchanged: 1 });
    // Transport was there first and stays first; the new codes come after it.
    expect(treeOf(to)).toEqual([
      ["Transport", "#1f77b4", []],
      ["Safety", "#1f77b4", [["Night", "#1f77b4", []]]],
    ]);
  });

  it("says what it did without --json, through the real binary", () => {
    const dir = tempDir();
    const from = projectWithCodes(dir, "from.cairn", [["Safety"]]);
    const out = join(dir, "codebook.csv");
    const result = cairn(["codebook", "export", from, out], dir);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`wrote 1 codes to ${out}\n`);
    expect(readFileSync(out, "utf8")).toContain("Safety,#1f77b4");
  });

  it("refuses other sub-commands and extensions as usage mistakes", async () => {
    const dir = tempDir();
    const file = projectWithCodes(dir, "p.cairn", []);
    expect((await run("codebook", "merge", file, join(dir, "c.csv"))).status).toBe(2);
    expect((await run("codebook", "export", file, join(dir, "c.json"))).status).toBe(2);
    expect((await run("codebook", "import", file)).status).toBe(2);
    const bad = await run("codebook", "import", file, join(dir, "missing.csv"));
    expect(bad.status).toBe(1);
  });
});
