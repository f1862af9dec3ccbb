import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type OpenApp } from "../helpers/browser.ts";
import { cairnInProcess } from "../helpers/cli.ts";
import { segmentIdsLabelled } from "../helpers/coding.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

const SURVEY = [
  "id,Q1",
  'R1,"Better street lighting and more police patrols."',
  'R2,"More police on the buses at night."',
].join("\n");

/** Aoife coded Police on both answers and Lighting on R1; Ben only Police on R2. */
const CODING: readonly [string, string, string, string][] = [
  ["Aoife", "R1", "Police", "police patrols"],
  ["Aoife", "R1", "Lighting", "street lighting"],
  ["Aoife", "R2", "Police", "police"],
  ["Ben", "R2", "Police", "More police"],
];

describe("a second coder working blind on a file the first coder has coded", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-blind-"));
  const file = join(dir, "survey.cairn");
  let app: OpenApp;
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);
  const blind = () => page.getByRole("button", { name: "Blind" });

  /** The counts beside a code in the codebook ("2 · 2 resp."). */
  function codebookCount(code: string): Promise<string | null> {
    return page
      .getByRole("tree")
      .getByRole("treeitem", { name: new RegExp(`^${code}\\b`) })
      .locator(".code-count")
      .first()
      .textContent();
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(dir, "survey.csv"), SURVEY);
    expect((await cairnInProcess("new", file)).status).toBe(0);
    expect((await cairnInProcess("import", file, join(dir, "survey.csv"))).status).toBe(0);
    const texts: Record<string, string> = {
      R1: "Better street lighting and more police patrols.",
      R2: "More police on the buses at night.",
    };
    for (const [coder, respondent, code, phrase] of CODING) {
      const start = texts[respondent]!.indexOf(phrase);
      const run = await cairnInProcess(
        ...["code", file, "--coder", coder, "--respondent", respondent, "--question", "Q1"],
        ...["--code", code, "--start", String(start), "--end", String(start + phrase.length)],
      );
      expect(run.stderr).toBe("");
    }
    app = await openApp(file, dir, { width: 1400, height: 900 });
    page = app.page;
    await row("R1").waitFor();
    await page.getByRole("button", { name: "Choose who is coding" }).click();
    const asked = page.getByRole("dialog", { name: "Who is coding?" });
    await asked.getByLabel("Your name").fill("Ben");
    await asked.getByRole("button", { name: "Start coding" }).click();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows everyone's coding until Ben turns blind mode on", async () => {
    expect(await blind().getAttribute("aria-pressed")).toBe("false");
    expect(await blind().getAttribute("title")).toBe(
      "Show only your own coding, so another coder's work does not influence yours",
    );
    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(1);
    expect(await segmentIdsLabelled(row("R2"), "Police")).toHaveLength(2);
    await expect.poll(() => codebookCount("Police")).toMatch(/^3\b/);
  });

  it("hides Aoife's highlights and counts once blind mode is on", async () => {
    await blind().click();
    await expect.poll(() => blind().getAttribute("aria-pressed")).toBe("true");
    expect(await page.getByText("Blind: only your coding").isVisible()).toBe(true);
    expect(await page.getByRole("group", { name: "Whose codes to show" }).count()).toBe(0);
    expect(await page.getByRole("combobox", { name: "Show one coder's codes" }).count()).toBe(0);

    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(0);
    expect(await segmentIdsLabelled(row("R1"), "Lighting")).toHaveLength(0);
    expect(await segmentIdsLabelled(row("R2"), "Police")).toHaveLength(1);
    expect(await row("R1").locator("[data-segments]").count()).toBe(0);
    await expect.poll(() => codebookCount("Police")).toMatch(/^1\b/);
    await shoot("blind-mode-answers.png");
  });

  it("counts only Ben's coding in the frequencies, and cannot be switched to Aoife's", async () => {
    await page.getByRole("tab", { name: "Frequencies" }).click();
    const table = page.locator(".tally-table").first();
    const police = table.locator("tr").filter({ hasText: "Police" }).first();
    await expect.poll(() => police.locator("td").first().textContent()).toBe("1 of 2");
    expect(await table.locator("tr").filter({ hasText: "Lighting" }).count()).toBe(0);
    const coder = page.getByRole("combobox", { name: "Coder" });
    await coder.selectOption({ label: "Aoife" });
    await expect.poll(() => coder.locator("option:checked").textContent()).toBe("Ben (you)");
    expect(await police.locator("td").first().textContent()).toBe("1 of 2");
    await shoot("blind-mode-frequencies.png");
  });

  it("keeps the comparison of coders out of sight", async () => {
    await page.getByRole("tab", { name: "Agreement" }).click();
    await page.getByRole("tab", { name: "Review queue" }).click();
    await expect
      .poll(() => page.getByText("Blind mode is on: turn it off to compare coders").count())
      .toBe(1);
  });

  it("remembers blind mode on this machine", async () => {
    await page.reload({ waitUntil: "domcontentloaded" });
    await row("R1").waitFor();
    await expect.poll(() => blind().getAttribute("aria-pressed")).toBe("true");
    await page.getByRole("tab", { name: "Answers" }).click();
    await expect.poll(() => segmentIdsLabelled(row("R2"), "Police")).toHaveLength(1);
    await blind().click();
    await expect.poll(() => segmentIdsLabelled(row("R2"), "Police")).toHaveLength(2);
  });
});
