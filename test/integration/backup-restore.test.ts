import { copyFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { RestoreReport } from "../../shared/api/safety-api.ts";
import type { Core } from "../../electron/core/core.ts";
import { coreValue } from "../helpers/core.ts";
import { fileHash } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { addCode, codeNames, expectRefusal, sampleCore } from "./backup-project.ts";

describe("restoring a backup of the open project", () => {
  const tempDir = useTempDir();
  let core: Core | null = null;
  afterEach(() => core?.shutdown());

  it("brings the backup's content back and keeps the state from just before as a backup", async () => {
    const opened = sampleCore(tempDir());
    core = opened.core;
    await addCode(core, "Trust");
    const before = await core.backups.create("manual");
    await addCode(core, "Mistake");
    expect(codeNames(core)).toContain("Mistake");

    const report = coreValue<RestoreReport>(
      await core.call("backup.restore", { backup: before.path }),
    );
    expect(report.restored).toBe(before.path);
    expect(report.summary.path).toBe(opened.path);
    expect(codeNames(core)).toContain("Trust");
    expect(codeNames(core)).not.toContain("Mistake");
    // Nothing is lost: the state with "Mistake" is a backup of its own, listed first.
    const [kept] = core.backups.list().backups;
    expect(kept).toMatchObject({ path: report.keptAs, reason: "before-restore" });
    expect(kept?.counts?.codes).toBe((before.counts?.codes ?? 0) + 1);
    // The project is open and working: the next edit lands in the restored file.
    await addCode(core, "After");
    expect(codeNames(core)).toEqual(expect.arrayContaining(["Trust", "After"]));
  });

  it("refuses a file outside the project's backups folder, or one that is not a Cairn project, changing nothing", async () => {
    const opened = sampleCore(tempDir());
    core = opened.core;
    const backup = await core.backups.create("manual");
    const stray = join(tempDir(), "elsewhere.cairn");
    copyFileSync(backup.path, stray);
    const notProject = join(
      tempDir(),
      "survey.cairn-backups",
      "notes 2026-11-24T09-00-00Z manual.cairn",
    );
    writeFileSync(notProject, "id,answer\n1,yes\n");
    core.session.close();
    const hash = fileHash(opened.path);
    core.session.open(opened.path);

    await expectRefusal(
      core.backups.restore({ backup: stray }),
      "bad_input",
      /is not one of survey\.cairn's backups .*nothing was changed/,
    );
    await expectRefusal(
      core.backups.restore({ backup: notProject }),
      "not_a_project",
      /not a Cairn project/,
    );
    await expectRefusal(
      core.backups.restore({ backup: join(tempDir(), "gone.cairn") }),
      "not_found",
      /does not exist/,
    );
    expect(core.backups.list().backups).toHaveLength(2);
    core.session.close();
    expect(fileHash(opened.path)).toBe(hash);
  });

  it("a backup made under another password needs that password; a wrong one changes nothing", async () => {
    const opened = sampleCore(tempDir());
    core = opened.core;
    coreValue(await core.call("project.setPassword", { password: "first secret" }));
    await addCode(core, "Under the first");
    const old = await core.backups.create("manual");
    coreValue(
      await core.call("project.setPassword", {
        current: "first secret",
        password: "second secret",
      }),
    );
    await addCode(core, "Under the second");
    expect(core.backups.list().backups.find((b) => b.path === old.path)?.encrypted).toBe(false);

    await expectRefusal(core.backups.restore({ backup: old.path }), "wrong_password", /not right/);
    await expectRefusal(
      core.backups.restore({ backup: old.path, password: "guess" }),
      "wrong_password",
      /not right/,
    );
    expect(codeNames(core)).toContain("Under the second");
    expect(core.backups.list().backups).toHaveLength(1);

    const report = await core.backups.restore({ backup: old.path, password: "first secret" });
    expect(report.summary.encrypted).toBe(true);
    expect(codeNames(core)).not.toContain("Under the second");
    expect(core.session.password()).toBe("first secret");
  });
});
