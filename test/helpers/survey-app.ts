/**
 * For the second-coder e2e stories (issue 7): a small survey made through the command
 * line (`cairn new`, `cairn import`, a codebook, passages coded by named coders), opened
 * in the app; the app closed and the folder removed after the suite.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { openApp, type OpenApp } from "./browser.ts";
import { cairnInProcess } from "./cli.ts";

/** Screenshots to look at, not to compare: gitignored. */
export const SCREENSHOTS = join(process.cwd(), ".scratch");

/** [coder, respondent, code path ("Safety>Other"), the words coded in the Q1 answer]. */
export type CodedWords = readonly [string, string, string, string];

/** Codes `words` of the respondent's Q1 answer (its text in `texts`) in `file`. */
export async function codeWords(
  file: string,
  texts: Readonly<Record<string, string>>,
  [coder, respondent, code, words]: CodedWords,
): Promise<void> {
  const start = texts[respondent]?.indexOf(words) ?? -1;
  if (start < 0) throw new Error(`codeWords: "${words}" is not in ${respondent}'s answer`);
  const run = await cairnInProcess(
    ...["code", file, "--coder", coder, "--respondent", respondent, "--question", "Q1"],
    ...["--code", code, "--start", String(start), "--end", String(start + words.length)],
  );
  expect(run.stderr).toBe("");
}

export interface SurveyAppOptions {
  /** The temporary folder's name prefix. */
  readonly prefix: string;
  /** The survey: an `id` column, then Q1 (and any other question). */
  readonly csv: string;
  /** A codebook to import (columns path, color, description). */
  readonly codebook?: string;
  /** Q1's answers by respondent, for `coding`. */
  readonly texts?: Readonly<Record<string, string>>;
  /** Passages coded before the app opens. */
  readonly coding?: readonly CodedWords[];
  readonly viewport?: { width: number; height: number };
}

export interface SurveyApp {
  /** The temporary folder: the project file, the survey and the app's home. */
  readonly dir: string;
  readonly file: string;
  /** Set once the suite's beforeAll has run. */
  readonly app: OpenApp;
  readonly page: Page;
  /** A respondent's row in the answers grid. */
  row(respondent: string): Locator;
  shoot(name: string): Promise<unknown>;
}

/** For a describe block: the survey made and opened before its tests. */
export function useSurveyApp(options: SurveyAppOptions): SurveyApp {
  const dir = mkdtempSync(join(tmpdir(), options.prefix));
  const file = join(dir, "survey.cairn");
  let app: OpenApp | null = null;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(dir, "survey.csv"), options.csv);
    expect((await cairnInProcess("new", file)).status).toBe(0);
    expect((await cairnInProcess("import", file, join(dir, "survey.csv"))).status).toBe(0);
    if (options.codebook !== undefined) {
      writeFileSync(join(dir, "codebook.csv"), options.codebook);
      const book = await cairnInProcess("codebook", "import", file, join(dir, "codebook.csv"));
      expect(book.stderr).toBe("");
    }
    for (const coded of options.coding ?? []) await codeWords(file, options.texts ?? {}, coded);
    app = await openApp(file, dir, options.viewport ?? { width: 1400, height: 900 });
    await app.page.locator("article[data-respondent]").first().waitFor();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const opened = (): OpenApp => {
    if (!app) throw new Error("useSurveyApp: the app opens in beforeAll");
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
    row: (respondent) => opened().page.locator(`article[data-respondent="${respondent}"]`),
    shoot: (name) => opened().page.screenshot({ path: join(SCREENSHOTS, name) }),
  };
}
