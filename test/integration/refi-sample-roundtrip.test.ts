/**
 * The sample project (`cairn demo`) exported as .qdpx and imported again, through the core
 * as the app calls it (File › Export…, then File › Import REFI-QDA project…): the file
 * declares every user its selections, codings and notes name, so the import has nothing
 * to warn about, whoever is coding in the app, whatever the clock says, and whatever was
 * exported before it (a workbook once left a shared statement reading rows as arrays:
 * users without names, every coding's user unknown).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../electron/core/cli/project.ts";
import { createCore } from "../../electron/core/core.ts";
import type { ExportReport, RefiImportReport } from "../../shared/api/export-api.ts";
import { coreValue } from "../helpers/core.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { expectValidExport } from "../helpers/xmllint.ts";

const tempDir = useTempDir();

interface Story {
  readonly coder?: string;
  readonly clock?: boolean;
  /** An Excel workbook exported first in the same session (it reads coders its own way). */
  readonly workbookFirst?: boolean;
}

async function exportAndImportAgain(options: Story) {
  const dir = tempDir();
  const sample = createProject(join(dir, "members.cairn"), true);
  const core = createCore({
    shell: "browser",
    userDataDir: join(dir, "home"),
    ...(options.clock === true && { now: fixedClock }),
  });
  try {
    if (options.coder !== undefined) {
      coreValue(await core.call("preferences.set", { coder: options.coder }));
    }
    coreValue(await core.call("project.open", { path: sample }));
    if (options.workbookFirst === true) {
      coreValue(
        await core.call("export.run", {
          format: "xlsx",
          path: join(dir, "members.xlsx"),
          coding: { kind: "all" },
          matrix: "presence",
          matrixColumns: "code",
          wholeAnswer: false,
        }),
      );
    }
    const qdpx = join(dir, "members.qdpx");
    const exported = coreValue<ExportReport>(
      await core.call("export.run", { format: "qdpx", path: qdpx, positions: "codepoints" }),
    );
    await expectValidExport(qdpx);
    const { report } = coreValue<{ report: RefiImportReport }>(
      await core.call("refi.import", { path: qdpx, project: join(dir, "from refi.cairn") }),
    );
    return { exported, report };
  } finally {
    core.shutdown();
  }
}

describe("the sample project through REFI-QDA and back, as the app does it", () => {
  for (const [story, options] of [
    ["with nobody chosen as coder", {}],
    ["coding as one of the project's coders", { coder: "Aoife" }],
    ["coding as someone with no segments", { coder: "Zed" }],
    ["with the app's clock given", { clock: true }],
    ["after an Excel export in the same session", { workbookFirst: true }],
  ] as const satisfies readonly (readonly [string, Story])[]) {
    it(`re-imports with no warnings ${story}`, async () => {
      const { exported, report } = await exportAndImportAgain(options);
      expect(exported.warnings).toEqual([]);
      expect(report.warnings).toEqual([]);
      expect(report.users).toBe(exported.refi?.users);
      expect(report.segments).toBe(exported.refi?.codings);
      expect(report.positions).toMatchObject({ widened: 0 });
      expect(report.positions?.onWordBoundaries).toBe(report.positions?.selections);
    });
  }
});
