/**
 * The process the crash harness kills: the real core on a project file, doing actions
 * `from` to `to` of a seed's mix. It prints "begin k" before action k and "done k <code>"
 * once its commit has returned (stdout to a pipe is synchronous in Node, so a "done" the
 * parent reads is a commit that happened). Bundled once per run (runner.ts).
 *
 * Usage: node child.mjs '{"project":..., "home":..., "seed":1, "from":0, "to":40, "files":{...}}'
 */
import { createCore } from "../../../electron/core/core.ts";
import { fixedClock } from "../project.ts";
import { runAction } from "./actions.ts";
import type { CrashFiles } from "./fixtures.ts";

interface ChildArgs {
  readonly project: string;
  readonly home: string;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  readonly files: CrashFiles;
}

async function main(args: ChildArgs): Promise<void> {
  const loaded = performance.now();
  const core = createCore({ shell: "browser", userDataDir: args.home, now: fixedClock });
  core.session.openFile(args.project);
  // Milliseconds since the process started: loading the bundle, then opening the project.
  process.stdout.write(
    `open ${Math.round(loaded)} ${Math.round(performance.now())} cpu ${Math.round(process.cpuUsage().user / 1000)}\n`,
  );
  for (let k = args.from; k < args.to; k++) {
    process.stdout.write(`begin ${k}\n`);
    const { result } = await runAction(core, args.seed, k, args.files);
    process.stdout.write(`done ${k} ${result.ok ? "ok" : result.error.code}\n`);
  }
  core.shutdown();
  process.stdout.write("end\n");
}

main(JSON.parse(process.argv[2] ?? "{}") as ChildArgs).catch((error: unknown) => {
  process.stderr.write(`crash child: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
