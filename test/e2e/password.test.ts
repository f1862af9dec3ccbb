import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProjectSummary } from "../../shared/domain.ts";
import { SCREENSHOTS } from "../helpers/app-suite.ts";
import { callServed } from "../helpers/browser.ts";
import { cairn } from "../helpers/cli.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

describe("a coder protecting a project with a password", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-password-", fileName: "members.cairn" });
  const { dir, file } = sample;
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const title = () => page.locator(".project-title").getAttribute("title");
  const current = () => callServed<ProjectSummary | null>(sample.app.served, "project.current", {});
  const prompt = () => page.getByRole("dialog", { name: "members is protected by a password" });
  const passwordDialog = () => page.getByRole("dialog", { name: /password/i });

  async function menu(item: string) {
    await page.getByRole("button", { name: "File", exact: true }).click();
    await page.getByRole("menuitem", { name: item }).click();
  }

  async function openFromMenu(path: string) {
    await menu("Open…");
    await page.getByRole("dialog").getByRole("textbox").fill(path);
    await page.getByRole("dialog").getByRole("button", { name: "Open" }).click();
  }

  beforeAll(() => {
    page = sample.page;
  });

  it("sets a password, after catching two that do not match", async () => {
    await menu("Password…");
    const dialog = page.getByRole("dialog", { name: "Set a password" });
    expect(await dialog.textContent()).toContain("Cairn cannot recover a forgotten password");
    expect(await dialog.textContent()).toContain("written as plain files");
    expect(
      await dialog
        .getByLabel("New password", { exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);

    await dialog.getByLabel("New password", { exact: true }).fill("kestrel moor");
    await dialog.getByLabel("Repeat the new password").fill("kestrel mor");
    await dialog.getByRole("button", { name: "Set password" }).click();
    expect(await dialog.getByRole("alert").textContent()).toBe(
      "The two new passwords are not the same.",
    );
    await shoot("password-set-mismatch.png");
    expect((await current())?.encrypted).toBe(false);

    await dialog.getByLabel("Repeat the new password").fill("kestrel moor");
    await dialog.getByRole("button", { name: "Set password" }).click();
    await expect
      .poll(() => passwordDialog().getByRole("status").textContent())
      .toMatch(/^The project is now protected by a password/);
    await shoot("password-set-done.png");
    await passwordDialog().getByRole("button", { name: "Close" }).click();
    expect((await current())?.encrypted).toBe(true);
  });

  it("asks for the password when the project is opened again, and Cancel keeps the other project open", async () => {
    const plain = join(dir, "wave two.cairn");
    expect(cairn(["new", plain], dir).status).toBe(0);
    await openFromMenu(plain);
    await expect.poll(title).toBe(plain);

    await menu("members.cairn");
    await prompt().waitFor();
    expect(await prompt().getByLabel("Password").getAttribute("type")).toBe("password");
    expect(
      await prompt()
        .getByLabel("Password")
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await shoot("password-unlock.png");
    await prompt().getByRole("button", { name: "Cancel" }).click();
    expect(await prompt().count()).toBe(0);
    expect(await title()).toBe(plain);
  });

  it("says a wrong password is wrong, keeps it selected, and opens with the right one", async () => {
    await openFromMenu(file);
    const field = prompt().getByLabel("Password");
    await field.fill("kestrel");
    await prompt().getByRole("button", { name: "Open" }).click();
    await expect.poll(() => prompt().getByRole("alert").count()).toBe(1);
    expect(await prompt().getByRole("alert").textContent()).toMatch(/password/i);
    expect(await field.inputValue()).toBe("kestrel");
    await expect
      .poll(() =>
        field.evaluate((el) => [
          (el as HTMLInputElement).selectionStart,
          (el as HTMLInputElement).selectionEnd,
        ]),
      )
      .toEqual([0, 7]);
    expect(await title()).toBe(join(dir, "wave two.cairn"));
    await shoot("password-unlock-wrong.png");

    await page.keyboard.type("kestrel moor");
    await page.keyboard.press("Enter");
    await expect.poll(title).toBe(file);
    expect(await prompt().count()).toBe(0);
    expect((await current())?.encrypted).toBe(true);
  });

  it("changes the password: the current one first, then the new one twice", async () => {
    // A backup under the password about to change, to restore later.
    await menu("Restore from backup…");
    const backups = page.getByRole("dialog", { name: "Restore from backup" });
    await backups.getByRole("button", { name: "Back up now" }).click();
    await expect.poll(() => backups.getByRole("status").textContent()).toMatch(/^Backed up/);
    await backups.getByRole("button", { name: "Close" }).click();

    await menu("Password…");
    const dialog = page.getByRole("dialog", { name: "Change the password" });
    await dialog.getByLabel("Current password").fill("not it");
    await dialog.getByLabel("New password", { exact: true }).fill("heron");
    await dialog.getByLabel("Repeat the new password").fill("heron");
    await dialog.getByRole("button", { name: "Change password" }).click();
    await expect.poll(() => dialog.getByRole("alert").count()).toBe(1);
    await shoot("password-change-wrong.png");

    await dialog.getByLabel("Current password").fill("kestrel moor");
    await dialog.getByRole("button", { name: "Change password" }).click();
    await expect
      .poll(() => passwordDialog().getByRole("status").textContent())
      .toMatch(/^The password is changed/);
    await passwordDialog().getByRole("button", { name: "Close" }).click();

    // The new password opens it; the old one no longer does.
    await menu("Close project");
    await page.getByRole("button", { name: file }).click();
    await prompt().getByLabel("Password").fill("kestrel moor");
    await prompt().getByRole("button", { name: "Open" }).click();
    await expect.poll(() => prompt().getByRole("alert").count()).toBe(1);
    await prompt().getByLabel("Password").fill("heron");
    await prompt().getByRole("button", { name: "Open" }).click();
    await expect.poll(title).toBe(file);
  });

  it("restores a backup made under the old password once that password is given", async () => {
    await menu("Restore from backup…");
    const dialog = page.getByRole("dialog", { name: "Restore from backup" });
    // Made by hand just before the password was changed: under "kestrel moor".
    const mine = dialog.getByRole("row").filter({ hasText: "made by you" });
    await mine.click();
    expect(await mine.textContent()).toContain("another password");
    await dialog.getByRole("button", { name: "Restore…" }).click();
    expect(await dialog.textContent()).toContain(
      "This backup was made under another password: type that password to restore it.",
    );
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    expect(await dialog.getByRole("alert").textContent()).toBe("Type the backup's password.");
    await dialog.getByLabel("The backup's password").fill("heron");
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).not.toMatch(/^This backup/);
    await shoot("password-restore-old.png");
    await dialog.getByLabel("The backup's password").fill("kestrel moor");
    await dialog.getByRole("button", { name: "Restore", exact: true }).click();
    const done = page.getByRole("dialog", { name: "Restored from backup" }).getByRole("status");
    await expect.poll(() => done.textContent()).toContain("opens with that backup's password");
    await page.getByRole("button", { name: "Close" }).click();
    expect((await current())?.encrypted).toBe(true);
  });

  it("removes the password, and the project then opens without one", async () => {
    await menu("Password…");
    const dialog = page.getByRole("dialog", { name: "Change the password" });
    await dialog.getByRole("radio", { name: /Remove it/ }).check();
    const removing = page.getByRole("dialog", { name: "Remove the password" });
    expect(await removing.getByLabel("New password", { exact: true }).count()).toBe(0);
    await removing.getByLabel("Current password").fill("kestrel moor");
    await shoot("password-remove.png");
    await removing.getByRole("button", { name: "Remove password" }).click();
    await expect
      .poll(() => passwordDialog().getByRole("status").textContent())
      .toMatch(/^The password is removed/);
    await passwordDialog().getByRole("button", { name: "Close" }).click();
    expect((await current())?.encrypted).toBe(false);

    await menu("Close project");
    await page.getByRole("button", { name: file }).click();
    await expect.poll(title).toBe(file);
    expect(await prompt().count()).toBe(0);
  });
});
