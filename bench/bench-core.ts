/**
 * What the core benchmarks share: a copy of the cached bench project (the cache stays as
 * built for the next run) in a fresh home folder, a core on it, and calls that throw on
 * an error instead of returning it.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ApiName } from "../shared/api/contract.ts";
import { createCore, type Core } from "../electron/core/core.ts";
import { codingBenchProject } from "./coding-project.ts";

export interface BenchCore {
  /** The copy of the bench project to open. */
  readonly file: string;
  readonly core: Core;
  call<T = unknown>(name: ApiName, input: unknown): Promise<T>;
  /** Shuts the core down and removes the copy. */
  close(): void;
}

export function benchCore(respondents: number): BenchCore {
  const home = mkdtempSync(join(tmpdir(), "cairn-bench-home-"));
  const file = join(home, "bench.cairn");
  copyFileSync(codingBenchProject(respondents), file);
  const core = createCore({ shell: "browser", userDataDir: home });
  return {
    file,
    core,
    async call<T>(name: ApiName, input: unknown): Promise<T> {
      const result = await core.call(name, input);
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value as T;
    },
    close() {
      core.shutdown();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The value `work` gives and the milliseconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const began = performance.now();
  const value = await work();
  return [value, performance.now() - began];
}
