import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { runCli } from "../../electron/core/cli/main.ts";
import type { Output } from "../../electron/core/cli/output.ts";

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

/** `cairn ...` run in this process (the code the binary runs), its output captured. */
export async function cairnInProcess(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const output: Output = {
    out: (line) => out.push(line + "\n"),
    err: (line) => err.push(line + "\n"),
  };
  const status = await runCli(args, output);
  return { status, stdout: out.join(""), stderr: err.join("") };
}

/** `cairn ... --json` run in this process, expected to succeed quietly; its output parsed. */
export async function cairnJson<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const result = await cairnInProcess(...args, "--json");
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as T;
}
