import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/sample-app.ts";

describe("the File menu in browser mode", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-menu-", fileName: "members.cairn" });
  const { dir } = sample;
  let page: Page;

  async function menu(item: string) {
    await page.getByRole("button", { name: "File", exact: true }).click();
    await page.getByRole("menuitem", { name: item }).click();
  }

  async function answerDialog(path: string) {
    await page.getByRole("dialog").getByRole("textbox").fill(path);
    await page.getByRole("dialog").getByRole("button").last().click();
  }

  beforeAll(() => {
    page = sample.page;
  });

  it("saves a copy of the open project under a new name", async () => {
    await menu("Save a copy as…");
    await answerDialog(join(dir, "copy for Brian"));
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Saved a copy to");
    expect(existsSync(join(dir, "copy for Brian.cairn"))).toBe(true);
  });

  it("creates a new empty project and is told there are no questions yet", async () => {
    await menu("New project…");
    await answerDialog(join(dir, "wave two"));
    await expect.poll(() => page.locator(".project-title").textContent()).toContain("wave two");
    expect(await page.getByText("No questions yet").count()).toBe(1);
  });

  it("closes the project, then starts a new one from the welcome screen", async () => {
    await menu("Close project");
    await expect.poll(() => page.getByRole("heading", { name: "No project open" }).count()).toBe(1);
    await page.getByRole("button", { name: "New project…" }).click();
    await answerDialog(join(dir, "wave three"));
    await expect.poll(() => page.locator(".project-title").textContent()).toContain("wave three");
  });

  it("reopens the first project from Open recent", async () => {
    await menu("members.cairn");
    await expect
      .poll(() => page.locator(".project-title").textContent())
      .toContain("European Network");
  });

  it("opening something that is not a project shows one clear message and keeps the project open", async () => {
    await menu("Open…");
    await answerDialog(join(dir, "nothing-here.cairn"));
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("does not exist");
    expect(await page.locator(".project-title").textContent()).toContain("European Network");
  });
});
