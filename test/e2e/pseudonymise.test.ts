import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { highlightedText, segmentIdsLabelled } from "../helpers/coding.ts";
import { useSurveyApp } from "../helpers/survey-app.ts";

const TEXTS = {
  R1: "Maria Kovač drove me to the shelter. Maria was kind.",
  R2: "The hotline helped, ask for Maria at +353 1 234 5678.",
  R3: "Nobody is named here.",
};

/** A second coder or an archive gets a copy of the survey without the names in it. */
describe("a report author pseudonymises a copy before sharing it", () => {
  const app = useSurveyApp({
    prefix: "cairn-e2e-pseudonymise-",
    csv: ["id,Q1", ...Object.entries(TEXTS).map(([id, text]) => `${id},"${text}"`)].join("\n"),
    texts: TEXTS,
    coding: [["Ciara", "R1", "Helpers", "Maria Kovač drove me"]],
  });
  const copy = () => join(app.dir, "survey pseudonymised.cairn");

  async function fileMenu(item: string) {
    await app.page.getByRole("button", { name: "File", exact: true }).click();
    await app.page.getByRole("menuitem", { name: item }).click();
  }

  it("types the names, reads the preview, creates the copy and is told what it holds", async () => {
    const { page } = app;
    await fileMenu("Pseudonymise a copy…");
    const dialog = page.getByRole("dialog", { name: "Pseudonymise a copy" });
    await dialog.getByLabel("Names and terms to replace").fill("Maria Kovač => Helper A\nMaria");
    await dialog.getByLabel(/^Telephone numbers/).check();
    const preview = dialog.getByRole("region", { name: "Preview" });
    await expect
      .poll(() => preview.locator(".pseudonymise-count").textContent())
      .toBe("4 replacements in 2 answers");
    const examples = await preview.getByRole("listitem").allTextContents();
    expect(examples[0]).toBe(
      "Maria Kovač drove me to the shelter. Maria was kind.→Helper A drove me to the shelter. [name 1] was kind.",
    );
    expect(await dialog.getByLabel(/^Save the copy to/).inputValue()).toBe(copy());
    await app.shoot("pseudonymise-preview.png");

    await dialog.getByRole("button", { name: "Create copy" }).click();
    const status = dialog.getByRole("status");
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toContain(
        "The pseudonymised copy is written. 4 replacements in 2 answers; 1 coded passage moved " +
          "with the words. This project is unchanged.",
      );
    expect(await status.textContent()).toContain(copy());
    expect(existsSync(copy())).toBe(true);
    await app.shoot("pseudonymise-done.png");
    await dialog.getByRole("button", { name: "Close" }).click();
    expect(await dialog.count()).toBe(0);
  });

  it("opens the copy: the answer names no one, and the coded passage covers the pseudonym", async () => {
    const { page } = app;
    await fileMenu("Open…");
    await page.getByRole("dialog").getByRole("textbox").fill(copy());
    await page.getByRole("dialog").getByRole("button").last().click();
    await expect
      .poll(() => page.locator(".project-title").textContent())
      .toContain("survey (pseudonymised)");
    const r1 = app.row("R1");
    await expect
      .poll(() => r1.locator(".answer-text, [data-segments]").first().textContent())
      .toContain("Helper A");
    expect(await r1.textContent()).toContain(
      "Helper A drove me to the shelter. [name 1] was kind.",
    );
    expect(await app.row("R2").textContent()).toContain("ask for [name 1] at [phone].");
    const [segment] = await segmentIdsLabelled(r1, "Helpers");
    expect(await highlightedText(r1, segment!)).toBe("Helper A drove me");
  });
});
