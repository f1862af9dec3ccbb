import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { dragSelect } from "../helpers/coding.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

// The sample project (`cairn demo`): 18 respondents, all of whom answered Q1. In Q1 one
// respondent has a Police passage and four have some Multi-agency cooperation code;
// ORG-02 has neither.
describe("the frequencies beside the coding grid", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-frequency-panel-",
    viewport: { width: 1400, height: 900 },
  });
  let page: Page;
  const panel = (): Locator => page.getByTestId("frequency-panel");
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);
  const picker = () =>
    page.getByRole("dialog", { name: /code/i }).filter({ has: page.getByRole("combobox") });
  /** The "n of M" the panel shows for a code, by its path; null when the code is not listed. */
  const respondents = async (path: string): Promise<string | null> => {
    const cell = panel().locator(`tr:has(th[title="${path}"]) .tally-respondents`);
    return (await cell.count()) === 0 ? null : cell.textContent();
  };
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = sample.page;
    await row("ORG-02").waitFor();
  });

  it("shows who answered the question and each code's respondents out of them", async () => {
    await expect
      .poll(() => panel().getByTestId("frequency-panel-counts").textContent())
      .toBe("18 of 18 answered");
    expect(await panel().locator(".frequency-panel-scope").textContent()).toBe(
      "0 empty · 0 no answer · all coders",
    );
    expect(await respondents("Multi-agency cooperation > Police")).toBe("1 of 18");
    expect(await respondents("Multi-agency cooperation")).toBe("4 of 18");
    expect(
      await panel()
        .getByRole("table", { name: "Frequencies for Q1 Approach to support" })
        .getByRole("columnheader")
        .allTextContents(),
    ).toEqual(["Code", "Resp.", "%"]);
    await shoot("frequency-panel.png");
  });

  it("counts a code the moment it is applied, and uncounts it on undo", async () => {
    await dragSelect(page, row("ORG-02"), "webchat");
    await page.keyboard.press("k");
    await picker().getByRole("combobox").fill("Police");
    await page.keyboard.press("Enter");
    // The first code applied on this machine asks who is coding, then applies it.
    const who = page.getByRole("dialog", { name: "Who is coding?" });
    await who.getByLabel("Your name").fill("Test Coder");
    const applied = Date.now();
    await who.getByRole("button", { name: "Start coding" }).click();
    await expect.poll(() => respondents("Multi-agency cooperation > Police")).toBe("2 of 18");
    expect(Date.now() - applied).toBeLessThan(1500);
    // The category counts its whole subtree: ORG-02 joins it too.
    expect(await respondents("Multi-agency cooperation")).toBe("5 of 18");

    const undone = Date.now();
    await page.keyboard.press("Control+z");
    await expect.poll(() => respondents("Multi-agency cooperation > Police")).toBe("1 of 18");
    expect(Date.now() - undone).toBeLessThan(1000);
    expect(await respondents("Multi-agency cooperation")).toBe("4 of 18");

    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => respondents("Multi-agency cooperation > Police")).toBe("2 of 18");
  });

  it("follows the coder view of the top bar: only my own coding under Mine", async () => {
    await page.locator(".coder-control").getByRole("button", { name: "Mine" }).click();
    await expect
      .poll(() => panel().locator(".frequency-panel-scope").textContent())
      .toContain("Test Coder’s coding");
    await expect.poll(() => respondents("Multi-agency cooperation > Police")).toBe("1 of 18");
    expect(await respondents("Victim safety")).toBeNull();
    await shoot("frequency-panel-mine.png");

    // Undoing the coder's only passage: nothing of theirs left to count.
    await page.keyboard.press("Control+z");
    await expect
      .poll(() => panel().getByRole("status").textContent())
      .toBe("No passages coded in this question yet.");
    expect(await panel().locator(".frequency-panel-scope").textContent()).toContain(
      "Test Coder’s coding",
    );
    await page.keyboard.press("Control+Shift+z");
    await page.locator(".coder-control").getByRole("button", { name: "All coders" }).click();
    await expect.poll(() => respondents("Multi-agency cooperation > Police")).toBe("2 of 18");
  });

  it("sorts by respondents within each category, and back to the codebook's order", async () => {
    const header = panel().getByRole("columnheader", { name: "Respondents" });
    const names = () => panel().locator("tbody th").allTextContents();
    const treeOrder = await names();
    await header.getByRole("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    const sorted = await names();
    expect(sorted[0]).toBe("Standards and protocols");
    expect(sorted).not.toEqual(treeOrder);
    await header.getByRole("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    await header.getByRole("button").click();
    expect(await header.getAttribute("aria-sort")).toBe("none");
    expect(await names()).toEqual(treeOrder);
  });

  it("opens the passages behind a number", async () => {
    await panel()
      .getByRole("button", { name: /^Multi-agency cooperation > Police: 2 of 18 respondents/ })
      .click();
    await expect
      .poll(() => page.getByRole("tab", { name: "Passages" }).getAttribute("aria-selected"))
      .toBe("true");
    await expect
      .poll(() => page.getByTestId("passage-count").textContent())
      .toBe("2 passages from 2 respondents");
    expect(await page.locator(".passages-view").textContent()).toContain("webchat");
    await page.getByRole("tab", { name: "Answers" }).click();
    await row("ORG-02").waitFor();
  });

  it("opens exactly the passages behind my number for Irish respondents", async () => {
    // Two coders' Police passages in Q1 (ORG-02's is mine): under Mine, filtered to
    // Ireland, the panel counts one, and the passages listed are that one.
    await page.locator(".coder-control").getByRole("button", { name: "Mine" }).click();
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    const filter = page.getByRole("dialog", { name: "Filter answers" });
    await filter.getByRole("combobox", { name: "Attribute" }).selectOption("Country");
    await filter.getByRole("checkbox", { name: "Ireland" }).check();
    await page.keyboard.press("Escape");
    await expect
      .poll(() => panel().locator(".frequency-panel-scope").textContent())
      .toContain("Test Coder’s coding · only Country: Ireland");
    const answered = await panel().getByTestId("frequency-panel-counts").textContent();
    const ofIrish = answered!.replace(/ answered$/, "").replace(/^\d+ of /, "");
    expect(await respondents("Multi-agency cooperation > Police")).toBe(`1 of ${ofIrish}`);

    await panel()
      .getByRole("button", { name: /^Multi-agency cooperation > Police: 1 of \d+ respondents/ })
      .click();
    await expect
      .poll(() => page.getByTestId("passage-count").textContent())
      .toBe("1 passage from 1 respondent");
    expect(await page.locator(".passages-view").textContent()).toContain("webchat");
    expect(
      await page
        .getByRole("combobox", { name: "Coder", exact: true })
        .locator("option:checked")
        .textContent(),
    ).toBe("Test Coder (you)");
    expect(await page.getByRole("button", { name: "Attributes (1 filtered)" }).count()).toBe(1);

    await page.getByRole("tab", { name: "Answers" }).click();
    await page.getByRole("button", { name: "Clear filters" }).first().click();
    await page.locator(".coder-control").getByRole("button", { name: "All coders" }).click();
    await expect.poll(() => respondents("Multi-agency cooperation > Police")).toBe("2 of 18");
  });

  it("folds to a thin strip, and stays folded after a reload", async () => {
    await panel().getByRole("button", { name: "Hide the frequencies" }).click();
    const strip = page.getByRole("button", { name: /Frequencies/, expanded: false });
    await strip.waitFor();
    expect(await panel().count()).toBe(0);
    const width = await strip.evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThan(40);
    await shoot("frequency-panel-folded.png");

    await page.reload();
    await row("ORG-02").waitFor();
    await strip.waitFor();
    expect(await panel().count()).toBe(0);

    await strip.click();
    await expect.poll(() => respondents("Multi-agency cooperation > Police")).toBe("2 of 18");
  });
});
