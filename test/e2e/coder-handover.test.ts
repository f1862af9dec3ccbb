import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { serveProject } from "../helpers/browser.ts";
import { cairnInProcess } from "../helpers/cli.ts";
import { segmentIdsLabelled } from "../helpers/coding.ts";
import { codeWords, SCREENSHOTS, useSurveyApp } from "../helpers/survey-app.ts";

const TEXTS = {
  R1: "Better street lighting and more police patrols.",
  R2: "More police on the buses at night.",
};

describe("handing the survey to a second coder and bringing the work back", () => {
  const survey = useSurveyApp({
    prefix: "cairn-e2e-handover-",
    csv: ["id,Q1,Q2", `R1,"${TEXTS.R1}",Nothing else`, `R2,"${TEXTS.R2}",Thanks`].join("\n"),
    texts: TEXTS,
    coding: [["Aoife", "R1", "Police", "police patrols"]],
  });
  const { dir, row, shoot } = survey;
  const copy = join(dir, "survey-for-Ben.cairn");
  const notice = () => survey.page.locator(".toast[role=status]");

  async function fileMenu(item: string) {
    await survey.page.getByRole("button", { name: "File" }).click();
    await survey.page.getByRole("menuitem", { name: item }).click();
  }

  async function bringBack(path: string) {
    await fileMenu("Bring back a coder's work…");
    const dialog = survey.page.getByRole("dialog", { name: "Bring back a coder's work" });
    await dialog.getByLabel("File path on this computer").fill(path);
    await dialog.getByRole("button", { name: "Merge" }).click();
  }

  it("prepares a copy of the first question for Ben, with the codebook and no coding", async () => {
    await fileMenu("Prepare for a second coder…");
    const dialog = survey.page.getByRole("dialog", { name: "Prepare for a second coder" });
    await dialog.getByLabel("The second coder's name").fill("Ben");
    await dialog.getByLabel("Chosen questions").check();
    await dialog.getByRole("checkbox", { name: /^Q1/ }).check();
    await shoot("handover-prepare.png");
    await dialog.getByRole("button", { name: "Next…" }).click();

    const where = survey.page.getByRole("dialog", { name: "Save the copy for Ben" });
    expect(await where.getByLabel("File path on this computer").inputValue()).toBe(copy);
    await where.getByRole("button", { name: "Write copy" }).click();
    await expect
      .poll(() => notice().textContent())
      .toContain(`Wrote ${copy}: 1 question, 2 answers, the codebook; no coding`);
    expect(existsSync(copy)).toBe(true);
    const segments = await cairnInProcess("segments", copy, "--json");
    expect(JSON.parse(segments.stdout)).toEqual([]);
  });

  it("opens Ben's copy on a fresh machine asking who is coding, and proposing Ben", async () => {
    const home = join(dir, "ben-home");
    mkdirSync(home);
    // Ben's machine: the copy served on its own, in a second window of the same browser.
    const served = await serveProject(copy, home);
    const page = await survey.app.browser.newPage({ viewport: { width: 1024, height: 768 } });
    try {
      await page.goto(served.url);
      const asked = page.getByRole("dialog", { name: "Who is coding?" });
      await asked.waitFor();
      expect(await asked.getByLabel("Your name").inputValue()).toBe("Ben");
      expect(await asked.textContent()).toContain("This file was prepared for Ben to code.");
      await page.screenshot({ path: join(SCREENSHOTS, "handover-ben-opens.png") });
      await asked.getByRole("button", { name: "Start coding" }).click();
      await expect
        .poll(() => page.getByRole("button", { name: "Coding as Ben: change" }).count())
        .toBe(1);
      expect(await page.getByText("Prepared for Ben", { exact: true }).isVisible()).toBe(true);
    } finally {
      await page.close();
      await served.stop();
    }
  });

  it("brings Ben's work back: his passages and his new code, in one step of Undo", async () => {
    // Ben codes in his copy (here through the command line), with a code of his own.
    await codeWords(copy, TEXTS, ["Ben", "R1", "Police", "more police"]);
    await codeWords(copy, TEXTS, ["Ben", "R2", "Safety>Other", "at night"]);

    await bringBack(copy);
    await expect
      .poll(() => notice().textContent())
      .toContain("Ben's work merged: 2 passages, 2 new codes (Safety > Other)");
    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(2);
    await expect.poll(() => segmentIdsLabelled(row("R2"), "Other")).toHaveLength(1);
    expect(
      await survey.page.getByRole("treeitem", { name: "Safety > Other", exact: true }).count(),
      "the new code is in the codebook",
    ).toBe(1);
    await shoot("handover-merged.png");

    await survey.page.keyboard.press("Control+z");
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
    const banner = survey.page.getByRole("alert");
    await expect.poll(() => banner.count()).toBe(1);
    const text = (await banner.textContent()) ?? "";
    expect(text).not.toMatch(/\bat \w+ \(|Error:/);
    await shoot("handover-refused.png");
  });
});
