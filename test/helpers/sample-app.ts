import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { openApp, type OpenApp } from "./browser.ts";
import { cairn } from "./cli.ts";

export interface SampleApp {
  /** The temporary folder: the project file and the app's home. */
  readonly dir: string;
  readonly file: string;
  /** Set once the suite's beforeAll has run. */
  readonly app: OpenApp;
  readonly page: Page;
}

/**
 * For a describe block: before its tests, writes the demo project (`cairn demo`) into a
 * temporary folder and opens the app on it; after them, closes the app and removes the folder.
 */
export function useSampleApp(
  options: {
    readonly prefix: string;
    /** The project file's name in the folder. */
    readonly fileName?: string;
    readonly viewport?: { width: number; height: number };
  } = { prefix: "cairn-e2e-" },
): SampleApp {
  const dir = mkdtempSync(join(tmpdir(), options.prefix));
  const file = join(dir, options.fileName ?? "sample.cairn");
  let app: OpenApp | null = null;
  beforeAll(async () => {
    expect(cairn(["demo", file], dir).status).toBe(0);
    app = await openApp(file, dir, options.viewport);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const opened = (): OpenApp => {
    if (!app) throw new Error("useSampleApp: the app opens in beforeAll");
    return app;
  };
  return {
    dir,
    file,
    get app() {
      return opened();
    },
    get page() {
      return opened().page;
    },
  };
}
