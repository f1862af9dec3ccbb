/**
 * One writer at a time, across processes, and nothing committed is ever lost: a child
 * process holds a project open and edits it; this process is turned away while it does;
 * when the child is killed outright (SIGKILL, no chance to close anything) the project
 * opens here holding every edit the child reported committed. And closing a project
 * folds everything into the one file.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { integrityProblems } from "../../electron/core/db/integrity.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { addCode, expectRefusal, sampleCore } from "./backup-project.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The child: opens the project in a core, adds codes one by one, reports each, then waits. */
function childScript(path: string, home: string, codes: number): string {
  return `
    import { register } from "tsx/esm/api";
    register();
    const { createCore } = await import("./electron/core/core.ts");
    const core = createCore({ shell: "browser", userDataDir: ${JSON.stringify(home)} });
    core.session.open(${JSON.stringify(path)});
    for (let i = 1; i <= ${codes}; i++) {
      const result = await core.call("codes.create", { path: ["Child " + i] });
      if (!result.ok) throw new Error(result.error.message);
      console.log("committed Child " + i);
    }
    console.log("holding");
    setInterval(() => {}, 60_000);
  `;
}

describe("two processes and one project", () => {
  const tempDir = useTempDir();

  it("a project held by another process is refused here, and after that process is killed it opens with all its committed work", async () => {
    const dir = tempDir();
    const { core, path } = sampleCore(dir);
    core.shutdown();

    const child = spawn(
      process.execPath,
      ["--input-type=module", "-e", childScript(path, join(dir, "child-home"), 5)],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const committed: string[] = [];
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((done) =>
      child.on("exit", (_code, signal) => done(signal)),
    );
    await new Promise<void>((done, fail) => {
      let buffered = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) {
          if (line.startsWith("committed ")) committed.push(line.slice("committed ".length));
          if (line === "holding") done();
        }
      });
      child.on("exit", () => fail(new Error(`the child ended early: ${stderr}`)));
    });

    const session = newSession();
    await expectRefusal(
      () => session.open(path),
      "locked",
      new RegExp(`is open in another Cairn window or process; close it there first$`),
    );

    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    session.open(path);
    try {
      expect(committed).toEqual(["Child 1", "Child 2", "Child 3", "Child 4", "Child 5"]);
      const names = session.db().prepare("SELECT name FROM codes").pluck().all() as string[];
      expect(names).toEqual(expect.arrayContaining(committed));
      expect(integrityProblems(session.db(), "full")).toEqual([]);
    } finally {
      session.close();
    }
  }, 30_000);

  it("closing a project folds its last edit into the file itself: no WAL left to lose", async () => {
    const dir = tempDir();
    const { core, path } = sampleCore(dir);
    await addCode(core, "The last edit");
    core.shutdown();

    const wal = `${path}-wal`;
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    // The file alone, copied elsewhere (as a user copies a project to a USB stick).
    const alone = join(dir, "copied.cairn");
    copyFileSync(path, alone);
    const copy = sampleCopy(alone);
    expect(copy).toContain("The last edit");
  });
});

function sampleCopy(path: string): string[] {
  const session = newSession();
  session.open(path);
  try {
    return session.db().prepare("SELECT name FROM codes").pluck().all() as string[];
  } finally {
    session.close();
  }
}
