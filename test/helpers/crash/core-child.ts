/**
 * The core in a child process, driven over a pipe: each stdin line is a JSON call
 * `{"name": "coding.apply", "input": {...}}`, each stdout line the JSON result. The disk
 * and read-only tests run it under a file-size limit or a failing-write shim, where the
 * test process itself must not be.
 *
 * Usage: node core.mjs '{"project": ..., "home": ...}'
 */
import { createInterface } from "node:readline";
import { createCore } from "../../../electron/core/core.ts";
import { fixedClock } from "../project.ts";

const args = JSON.parse(process.argv[2] ?? "{}") as { project: string; home: string };
const core = createCore({ shell: "browser", userDataDir: args.home, now: fixedClock });

function answer(value: unknown): void {
  process.stdout.write(JSON.stringify(value) + "\n");
}

try {
  core.session.openFile(args.project);
  answer({ ok: true, value: "open" });
} catch (error) {
  const { code = "internal", message = String(error) } = error as {
    code?: string;
    message?: string;
  };
  answer({ ok: false, error: { code, message } });
}

let queue = Promise.resolve();
createInterface({ input: process.stdin }).on("line", (line) => {
  const { name, input } = JSON.parse(line) as { name: string; input: unknown };
  queue = queue.then(async () => answer(await core.call(name, input)));
});
process.stdin.on("end", () => {
  void queue.then(() => {
    try {
      core.shutdown();
      answer({ ok: true, value: "closed" });
    } catch (error) {
      answer({ ok: false, error: { code: "internal", message: String(error) } });
    }
  });
});
