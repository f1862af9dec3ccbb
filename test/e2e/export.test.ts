import { existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOTS } from "../helpers/app-suite.ts";
import { cairnInProcess } from "../helpers/cli.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Answers per question as `cairn show --json` counts them (a project not open elsewhere). */
async function answersOf(file: string): Promise<number[]> {
  const run = await cairnInProcess("show", file, "--json");
  expect(run.stderr).toBe("");
  const shown = JSON.parse(run.stdout) as {
    questions: { answered: number }[];
  };
  return shown.questions.map((q) => q.answered);
}

/** The Respondents figure of `code` in a question's table of the Frequencies sheet. */
function respondentsInSheet(sheet: ExcelJS.Worksheet, question: string, code: string): number {
  let inQuestion = false;
  let found: number | null = null;
  sheet.eachRow((row) => {
    const first = String(row.getCell(1).value ?? "");
    if (/^Q\d+ /.test(first)) inQuestion = first.startsWith(question);
    else if (inQuestion && found === null && first === code) found = Number(row.getCell(3).value);
  });
  if (found === null) throw new Error(`no row for ${code} under ${question}`);
  return found;
}

/** Writing or reading a file takes a few seconds on a busy machine. */
const SLOW = { timeout: 15_000 };

describe("a report author exports the coded survey, and moves it through REFI-QDA", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-export-",
    fileName: "members.cairn",
    viewport: { width: 1400, height: 900 },
  });
  const { dir } = sample;
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const exportDialog = () => page.getByRole("dialog", { name: "Export" });
  const workbook = join(dir, "report for the board.xlsx");
  const qdpx = join(dir, "members.qdpx");

  async function fileMenu(item: string) {
    await page.getByRole("button", { name: "File", exact: true }).click();
    await page.getByRole("menuitem", { name: item }).click();
  }

  /** Records whether a progress bar was ever on screen: an export of 18 respondents is quick. */
  async function watchForProgressBar() {
    await page.evaluate(() => {
      const w = window as unknown as { sawProgress: boolean };
      w.sawProgress = false;
      new MutationObserver(() => {
        if (document.querySelector("[role=progressbar]")) w.sawProgress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
  }
  const sawProgressBar = () =>
    page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress);

  beforeAll(() => {
    page = sample.page;
  });

  it("exports the Frequencies tab as filtered: the sheet holds the figures on screen", async () => {
    await page
      .getByRole("navigation", { name: "Questions" })
      .getByRole("button", { name: /^Q2 Risk and safety/ })
      .click();
    await page.getByRole("tab", { name: "Frequencies" }).click();
    await page.getByRole("button", { name: "Attributes" }).click();
    const values = page.getByRole("group", { name: "Values of Country" });
    await values.getByLabel("Ireland").check();
    await values.getByLabel("Czechia").check();
    await page.keyboard.press("Escape");
    const victimSafety = page
      .getByRole("region", { name: /^Q2 Risk and safety/ })
      .locator("tr", { has: page.locator(".tally-code-name", { hasText: /^Victim safety$/ }) })
      .locator(".tally-respondents");
    await expect.poll(() => victimSafety.first().textContent()).toBe("2 of 2");

    await page.locator(".frequencies-toolbar").getByRole("button", { name: "Export…" }).click();
    const dialog = exportDialog();
    expect(await dialog.getByLabel(/^Excel workbook/).isChecked()).toBe(true);
    const ticked = async (name: RegExp) => dialog.getByRole("checkbox", { name }).isChecked();
    expect(await ticked(/^Frequencies/)).toBe(true);
    expect(await ticked(/^Segments/)).toBe(false);
    expect(await ticked(/^Only respondents with Country = Ireland or Czechia/)).toBe(true);
    await dialog.getByLabel(/^Save to/).fill(workbook);

    await watchForProgressBar();
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    const status = dialog.getByRole("status");
    await expect.poll(() => status.textContent(), SLOW).toContain(`Saved to ${workbook}`);
    expect(await sawProgressBar(), "the progress bar showed while the file was written").toBe(true);
    expect(await status.textContent()).toContain(
      "Respondents: Country = Ireland or Czechia; 3 of 18",
    );
    await shoot("export-xlsx-done.png");

    expect(existsSync(workbook)).toBe(true);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Frequencies"]);
    const frequencies = book.getWorksheet("Frequencies")!;
    expect(respondentsInSheet(frequencies, "Q2 Risk and safety", "Victim safety")).toBe(2);

    await dialog.getByRole("button", { name: "Close" }).click();
    expect(await exportDialog().count()).toBe(0);
    await page.getByRole("button", { name: "Clear filter" }).click();
  });

  it("File › Export… offers every sheet; a folder that is not there: one clear sentence", async () => {
    await fileMenu("Export…");
    const dialog = exportDialog();
    for (const sheet of ["Segments", "Matrix", "Frequencies", "Codebook"]) {
      expect(
        await dialog.getByRole("checkbox", { name: new RegExp(`^${sheet}`) }).isChecked(),
      ).toBe(true);
    }
    const path = dialog.getByLabel(/^Save to/);
    expect(await path.inputValue()).toBe(join(dir, "members.xlsx"));
    await shoot("export-xlsx-options.png");
    await path.fill(join(dir, "no such folder", "x.xlsx"));
    await dialog.getByRole("button", { name: "Export", exact: true }).click();
    const alert = dialog.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Could not export: .*no such folder/);
    expect(await alert.textContent()).not.toMatch(/Error:|\bat \w+ \(/);
    await page.keyboard.press("Escape");
    expect(await exportDialog().count()).toBe(0);
  });

  it("exports a REFI-QDA project and imports it into a new project with the same answers", async () => {
    await fileMenu("Export…");
    await exportDialog()
      .getByLabel(/^REFI-QDA project/)
      .check();
    expect(
      await exportDialog()
        .getByLabel(/^Save to/)
        .inputValue(),
    ).toBe(qdpx);
    await exportDialog().getByRole("button", { name: "Export", exact: true }).click();
    await expect
      .poll(() => exportDialog().getByRole("status").textContent(), SLOW)
      .toContain(`Saved to ${qdpx}`);
    expect(await exportDialog().getByRole("status").textContent()).toContain("18 cases");
    await exportDialog().getByRole("button", { name: "Close" }).click();

    const copy = join(dir, "from refi.cairn");
    await fileMenu("Import REFI-QDA project…");
    const dialog = page.getByRole("dialog", { name: "Import a REFI-QDA project" });
    await dialog.getByLabel(/^The REFI-QDA file/).fill(qdpx);
    expect(await dialog.getByLabel("The new project").inputValue()).toBe(
      join(dir, "members.cairn"),
    );
    await dialog.getByLabel("The new project").fill(copy);
    await dialog.getByRole("button", { name: "Import", exact: true }).click();
    const report = dialog.getByRole("status");
    await expect
      .poll(() => report.textContent(), SLOW)
      .toContain("Imported 18 respondents, 14 questions");
    expect(await report.textContent()).toContain("into “from refi.cairn”");
    await shoot("export-refi-import-report.png");
    await dialog.getByRole("button", { name: "Close" }).click();

    await expect.poll(() => page.locator(".project-title").getAttribute("title")).toBe(copy);
    expect(await page.locator(".project-meta").textContent()).toBe("18 respondents · 14 questions");
    // The question list's "17/18" per question, against the exported project's own counts.
    const shown = await page
      .getByRole("navigation", { name: "Questions" })
      .locator(".question-count")
      .allTextContents();
    expect(shown.map((text) => Number(text.split("/")[0]))).toEqual(await answersOf(sample.file));
  });
});
