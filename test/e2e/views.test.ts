import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type OpenApp } from "../helpers/browser.ts";
import { cairn } from "../helpers/cli.ts";

/** How many answers the grid shows in full (placeholders aside). */
async function renderedAnswers(page: Page): Promise<number> {
  return page.locator("[data-testid=answer-list] article[data-respondent]").count();
}

describe("an analyst moving between the views and back to the answers", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-views-"));
  const file = join(dir, "sample.cairn");
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    expect(cairn(["demo", file], dir).status).toBe(0);
    app = await openApp(file, dir);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
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
