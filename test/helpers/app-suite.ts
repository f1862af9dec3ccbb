/**
 * The life of an e2e suite's app: before a describe block's tests, a project made in a
 * fresh temporary folder and the app opened on it; after them, the app closed and the
 * folder removed; the screenshots' folder made. sample-app.ts and survey-app.ts say how the project is made.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { openApp, type OpenApp } from "./browser.ts";

/** Screenshots to look at, not to compare: gitignored. */
export const SCREENSHOTS = join(process.cwd(), ".scratch");

export interface AppSuite {
  /** The temporary folder: the project file and the app's home. */
  readonly dir: string;
  readonly file: string;
  /** Set once the suite's beforeAll has run. */
  readonly app: OpenApp;
  readonly page: Page;
}

export interface AppSuiteOptions {
  /** The temporary folder's name prefix. */
  readonly prefix: string;
  /** The project file's name in the folder. */
  readonly fileName: string;
  /** Writes the project file (and anything else in the folder) before the app opens. */
  readonly make: (file: string, dir: string) => unknown;
  readonly viewport?: { width: number; height: number };
  /** Lets the page read and write the clipboard (copy buttons). */
  readonly clipboard?: boolean;
  /** Waits for what the suite's first test needs on the opened page. */
  readonly ready?: (page: Page) => Promise<unknown>;
}

/** For a describe block: its app, opened in beforeAll and closed in afterAll. */
export function useAppSuite(options: AppSuiteOptions): AppSuite {
  const dir = mkdtempSync(join(tmpdir(), options.prefix));
  const file = join(dir, options.fileName);
  let app: OpenApp | null = null;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await options.make(file, dir);
    app = await openApp(file, dir, options.viewport);
    if (options.clipboard) {
      await app.page.context().grantPermissions(["clipboard-read", "clipboard-write"], {
        origin: app.served.origin,
      });
    }
    await options.ready?.(app.page);
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const opened = (): OpenApp => {
    if (!app) throw new Error(`${options.prefix}: the app opens in beforeAll`);
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
