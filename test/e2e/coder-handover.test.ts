import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type OpenApp } from "../helpers/browser.ts";
import { cairnInProcess } from "../helpers/cli.ts";
import { segmentIdsLabelled } from "../helpers/coding.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

const TEXTS = {
  R1: "Better street lighting and more police patrols.",
  R2: "More police on the buses at night.",
};
const SURVEY = ["id,Q1,Q2", `R1,"${TEXTS.R1}",Nothing else`, `R2,"${TEXTS.R2}",Thanks`].join("\n");

describe("handing the survey to a second coder and bringing the work back", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-handover-"));
  const file = join(dir, "survey.cairn");
  const copy = join(dir, "survey-for-Ben.cairn");
  let app: OpenApp;
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);
  const notice = () => page.locator(".toast[role=status]");

  async function fileMenu(item: string) {
    await page.getByRole("button", { name: "File" }).click();
    await page.getByRole("menuitem", { name: item }).click();
  }

  async function bringBack(path: string) {
    await fileMenu("Bring back a coder's work…");
    const dialog = page.getByRole("dialog", { name: "Bring back a coder's work" });
    await dialog.getByLabel("File path on this computer").fill(path);
    await dialog.getByRole("button", { name: "Merge" }).click();
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(dir, "survey.csv"), SURVEY);
    expect((await cairnInProcess("new", file)).status).toBe(0);
    expect((await cairnInProcess("import", file, join(dir, "survey.csv"))).status).toBe(0);
    const start = TEXTS.R1.indexOf("police patrols");
    const aoife = await cairnInProcess(
      ...["code", file, "--coder", "Aoife", "--respondent", "R1", "--question", "Q1"],
      ...["--code", "Police", "--start", String(start), "--end", String(start + 14)],
    );
    expect(aoife.stderr).toBe("");
    app = await openApp(file, dir, { width: 1400, height: 900 });
    page = app.page;
    await row("R1").waitFor();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prepares a copy of the first question for Ben, with the codebook and no coding", async () => {
    await fileMenu("Prepare for a second coder…");
    const dialog = page.getByRole("dialog", { name: "Prepare for a second coder" });
    await dialog.getByLabel("The second coder's name").fill("Ben");
    await dialog.getByLabel("Chosen questions").check();
    await dialog.getByRole("checkbox", { name: /^Q1/ }).check();
    await shoot("handover-prepare.png");
    await dialog.getByRole("button", { name: "Next…" }).click();

    const where = page.getByRole("dialog", { name: "Save the copy for Ben" });
    expect(await where.getByLabel("File path on this computer").inputValue()).toBe(copy);
    await where.getByRole("button", { name: "Write copy" }).click();
    await expect
      .poll(() => notice().textContent())
      .toContain(`Wrote ${copy}: 1 question, 2 answers, the codebook; no coding`);
    expect(existsSync(copy)).toBe(true);
    const segments = await cairnInProcess("segments", copy, "--json");
    expect(JSON.parse(segments.stdout)).toEqual([]);
  });

  it("brings Ben's work back: his passages and his new code, in one step of Undo", async () => {
    // Ben codes in his copy (here through the command line), with a code of his own.
    for (const [respondent, code, phrase] of [
      ["R1", "Police", "more police"],
      ["R2", "Safety>Other", "at night"],
    ] as const) {
      const start = TEXTS[respondent].indexOf(phrase);
      const run = await cairnInProcess(
        ...["code", copy, "--coder", "Ben", "--respondent", respondent, "--question", "Q1"],
        ...["--code", code, "--start", String(start), "--end", String(start + phrase.length)],
      );
      expect(run.stderr).toBe("");
    }

    await bringBack(copy);
    await expect
      .poll(() => notice().textContent())
      .toContain("Ben's work merged: 2 passages, 2 new codes (Safety > Other)");
    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(2);
    await expect.poll(() => segmentIdsLabelled(row("R2"), "Other")).toHaveLength(1);
    expect(
      await page.getByRole("treeitem", { name: "Safety > Other", exact: true }).count(),
      "the new code is in the codebook",
    ).toBe(1);
    await shoot("handover-merged.png");

    await page.keyboard.press("Control+z");
    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(1);
    expect(await segmentIdsLabelled(row("R2"), "Other")).toHaveLength(0);
  });

  it("merges again after the undo, and a second merge of the same file adds nothing", async () => {
    await bringBack(copy);
    await expect
      .poll(() => notice().textContent())
      .toContain("Ben's work merged: 2 passages, 2 new codes (Safety > Other)");
    await bringBack(copy);
    await expect
      .poll(() => notice().textContent())
      .toContain("Ben's work: nothing new to merge (2 passages already here)");
    expect(await segmentIdsLabelled(row("R1"), "Police")).toHaveLength(2);
  });

  it("refuses a file that is not there, in one sentence", async () => {
    await bringBack(join(dir, "missing.cairn"));
    const banner = page.getByRole("alert");
    await expect.poll(() => banner.count()).toBe(1);
    const text = (await banner.textContent()) ?? "";
    expect(text).not.toMatch(/\bat \w+ \(|Error:/);
    await shoot("handover-refused.png");
  });
});
