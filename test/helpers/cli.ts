import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BIN = fileURLToPath(new URL("../../bin/cairn.mjs", import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `cairn` command in a child process, as a user's shell would. */
export function cairn(args: readonly string[], home: string): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, CAIRN_HOME: home },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
