/**
 * For the second-coder e2e stories (issue 7): a small survey made through the command
 * line (`cairn new`, `cairn import`, a codebook, passages coded by named coders), opened
 * in the app; the app closed and the folder removed after the suite.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator } from "playwright-core";
import { expect } from "vitest";
import { SCREENSHOTS, useAppSuite, type AppSuite } from "./app-suite.ts";
import { cairnInProcess } from "./cli.ts";

export { SCREENSHOTS };

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

export interface SurveyApp extends AppSuite {
  /** A respondent's row in the answers grid. */
  row(respondent: string): Locator;
  shoot(name: string): Promise<unknown>;
}

/** The survey, its codebook and its coding, made through the command line in `dir`. */
async function makeSurvey(options: SurveyAppOptions, file: string, dir: string): Promise<void> {
  writeFileSync(join(dir, "survey.csv"), options.csv);
  expect((await cairnInProcess("new", file)).status).toBe(0);
  expect((await cairnInProcess("import", file, join(dir, "survey.csv"))).status).toBe(0);
  if (options.codebook !== undefined) {
    writeFileSync(join(dir, "codebook.csv"), options.codebook);
    const book = await cairnInProcess("codebook", "import", file, join(dir, "codebook.csv"));
    expect(book.stderr).toBe("");
  }
  for (const coded of options.coding ?? []) await codeWords(file, options.texts ?? {}, coded);
}

/** For a describe block: the survey made and opened before its tests. */
export function useSurveyApp(options: SurveyAppOptions): SurveyApp {
  const suite = useAppSuite({
    prefix: options.prefix,
    fileName: "survey.cairn",
    make: (file, dir) => makeSurvey(options, file, dir),
    viewport: options.viewport ?? { width: 1400, height: 900 },
    ready: (page) => page.locator("article[data-respondent]").first().waitFor(),
  });
  return {
    dir: suite.dir,
    file: suite.file,
    get app() {
      return suite.app;
    },
    get page() {
      return suite.page;
    },
    row: (respondent) => suite.page.locator(`article[data-respondent="${respondent}"]`),
    shoot: (name) => suite.page.screenshot({ path: join(SCREENSHOTS, name) }),
  };
}
