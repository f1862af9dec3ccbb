/**
 * Helpers for the disk-full and read-only tests: a real small disk (tmpfs, when this
 * process may mount one), the core in a child process driven call by call, and the
 * checks on a project after the storage failed under it.
 */
import { execFileSync, spawn, type SpawnOptions } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Result } from "../../../shared/api/errors.ts";
import { APP_ROOT, type ChildBundles } from "./bundle.ts";

/** Mounts a tmpfs of `size` at `path`; the reason it cannot, or null when it did. */
export function mountSmallDisk(path: string, size: string): string | null {
  if (process.platform !== "linux") return "a tmpfs needs Linux";
  if (process.getuid?.() !== 0) return "mounting a tmpfs needs root";
  mkdirSync(path, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", path], { stdio: "pipe" });
    return null;
  } catch (error) {
    return `mount -t tmpfs was refused: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`;
  }
}

export function unmount(path: string): void {
  execFileSync("umount", [path], { stdio: "pipe" });
}

export interface CoreChild {
  /** The child's answer to opening the project. */
  readonly opened: Promise<Result<unknown>>;
  call(name: string, input: unknown): Promise<Result<unknown>>;
  /** Closes stdin: the child shuts the core down and exits; its last answer and exit code. */
  quit(): Promise<{ closed: Result<unknown> | null; exitCode: number | null; stderr: string }>;
}

/**
 * Starts the core in a child (core-child.ts) on `project`. `shell` wraps the command
 * (a `ulimit` in bash); `env` and `options` reach the child (LD_PRELOAD, a uid).
 */
export function startCoreChild(
  bundles: ChildBundles,
  args: { project: string; home: string },
  launch: { shell?: string; env?: NodeJS.ProcessEnv; options?: SpawnOptions } = {},
): CoreChild {
  const command = [process.execPath, bundles.loader, bundles.core, JSON.stringify(args)];
  const [file, argv] = launch.shell
    ? ["bash", ["-c", `${launch.shell}; exec "$@"`, "bash", ...command]]
    : [command[0] as string, command.slice(1)];
  const child = spawn(file, argv, {
    ...launch.options,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, CAIRN_APP_ROOT: APP_ROOT, ...launch.env },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: ((result: Result<unknown>) => void)[] = [];
  const extra: Result<unknown>[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    const result = JSON.parse(line) as Result<unknown>;
    const next = waiting.shift();
    if (next) next(result);
    else extra.push(result);
  });
  const nextAnswer = () =>
    new Promise<Result<unknown>>((resolve) => {
      const ready = extra.shift();
      if (ready) resolve(ready);
      else waiting.push(resolve);
    });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  // A child that dies without answering (it could not even start) must not hang a test.
  void exited.then((code) => {
    const failure = {
      ok: false as const,
      error: { code: "internal" as const, message: `child exited (${code}): ${stderr.trim()}` },
    };
    for (const next of waiting.splice(0)) next(failure);
  });
  return {
    opened: nextAnswer(),
    call: (name, input) => {
      child.stdin!.write(JSON.stringify({ name, input }) + "\n");
      return nextAnswer();
    },
    quit: async () => {
      child.stdin!.end();
      const exitCode = await exited;
      return { closed: extra.shift() ?? null, exitCode, stderr };
    },
  };
}
