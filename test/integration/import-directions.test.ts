import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layering of DESIGN.md, as lint errors: a wrong import fails `npm test`.
async function lintAs(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === "no-restricted-imports")
    .map((m) => m.message);
}

describe("import directions", () => {
  it("shared/ may not touch Node, the DOM libraries, the core or the renderer", async () => {
    expect(
      await lintAs("shared/x.ts", 'import { readFileSync } from "node:fs";\nreadFileSync;\n'),
    ).not.toEqual([]);
    expect(await lintAs("shared/x.ts", 'import "../electron/core/core.ts";\n')).not.toEqual([]);
    expect(await lintAs("shared/x.ts", 'import "../renderer/src/main.tsx";\n')).not.toEqual([]);
    expect(await lintAs("shared/x.ts", 'import { z } from "zod";\nz;\n')).toEqual([]);
  });

  it("the core never imports electron or the renderer", async () => {
    expect(await lintAs("electron/core/x.ts", 'import "../main.ts";\n')).not.toEqual([]);
    expect(
      await lintAs("electron/core/http/x.ts", 'import "../../window-security.ts";\n'),
    ).not.toEqual([]);
    expect(
      await lintAs("electron/core/x.ts", 'import { app } from "electron";\napp;\n'),
    ).not.toEqual([]);
    expect(
      await lintAs("electron/core/x.ts", 'import "../../renderer/src/main.tsx";\n'),
    ).not.toEqual([]);
    expect(await lintAs("electron/core/x.ts", 'import "../../shared/domain.ts";\n')).toEqual([]);
  });

  it("the renderer reaches the core only through the API", async () => {
    expect(
      await lintAs("renderer/src/x.ts", 'import "../../electron/core/db/codes.ts";\n'),
    ).not.toEqual([]);
    expect(
      await lintAs("renderer/src/x.ts", 'import { readFileSync } from "node:fs";\nreadFileSync;\n'),
    ).not.toEqual([]);
    expect(await lintAs("renderer/src/x.ts", 'import "../../shared/domain.ts";\n')).toEqual([]);
  });
});
