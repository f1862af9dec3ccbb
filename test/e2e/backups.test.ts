import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { BackupListing } from "../../shared/api/safety-api.ts";
import { SCREENSHOTS } from "../helpers/app-suite.ts";
import { callServed } from "../helpers/browser.ts";
import { cairn } from "../helpers/cli.ts";
import { dragSelect, segmentIdsLabelled } from "../helpers/coding.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/**
 * Damages a project's pages as a failing disk would: the first bytes of every fourth
 * page after the schema's are overwritten, so SQLite's check finds broken b-trees.
 */
function damage(file: string): void {
  const bytes = readFileSync(file);
  const pageSize = bytes.readUInt16BE(16) === 1 ? 65536 : bytes.readUInt16BE(16);
  for (let page = 2; page * pageSize < bytes.length; page += 4) {
    bytes.fill(0xa5, page * pageSize, page * pageSize + 24);
  }
  writeFileSync(file, bytes);
}

describe("a coder restoring an earlier state of the project from a backup", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-backups-", fileName: "members.cairn" });
  let page: Page;
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);
  const picker = () =>
    page.getByRole("dialog", { name: /code/i }).filter({ has: page.getByRole("combobox") });
  const dialog = () => page.getByRole("dialog", { name: /Restore|damaged|restored/ });
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const helplineCount = () =>
    page
      .getByRole("tree")
      .getByRole("treeitem", { name: /^Helpline access\b/ })
      .locator(".code-count")
      .first()
      .textContent();

  async function menu(item: string) {
    await page.getByRole("button", { name: "File", exact: true }).click();
    await page.getByRole("menuitem", { name: item }).click();
  }

  async function code(respondent: string, phrase: string) {
    await dragSelect(page, row(respondent), phrase);
    await page.keyboard.press("k");
    await picker().getByRole("combobox").fill("Helpline access");
    await page.keyboard.press("Enter");
    const who = page.getByRole("dialog", { name: "Who is coding?" });
    if (await who.isVisible()) {
      await who.getByLabel("Your name").fill("Test Coder");
      await who.getByRole("button", { name: "Start coding" }).click();
    }
    await expect.poll(() => segmentIdsLabelled(row(respondent), "Helpline access")).toHaveLength(1);
  }

  /** What the sample held when opened, as the backups list counts it. */
  let passagesAtOpen = 0;
  const passagesIn = (text: string | null) =>
    Number(/([\d,]+) coded passages?/.exec(text ?? "")?.[1]?.replace(/,/g, "") ?? NaN);

  beforeAll(async () => {
    page = sample.page;
    await row("ORG-02").waitFor();
  });

  it("lists the backup made when the project was opened, and where backups are kept", async () => {
    // The app backs the project up a few seconds after opening it, not during the open.
    await expect
      .poll(
        async () =>
          (await callServed<BackupListing>(sample.app.served, "backup.list", {})).backups.length,
        { timeout: 15_000, interval: 250 },
      )
      .toBe(1);
    await menu("Restore from backup…");
    await expect.poll(() => dialog().getByRole("row").count()).toBeGreaterThan(1);
    const text = await dialog().textContent();
    expect(text).toContain(`${sample.file}-backups`);
    expect(text).toContain("when opened");
    expect(text).toMatch(/18 respondents · 14 questions · [\d,]+ coded passages/);
    passagesAtOpen = passagesIn(text);
    // Nothing chosen yet: nothing to restore.
    expect(await dialog().getByRole("button", { name: "Restore…" }).isDisabled()).toBe(true);
    await shoot("backups-list.png");
    await page.keyboard.press("Escape");
    expect(await dialog().count()).toBe(0);
  });

  it("codes a passage, then backs up now from the dialog", async () => {
    await code("ORG-02", "national freephone helpline");
    await expect.poll(helplineCount).toBe("1 · 1 resp.");

    await menu("Restore from backup…");
    await dialog().getByRole("button", { name: "Back up now" }).click();
    await expect.poll(() => dialog().getByRole("status").textContent()).toMatch(/^Backed up: /);
    const newest = dialog().getByRole("row").nth(1);
    expect(await newest.textContent()).toContain("made by you");
    expect(passagesIn(await newest.textContent())).toBe(passagesAtOpen + 1);
    await shoot("backups-made.png");
    await dialog().getByRole("button", { name: "Close" }).click();
  });

  it("codes more, restores the backup made by hand, and the later coding is gone", async () => {
    await code("ORG-01", "key worker within 24 hours");
    await expect.poll(helplineCount).toBe("2 · 2 resp.");

    await menu("Restore from backup…");
    const mine = dialog().getByRole("row").filter({ hasText: "made by you" });
    await mine.click();
    expect(await mine.getByRole("radio").isChecked()).toBe(true);
    await dialog().getByRole("button", { name: "Restore…" }).click();
    const question = await dialog().locator(".safety-question").textContent();
    expect(question).toMatch(/^Replace the project's content with the backup of .+\?/);
    expect(question).toContain("What the project holds now is kept as a backup first.");
    await shoot("backups-confirm.png");

    await dialog().getByRole("button", { name: "Restore", exact: true }).click();
    const done = dialog().getByRole("status");
    await expect.poll(() => done.textContent()).toMatch(/^Restored the backup of /);
    expect(await done.textContent()).toContain("is kept as the backup");
    await shoot("backups-done.png");
    await dialog().getByRole("button", { name: "Close" }).click();

    // The window shows the restored project: ORG-01's passage is no longer coded.
    await expect.poll(helplineCount).toBe("1 · 1 resp.");
    await expect.poll(() => segmentIdsLabelled(row("ORG-01"), "Helpline access")).toHaveLength(0);
    expect(await segmentIdsLabelled(row("ORG-02"), "Helpline access")).toHaveLength(1);

    // ...and the state just before the restore is itself a backup to go back to.
    await menu("Restore from backup…");
    await expect
      .poll(() => dialog().getByRole("row").filter({ hasText: "before a restore" }).count())
      .toBe(1);
    expect(
      await dialog().getByRole("row").filter({ hasText: "before a restore" }).textContent(),
    ).toContain(`${passagesAtOpen + 2} coded passages`);
    await page.keyboard.press("Escape");
  });

  it("offers a damaged project's latest backup when it is opened, and restores it", async () => {
    const other = join(sample.dir, "wave two.cairn");
    expect(cairn(["demo", other], sample.dir).status).toBe(0);
    expect(cairn(["backup", other], sample.dir).status).toBe(0);
    expect(cairn(["backup", other], sample.dir).status).toBe(0);
    damage(other);

    await menu("Open…");
    await page.getByRole("dialog").getByRole("textbox").fill(other);
    await page.getByRole("dialog").getByRole("button", { name: "Open" }).click();
    const offer = page.getByRole("dialog", { name: "wave two is damaged" });
    await offer.waitFor();
    expect(await offer.textContent()).toContain("is damaged");
    expect(await offer.textContent()).toMatch(
      /The latest backup was made on .+\. It holds 18 respondents/,
    );
    expect(await offer.textContent()).toContain("kept beside the project, renamed");
    // The project that was open stays open behind the offer.
    expect(await page.locator(".project-title").textContent()).toContain("European Network");
    await shoot("backups-damaged.png");

    // The offer names the latest; the others are a click away.
    await offer.getByRole("button", { name: "Choose another backup…" }).click();
    await expect.poll(() => offer.getByRole("row").count()).toBe(3);
    await shoot("backups-damaged-list.png");
    await offer.getByRole("button", { name: "Back" }).click();

    await offer.getByRole("button", { name: "Restore this backup" }).click();
    const done = page.getByRole("dialog", { name: "wave two is restored" }).getByRole("status");
    await expect.poll(() => done.textContent()).toMatch(/^Restored the backup of /);
    expect(await done.textContent()).toContain("The damaged file is kept as");
    await shoot("backups-damaged-done.png");
    await page.getByRole("button", { name: "Close" }).click();

    await expect.poll(() => page.locator(".project-title").getAttribute("title")).toBe(other);
    const kept = readdirSync(sample.dir).filter(
      (name) => name.startsWith("wave two") && name !== "wave two.cairn" && name.endsWith(".cairn"),
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(existsSync(other)).toBe(true);
  });
});
