/**
 * File › Import REFI-QDA project… through the core, as the app calls it (`refi.import`):
 * the import makes a new project file and opens it; a file that cannot be imported leaves
 * the project that was open open and unchanged, and no new file behind.
 */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { createProject } from "../../electron/core/cli/project.ts";
import { createCore, type Core } from "../../electron/core/core.ts";
import type * as Writer from "../../electron/core/refi/import/writer.ts";
import { CairnError } from "../../shared/api/errors.ts";
import type { ExportReport, RefiImportReport } from "../../shared/api/export-api.ts";
import type { ProjectSummary } from "../../shared/domain.ts";
import { coreValue } from "../helpers/core.ts";
import { fileHash, fixedClock, snapshot } from "../helpers/project.ts";
import { rawZip } from "../helpers/raw-zip.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

/** Set by a test: the import's writing fails halfway, as when the disk fills up. */
const failure = vi.hoisted(() => ({ diskFull: false }));
vi.mock("../../electron/core/refi/import/writer.ts", async (original) => {
  const real = await original<typeof Writer>();
  return {
    ...real,
    writePlan: (...args: Parameters<typeof real.writePlan>) => {
      const counts = real.writePlan(...args);
      if (failure.diskFull) throw new CairnError("io", "database or disk is full");
      return counts;
    },
  };
});

/** The app with the sample project open. */
function appWithSample(dir: string): { core: Core; sample: string } {
  const sample = createProject(join(dir, "members.cairn"), true);
  const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  core.session.open(sample);
  return { core, sample };
}

/** The open sample project exported as members.qdpx: a file to import. */
async function exportedSample(core: Core, dir: string): Promise<string> {
  const qdpx = join(dir, "members.qdpx");
  coreValue<ExportReport>(
    await core.call("export.run", { format: "qdpx", path: qdpx, positions: "codepoints" }),
  );
  return qdpx;
}

/** A refused import: no new file (nor its WAL), the project open before open and unchanged. */
function expectLeftAsItWas(
  core: Core,
  { sample, before, target }: { sample: string; before: string; target: string },
): void {
  expect(existsSync(target)).toBe(false);
  expect(existsSync(`${target}-wal`)).toBe(false);
  expect(core.session.currentSummary()?.path).toBe(sample);
  expect(snapshot(core.session.db())).toBe(before);
}

async function refusal(core: Core, input: { path: string; project: string }) {
  const result = await core.call("refi.import", input);
  if (result.ok) throw new Error("refi.import should have been refused");
  return result.error;
}

describe("importing a REFI-QDA project from the app", () => {
  it("opens the new project it made, the one open before closed untouched", async () => {
    const dir = tempDir();
    const { core, sample } = appWithSample(dir);
    try {
      const qdpx = await exportedSample(core, dir);
      const before = fileHash(sample);
      const target = join(dir, "from refi.cairn");
      const { report, summary } = coreValue<{
        report: RefiImportReport;
        summary: ProjectSummary;
      }>(await core.call("refi.import", { path: qdpx, project: target }));
      expect(summary.path).toBe(target);
      expect(core.session.currentSummary()?.path).toBe(target);
      expect(summary.respondents).toBe(report.respondents);
      expect(report.segments).toBeGreaterThan(0);
      core.session.close();
      expect(fileHash(sample)).toBe(before);
    } finally {
      core.shutdown();
    }
  });

  it("a file that is not a .qdpx leaves the open project open and unchanged, and no new file", async () => {
    const dir = tempDir();
    const { core, sample } = appWithSample(dir);
    try {
      const before = snapshot(core.session.db());
      const broken = join(dir, "broken.qdpx");
      writeFileSync(broken, rawZip([{ name: "project.qde", data: "<Project><Sources>" }]));
      const target = join(dir, "from refi.cairn");
      const error = await refusal(core, { path: broken, project: target });
      expect(error.code).toBe("bad_input");
      expect(error.message).toMatch(/broken\.qdpx .*not well-formed XML/);
      expectLeftAsItWas(core, { sample, before, target });
    } finally {
      core.shutdown();
    }
  });

  it("a write that fails halfway removes the new file and reopens the project open before", async () => {
    const dir = tempDir();
    const { core, sample } = appWithSample(dir);
    try {
      const qdpx = await exportedSample(core, dir);
      const before = snapshot(core.session.db());
      const target = join(dir, "from refi.cairn");
      failure.diskFull = true;
      const error = await refusal(core, { path: qdpx, project: target });
      expect(error.message).toMatch(/disk is full/);
      expectLeftAsItWas(core, { sample, before, target });
    } finally {
      failure.diskFull = false;
      core.shutdown();
    }
  });

  it("a .qdpx that is missing leaves everything as it was", async () => {
    const dir = tempDir();
    const { core, sample } = appWithSample(dir);
    try {
      const target = join(dir, "from refi.cairn");
      const error = await refusal(core, { path: join(dir, "gone.qdpx"), project: target });
      expect(error.code).toBe("not_found");
      expect(existsSync(target)).toBe(false);
      expect(core.session.currentSummary()?.path).toBe(sample);
    } finally {
      core.shutdown();
    }
  });

  it("refuses a new project's name that is taken, and leaves that file alone", async () => {
    const dir = tempDir();
    const { core, sample } = appWithSample(dir);
    try {
      const qdpx = await exportedSample(core, dir);
      const taken = join(dir, "taken.cairn");
      writeFileSync(taken, "someone's file");
      const takenBefore = fileHash(taken);
      const error = await refusal(core, { path: qdpx, project: taken });
      expect(error.code).toBe("bad_input");
      expect(error.message).toMatch(/taken\.cairn already exists; choose a new file name/);
      expect(fileHash(taken)).toBe(takenBefore);
      expect(core.session.currentSummary()?.path).toBe(sample);
      // Not even the open project itself.
      const again = await refusal(core, { path: qdpx, project: sample });
      expect(again.message).toMatch(/already exists/);
      expect(core.session.currentSummary()?.path).toBe(sample);
    } finally {
      core.shutdown();
    }
  });
});
