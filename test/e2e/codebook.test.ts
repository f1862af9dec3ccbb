/**
 * A coder organising the codebook in the side panel: a category and two codes made
 * from the panel, one dragged into the category with the mouse, codes merged and
 * deleted from a code's menu (each dialog saying what will happen), the delete undone,
 * and a code moved with Alt+Up. The counts beside the codes follow every change.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerRow, CodeNode } from "../../shared/domain.ts";
import { dragSelect } from "../helpers/coding.ts";
import { callServed, type OpenApp } from "../helpers/browser.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

describe("a coder organising the codebook", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-codebook-",
    viewport: { width: 1400, height: 900 },
  });
  const { dir } = sample;
  let app: OpenApp;
  let page: Page;
  const panel = (): Locator => page.getByRole("complementary", { name: "Codebook" });
  const item = (path: string): Locator =>
    panel().getByRole("treeitem", { name: path, exact: true });
  /** A code's own row (its name, counts and buttons), not its branch. */
  const line = (path: string): Locator => item(path).locator("> .code-line");
  const countOf = (path: string) => line(path).locator(".code-count").textContent();
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);
  const notice = () => panel().locator(".codebook-notice span").textContent();
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const topLevel = () =>
    panel()
      .locator(".code-tree > li")
      .evaluateAll((items) => items.map((li) => li.getAttribute("aria-label")));

  /** The core itself, as another window or program would call it. */
  const api = <T>(name: string, input: unknown) => callServed<T>(app.served, name, input);

  async function openMenu(path: string) {
    await line(path).hover();
    await line(path)
      .getByRole("button", { name: `Actions for ${path}` })
      .click();
    return page.getByRole("menu", { name: `Actions for ${path}` });
  }

  async function newCode(kind: "+ Code" | "+ Category", name: string, where: string) {
    await panel().getByRole("button", { name: kind, exact: true }).click();
    const form = panel().getByRole("form");
    await form.getByRole("textbox").fill(name);
    await form.getByRole("combobox", { name: "Where the new code goes" }).selectOption({
      label: where,
    });
    if (kind === "+ Code") await shoot("codebook-new-code.png");
    await page.keyboard.press("Enter");
    await item(where === "Top level" ? name : `${where} > ${name}`).waitFor();
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ app, page } = sample);
    await row("ORG-02").waitFor();
  });

  it("shows every code with its passages and respondents beside it", async () => {
    await expect
      .poll(() => countOf("Multi-agency cooperation > Police"))
      .toMatch(/^\d+ · \d+ resp\.$/);
    const title = await line("Multi-agency cooperation")
      .locator(".code-count")
      .getAttribute("title");
    expect(title).toMatch(
      /^Multi-agency cooperation with its sub-codes: \d+ coded passages from \d+ respondents\.\n/,
    );
  });

  it("creates a category and two codes from the panel", async () => {
    await newCode("+ Category", "Support", "Top level");
    await newCode("+ Code", "Helpline", "Top level");
    await newCode("+ Code", "Webchat", "Top level");
    expect((await topLevel()).slice(-3)).toEqual(["Support", "Helpline", "Webchat"]);
    await expect.poll(() => countOf("Webchat")).toBe("0");
  });

  it("applies a code by clicking it, and the count beside it follows", async () => {
    await dragSelect(page, row("ORG-02"), "national freephone helpline");
    await line("Helpline")
      .getByRole("button", { name: /^Apply Helpline/ })
      .click();
    const who = page.getByRole("dialog", { name: "Who is coding?" });
    await who.getByLabel("Your name").fill("Test Coder");
    await who.getByRole("button", { name: "Start coding" }).click();
    await expect.poll(() => countOf("Helpline")).toBe("1 · 1 resp.");

    // Another window (here: the API) codes two passages: the counts follow that too.
    const answers = await api<AnswerRow[]>("answers.get", {
      answerIds: [Number(await row("ORG-02").getAttribute("data-answer"))],
    });
    const text = answers[0]!.text;
    const webchat = text.indexOf("webchat");
    await api("coding.apply", {
      answerId: answers[0]!.answerId,
      code: { path: ["Webchat"] },
      coder: "Test Coder",
      start: webchat,
      end: webchat + "webchat".length,
    });
    await expect.poll(() => countOf("Webchat")).toBe("1 · 1 resp.");
  });

  it("drags a code into the category with the mouse", async () => {
    const from = await line("Helpline")
      .getByRole("button", { name: /^Apply Helpline/ })
      .boundingBox();
    const onto = await line("Support").boundingBox();
    expect(from && onto).toBeTruthy();
    await page.mouse.move(from!.x + 30, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(from!.x + 34, from!.y - 4, { steps: 3 });
    await page.mouse.move(onto!.x + 60, onto!.y + onto!.height / 2, { steps: 6 });
    await expect.poll(() => line("Support").getAttribute("class")).toContain("drop-inside");
    await shoot("codebook-drag.png");
    await page.mouse.up();

    await item("Support > Helpline").waitFor();
    expect((await topLevel()).slice(-2)).toEqual(["Support", "Webchat"]);
    expect(await item("Support").getAttribute("aria-expanded")).toBe("true");
    // The drop did not apply the code it let go of.
    await expect.poll(() => countOf("Support > Helpline")).toBe("1 · 1 resp.");
    await expect.poll(() => countOf("Support")).toBe("1 · 1 resp.");
  });

  it("refuses to drop a category into its own sub-code", async () => {
    const from = await line("Support").boundingBox();
    const onto = await line("Support > Helpline").boundingBox();
    await page.mouse.move(from!.x + 40, from!.y + from!.height / 2);
    await page.mouse.down();
    await page.mouse.move(onto!.x + 60, onto!.y + onto!.height / 2, { steps: 6 });
    await expect
      .poll(() => line("Support > Helpline").getAttribute("class"))
      .toContain("drop-refused");
    await shoot("codebook-drag-refused.png");
    await page.mouse.up();
    await page.waitForTimeout(300);
    expect(await item("Support > Helpline").count()).toBe(1);
    expect(await page.locator(".banner.error").count()).toBe(0);
  });

  it("merges a code into another from its menu, saying first what will happen", async () => {
    const menu = await openMenu("Webchat");
    await shoot("codebook-menu.png");
    await menu.getByRole("menuitem", { name: "Merge into…" }).click();
    const dialog = page.getByRole("dialog", { name: "Merge Webchat into another code" });
    await dialog.getByRole("combobox").fill("Support Helpline");
    await expect
      .poll(() => dialog.locator(".dialog-consequence").textContent())
      .toBe(
        "1 coded passage from 1 respondent moves to “Support > Helpline” (a coder's overlapping passages join). “Webchat” is then removed. You can undo this.",
      );
    await shoot("codebook-merge.png");
    await dialog.getByRole("button", { name: "Merge" }).click();

    await expect.poll(() => item("Webchat").count()).toBe(0);
    await expect.poll(() => countOf("Support > Helpline")).toBe("2 · 1 resp.");
    const tree = await api<CodeNode[]>("codes.tree", {});
    expect(tree.map((c) => c.name)).not.toContain("Webchat");
  });

  it("deletes a category after saying how many passages go, and undo brings it back", async () => {
    const menu = await openMenu("Support");
    await menu.getByRole("menuitem", { name: "Delete…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete Support" });
    await expect
      .poll(() => dialog.locator(".dialog-consequence").textContent())
      .toBe(
        "Delete “Support” and its sub-code? 2 coded passages from 1 respondent will be removed. You can undo this.",
      );
    await shoot("codebook-delete.png");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => item("Support").count()).toBe(0);

    await page.getByRole("button", { name: /^Undo/ }).click();
    await item("Support > Helpline").waitFor();
    await expect.poll(() => countOf("Support > Helpline")).toBe("2 · 1 resp.");
  });

  it("moves a code with the keyboard alone: Shift+F10, the menu, the dialog, Esc", async () => {
    await line("Support")
      .getByRole("button", { name: /^Apply Support/ })
      .focus();
    await page.keyboard.press("Shift+F10");
    // The menu takes the keyboard as soon as it shows.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("role")))
      .toBe("menuitem");
    await page.getByRole("menuitem", { name: "Move to…" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Move Support" });
    const chooser = dialog.getByRole("combobox", { name: "Move into" });
    await expect.poll(() => chooser.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowDown");
    expect(await dialog.locator(".dialog-consequence").textContent()).toBe(
      "It is already in the top level.",
    );
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toMatch(/^Apply Support/);
  });

  it("moves a code up among its siblings with Alt+Up", async () => {
    const before = await topLevel();
    expect(before.slice(-2)).toEqual(["Legal framework", "Support"]);
    await line("Support")
      .getByRole("button", { name: /^Apply Support/ })
      .focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect
      .poll(async () => (await topLevel()).slice(-2))
      .toEqual(["Support", "Legal framework"]);
    // The keyboard stays on the moved code, so the next Alt+Up moves it again.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toMatch(/^Apply Support/);
    await page.keyboard.press("ArrowDown");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("aria-label")))
      .toBe("Apply Support > Helpline");
    await shoot("codebook-panel.png");
  });

  it("moves a code into the one above with Alt+Right and back out with Alt+Left", async () => {
    await line("Legal framework")
      .getByRole("button", { name: /^Apply Legal framework/ })
      .focus();
    await page.keyboard.press("Alt+ArrowRight");
    await item("Support > Legal framework").waitFor();
    expect((await topLevel()).slice(-1)).toEqual(["Support"]);
    await page.keyboard.press("Alt+ArrowLeft");
    await item("Legal framework").waitFor();
    expect((await topLevel()).slice(-2)).toEqual(["Support", "Legal framework"]);

    // Left folds a category, Right opens it again.
    await page.keyboard.press("ArrowLeft");
    expect(await item("Legal framework").getAttribute("aria-expanded")).toBe("false");
    expect(await item("Legal framework > Criminal law").count()).toBe(0);
    await page.keyboard.press("ArrowRight");
    await item("Legal framework > Criminal law").waitFor();
  });

  it("describes a code, and the definition shows when the pointer rests on it", async () => {
    const menu = await openMenu("Support > Helpline");
    await menu.getByRole("menuitem", { name: "Describe…" }).click();
    const dialog = page.getByRole("dialog", { name: "Describe Support > Helpline" });
    await dialog.getByLabel("Definition").fill("Phone lines open to anyone who calls.");
    await dialog.getByLabel("When to use").fill("The service itself, not referrals by it.");
    await dialog.getByLabel("When not to use").fill("Webchat only: use Online support.");
    await dialog.getByLabel("Example").fill("“our freephone line is open 24/7”");
    await shoot("codebook-describe.png");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => line("Support > Helpline").locator(".code-name").getAttribute("title"))
      .toContain("Phone lines open to anyone who calls.\nWhen to use: The service itself");
    const tree = await api<CodeNode[]>("codes.tree", {});
    const helpline = tree.find((c) => c.name === "Support")!.children[0]!;
    expect(helpline.example).toBe("“our freephone line is open 24/7”");
  });

  it("recolours a code from the palette in its menu", async () => {
    const menu = await openMenu("Support");
    await menu.getByRole("menuitemradio", { name: /^Colour 3 of 12/ }).click();
    await expect
      .poll(() =>
        line("Support")
          .locator(".swatch")
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      )
      .toBe("rgb(225, 87, 89)");
  });

  it("counts only the active coder's passages in the Mine view", async () => {
    await page.getByRole("button", { name: "Mine", exact: true }).click();
    await expect.poll(() => countOf("Multi-agency cooperation > Police")).toBe("0");
    expect(await countOf("Support > Helpline")).toBe("2 · 1 resp.");
    await page.getByRole("button", { name: "All coders", exact: true }).click();
    await expect.poll(() => countOf("Multi-agency cooperation > Police")).not.toBe("0");
  });

  it("exports the codebook to a CSV file and imports one back, saying what changed", async () => {
    const out = join(dir, "shared-codebook.csv");
    await panel().getByRole("button", { name: "Codebook menu" }).click();
    await page.getByRole("menuitem", { name: "Export codebook…" }).click();
    const exporting = page.getByRole("dialog", { name: "Export the codebook" });
    await exporting.getByLabel("File path on this computer").fill(out);
    await shoot("codebook-export.png");
    await exporting.getByRole("button", { name: "Export" }).click();
    await expect.poll(() => notice()).toMatch(/^Exported \d+ codes to /);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, "utf8")).toContain("Support > Helpline");

    const incoming = join(dir, "team-codebook.csv");
    writeFileSync(
      incoming,
      "path,color,description\nSupport > Helpline,#4e79a7,Phone lines\nSupport > Outreach,#59a14f,Visits\nSupport > Outreach > Rural,,\n",
    );
    await panel().getByRole("button", { name: "Codebook menu" }).click();
    await page.getByRole("menuitem", { name: "Import codebook…" }).click();
    const importing = page.getByRole("dialog", { name: "Import a codebook" });
    await importing.getByLabel("File path on this computer").fill(incoming);
    await importing.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => notice()).toBe("Created 2 codes, updated 1");
    await item("Support > Outreach > Rural").waitFor();
    await shoot("codebook-imported.png");
  });
});
