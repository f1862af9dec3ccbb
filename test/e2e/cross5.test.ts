/**
 * Where issue 5's views meet the rest of the app: a search left open while answers are
 * imported, and a code chosen in the auto-code panel or the passages view that is
 * deleted from the codebook meanwhile.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportInspection } from "../../shared/import/inspection.ts";
import { callServed, openApp, type OpenApp } from "../helpers/browser.ts";
import { cairn } from "../helpers/cli.ts";

const SCREENSHOTS = join(process.cwd(), ".scratch");

describe("a coder whose search and passages stay right while the project changes", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-cross5-"));
  const file = join(dir, "survey.cairn");
  let app: OpenApp;
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const panel = (): Locator => page.getByRole("complementary", { name: "Codebook" });
  const line = (path: string): Locator =>
    panel().getByRole("treeitem", { name: path, exact: true }).locator("> .code-line");

  /** The core itself, as another window or program would call it. */
  const api = <T>(name: string, input: unknown) => callServed<T>(app.served, name, input);

  async function deleteCode(path: string) {
    await line(path).hover();
    await line(path)
      .getByRole("button", { name: `Actions for ${path}` })
      .click();
    await page
      .getByRole("menu", { name: `Actions for ${path}` })
      .getByRole("menuitem", { name: /^Delete…/ })
      .click();
    await page
      .getByRole("dialog", { name: `Delete ${path}` })
      .getByRole("button", { name: "Delete" })
      .click();
    await line(path).waitFor({ state: "detached" });
  }

  beforeAll(async () => {
    const wave = join(dir, "wave1.csv");
    writeFileSync(
      wave,
      [
        "id,Country,Q1",
        'R1,Ireland,"We called the police twice."',
        'R2,Malta,"Nothing happened."',
        'R3,,"The police came late. We waited."',
      ].join("\n"),
    );
    expect(cairn(["new", file], dir).status).toBe(0);
    expect(cairn(["import", file, wave], dir).status).toBe(0);
    for (const [respondent, code] of [
      ["R1", "Police"],
      ["R3", "Police"],
      ["R3", "Delay"],
    ] as const) {
      const run = cairn(
        ["code", file, "--coder", "Ann", "--respondent", respondent, "--question", "Q1"].concat([
          "--code",
          code,
        ]),
        dir,
      );
      expect(run.stderr).toBe("");
    }
    app = await openApp(file, dir, { width: 1400, height: 900 });
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("searches again when an import brings new answers and replaces old ones", async () => {
    await page.getByRole("tab", { name: "Search" }).click();
    const box = page.getByRole("searchbox", { name: "Search all answers" });
    await box.fill("police");
    await box.press("Enter");
    const count = page.getByTestId("search-count");
    await expect.poll(() => count.textContent()).toBe("2 hits in 2 answers");

    const wave = join(dir, "wave2.csv");
    writeFileSync(
      wave,
      ["id,Country,Q1", 'R2,Malta,"The police never came."', 'R4,France,"No police here."'].join(
        "\n",
      ),
    );
    const source = { paths: [wave] };
    const inspection = await api<ImportInspection>("import.inspect", { source });
    await api("import.run", { source, mapping: inspection.guess, onConflict: "replace" });

    await expect.poll(() => count.textContent()).toBe("4 hits in 4 answers");
    await expect.poll(() => page.locator(".kwic-row").count()).toBe(4);
    await shoot("cross5-search-after-import.png");
  });

  it("asks for another code when the one chosen for auto-coding is deleted", async () => {
    await page.getByRole("button", { name: "Auto-code hits…" }).click();
    const chooser = page.getByRole("combobox", { name: "Code to apply" });
    await chooser.fill("Delay");
    await chooser.press("Enter");
    await expect.poll(() => page.locator(".autocode-code-name").textContent()).toBe("Delay");

    await deleteCode("Delay");
    await expect.poll(() => chooser.isVisible()).toBe(true);
    expect(await page.locator(".autocode [role=alert]").count()).toBe(0);
    await shoot("cross5-autocode-code-deleted.png");
    // Undone, the code is back in the codebook: the coder chooses it again.
    await page.locator(".history-buttons button").first().click();
    await line("Delay").waitFor();
    await page.getByRole("button", { name: "Back to hits" }).click();
  });

  it("says the code is gone, without an error, when the passages' code is deleted", async () => {
    await line("Police").hover();
    await line("Police").getByRole("button", { name: "Actions for Police" }).click();
    await page
      .getByRole("menu", { name: "Actions for Police" })
      .getByRole("menuitem", { name: /passages/i })
      .click();
    await expect.poll(() => page.getByTestId("passage-count").textContent()).toMatch(/^2 passages/);
    await deleteCode("Police");
    await expect
      .poll(() => page.locator(".passages-empty").textContent())
      .toBe("That code is no longer in the codebook. Choose another.");
    await page.waitForTimeout(300);
    expect(await page.locator(".passages-view .notice.error").count()).toBe(0);
    await shoot("cross5-passages-code-deleted.png");
  });

  it("forgets the passages' code when another project opens, where its id is another code", async () => {
    const other = join(dir, "other.cairn");
    expect(cairn(["demo", other], dir).status).toBe(0);
    await page.getByRole("button", { name: "Undo" }).first().click();
    await line("Police").waitFor();
    await line("Police").hover();
    await line("Police").getByRole("button", { name: "Actions for Police" }).click();
    await page
      .getByRole("menu", { name: "Actions for Police" })
      .getByRole("menuitem", { name: /passages/i })
      .click();
    await expect.poll(() => page.getByTestId("passage-count").textContent()).toMatch(/^2 passages/);

    await api("project.open", { path: other });
    await expect.poll(() => page.locator(".project-title").textContent()).toMatch(/European/);
    await page.getByRole("tab", { name: "Passages" }).click();
    await page.waitForTimeout(300);
    // No code chosen: the demo's code with Police's id must not stand in for it.
    expect(await page.getByTestId("passage-count").count()).toBe(0);
    expect(await page.locator(".passages-view .notice.error").count()).toBe(0);
  });
});

describe("a project with nothing in it yet", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-cross5-empty-"));
  const file = join(dir, "empty.cairn");
  let app: OpenApp;

  beforeAll(async () => {
    expect(cairn(["new", file], dir).status).toBe(0);
    app = await openApp(file, dir, { width: 1400, height: 900 });
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens every view without an error", async () => {
    const page = app.page;
    for (const tab of ["Search", "Passages", "Co-occurrence"]) {
      await page.getByRole("tab", { name: tab }).click();
      if (tab === "Search") {
        const box = page.getByRole("searchbox", { name: "Search all answers" });
        await box.fill("police");
        await box.press("Enter");
        await expect.poll(() => page.getByTestId("search-count").textContent()).toBe("No hits");
      }
      await page.waitForTimeout(300);
      expect(await page.locator(".notice.error, [role=alert]").count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, `cross5-empty-${tab.toLowerCase()}.png`) });
    }
  });
});
