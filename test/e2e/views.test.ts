import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/sample-app.ts";

/** How many answers the grid shows in full (placeholders aside). */
async function renderedAnswers(page: Page): Promise<number> {
  return page.locator("[data-testid=answer-list] article[data-respondent]").count();
}

describe("an analyst moving between the views and back to the answers", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-views-" });
  let page: Page;

  beforeAll(() => {
    page = sample.page;
  });

  it("finds the answers again after looking at each other view", async () => {
    await expect.poll(() => renderedAnswers(page)).toBeGreaterThan(3);
    for (const view of ["Search", "Passages", "Co-occurrence"]) {
      await page.getByRole("tab", { name: view }).click();
      await expect.poll(() => renderedAnswers(page)).toBe(0);
      await page.getByRole("tab", { name: "Answers" }).click();
      await expect.poll(() => renderedAnswers(page)).toBeGreaterThan(3);
    }
  });
});
