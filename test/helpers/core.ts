import { join } from "node:path";
import { afterEach } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import type { Result } from "../../shared/api/errors.ts";
import { fixedClock } from "./project.ts";

/**
 * For a test file: `open(dir, path)` starts the core as the browser shell does (its home in
 * `dir`/home, the fixed clock) on the project at `path`; it is shut down after the test.
 */
export function useCoreProject(): (dir: string, path: string) => Core {
  let core: Core | null = null;
  afterEach(() => {
    core?.shutdown();
    core = null;
  });
  return (dir, path) => {
    core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
    core.session.open(path);
    return core;
  };
}

/** What a core call answered; a refusal throws "code: message". */
export function coreValue<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
