import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { SearchHit } from "../../shared/api/search-api.ts";
import type { AnswerRow, CodeNode } from "../../shared/domain.ts";
import { sampleData } from "../../electron/core/services/sample-project.ts";
import { callServed, type OpenApp } from "../helpers/browser.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

/** Where "the police" stands in the sample's answers, whatever the case. */
const police = sampleData().respondents.flatMap((r) =>
  Object.values(r.answers).flatMap((text) => [...text.matchAll(/the police/gi)]),
);

describe("a coder searching the answers and auto-coding the hits", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-search-",
    viewport: { width: 1400, height: 900 },
  });
  let app: OpenApp;
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const box = () => page.getByRole("searchbox", { name: "Search all answers" });
  const previewRows = () => page.locator(".autocode-row");

  /** The core itself, as another window or program would call it. */
  const core = <T>(name: string, input: unknown) => callServed<T>(app.served, name, input);

  /** The passages coded with `name` in the answers the search finds, as [answer, start, end]. */
  async function codedWith(name: string, hits: readonly SearchHit[]): Promise<number[][]> {
    const tree = await core<CodeNode[]>("codes.tree", {});
    const code = tree.find((c) => c.name === name);
    if (!code) return [];
    const answerIds = [...new Set(hits.map((h) => h.answerId))];
    const rows = await core<AnswerRow[]>("answers.get", { answerIds });
    return rows.flatMap((row) =>
      row.segments.filter((s) => s.codeId === code.id).map((s) => [row.answerId, s.start, s.end]),
    );
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ app, page } = sample);
  });

  it("finds a phrase in quotes and highlights it in every line", async () => {
    expect(police.length).toBe(8);
    await page.getByRole("tab", { name: "Search" }).click();
    await box().fill('"the police"');
    await box().press("Enter");
    await expect
      .poll(() => page.getByTestId("search-count").textContent())
      .toBe("8 hits in 8 answers");
    const marks = await page.locator(".kwic-row mark").allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(Array(8).fill("the police"));
    // Questionnaire order first: Q1's only hit (ORG-13) leads.
    const first = page.locator(".kwic-row").first();
    expect(await first.locator(".kwic-respondent").textContent()).toBe("ORG-13");
    expect(await first.locator(".kwic-question").textContent()).toMatch(/^Q1/);
    await shoot("search-hits.png");
  });

  it("lines the matches up in one column", async () => {
    const lefts = await page
      .locator(".kwic-row mark")
      .evaluateAll((marks) => marks.map((m) => Math.round(m.getBoundingClientRect().left)));
    expect(new Set(lefts).size).toBe(1);
  });

  it("narrows the hits to one question, and drops the question column", async () => {
    const question = page.getByRole("combobox", { name: "In" });
    // Each question is listed with its text, as in the other views.
    await question.selectOption({
      label:
        "Q2 Risk and safety · How do you assess and manage risk for the people you support? Which tools, procedures or routines do you use?",
    });
    await expect
      .poll(() => page.getByTestId("search-count").textContent())
      .toBe("4 hits in 4 answers");
    expect(await page.locator(".kwic-question").first().isVisible()).toBe(false);
    await question.selectOption({ label: "All questions" });
    await expect
      .poll(() => page.getByTestId("search-count").textContent())
      .toBe("8 hits in 8 answers");
  });

  it("says why a regular expression is wrong, under the box, and keeps working", async () => {
    await page.getByLabel("Regular expression").check();
    await box().fill("police(");
    await box().press("Enter");
    const alert = page.locator(".search-form").getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/regular expression|regex|\(/i);
    await shoot("search-regex-error.png");
    await box().fill("the police");
    await box().press("Enter");
    await expect
      .poll(() => page.getByTestId("search-count").textContent())
      .toBe("8 hits in 8 answers");
    expect(await alert.count()).toBe(0);
    await page.getByLabel("Regular expression").uncheck();
    // Words now, not a pattern: the phrase needs its quotes again.
    await box().fill('"the police"');
    await box().press("Enter");
    await expect
      .poll(() => page.getByTestId("search-count").textContent())
      .toBe("8 hits in 8 answers");
  });

  it("shows a hit in its answer and comes back to the same search", async () => {
    // From the box, Down reaches the first hit and Enter shows it.
    await box().press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("tab", { name: "Answers" }).getAttribute("aria-selected"))
      .toBe("true");
    await page.waitForTimeout(300);
    await shoot("search-reveal.png");
    await page.getByRole("tab", { name: "Search" }).click();
    expect(await page.getByTestId("search-count").textContent()).toBe("8 hits in 8 answers");
    expect(await box().inputValue()).toBe('"the police"');
  });

  it("auto-codes three checked hits with a new code in one undoable step", async () => {
    await page.getByRole("button", { name: "Auto-code hits…" }).click();
    const chooser = page.getByRole("combobox", { name: "Code to apply" });
    await chooser.fill("Police mentions");
    await chooser.press("Enter");
    await expect.poll(() => previewRows().count()).toBe(8);
    expect(await page.getByLabel("Just the hit").isChecked()).toBe(true);
    expect(await page.locator(".autocode-passage mark").first().textContent()).toMatch(
      /^the police$/i,
    );

    // Its sentence: the passage grows to the sentence around the hit.
    await page.getByLabel("Its sentence").check();
    await expect
      .poll(() => page.locator(".autocode-extent").first().textContent())
      .toBe(
        "We accompany victims to court and to the police if they wish and do follow-up for at least 6 months after the case closes.",
      );
    await shoot("search-autocode-sentence.png");
    await page.getByLabel("Just the hit").check();
    await expect
      .poll(() => page.locator(".autocode-extent").first().textContent())
      .toBe("the police");

    await page.getByRole("button", { name: "Check none" }).click();
    const boxes = previewRows().getByRole("checkbox");
    for (const n of [0, 3, 6]) await boxes.nth(n).check();
    const code = page.getByRole("button", { name: "Code 3 passages" });
    await shoot("search-autocode-preview.png");
    await code.click();

    // Nobody is coding yet on this machine: the app asks once, then codes.
    const who = page.getByRole("dialog", { name: "Who is coding?" });
    await who.getByLabel("Your name").fill("Test Coder");
    await who.getByRole("button", { name: "Start coding" }).click();
    await expect
      .poll(() => page.getByTestId("announcer").textContent())
      .toBe("Auto-coded 3 passages with Police mentions");

    const { rows: hits } = await core<{ rows: SearchHit[] }>("search.run", {
      query: '"the police"',
    });
    const chosen = [hits[0]!, hits[3]!, hits[6]!].map((h) => [h.answerId, h.start, h.end]);
    expect(await codedWith("Police mentions", hits)).toEqual(chosen);

    // The preview now says those three are coded, and they cannot be checked again.
    await expect.poll(() => page.locator(".autocode-row.coded").count()).toBe(3);
    expect(await boxes.nth(3).isDisabled()).toBe(true);
    expect(await page.locator(".autocode-done").textContent()).toBe(
      "Coded 3 passages with Police mentions.",
    );
    await shoot("search-autocode-done.png");

    await page.locator(".history-buttons button").first().click();
    await expect.poll(() => codedWith("Police mentions", hits)).toEqual([]);
    await expect.poll(() => page.locator(".autocode-row.coded").count()).toBe(0);
  });

  it("brings the next hits as the list scrolls down", async () => {
    await page.getByRole("button", { name: "Back to hits" }).click();
    await box().fill("a*");
    await box().press("Enter");
    const count = page.getByTestId("search-count");
    await expect.poll(() => count.textContent()).toMatch(/^\d+ hits in \d+ answers$/);
    const total = Number((await count.textContent())!.split(" ")[0]);
    expect(total).toBeGreaterThan(400);
    // A page at a time: the first 200, then more as the end of the list comes near.
    expect(await page.locator(".kwic-row").count()).toBe(200);
    await expect
      .poll(async () => {
        await page.locator(".kwic-scroller").evaluate((el) => (el.scrollTop = el.scrollHeight));
        return page.locator(".kwic-row").count();
      })
      .toBe(total);
    const marks = await page.locator(".kwic-row mark").allTextContents();
    // Accents ignored: "à" starts with an a too.
    expect(marks.filter((m) => !/^[aà]/i.test(m))).toEqual([]);
    await shoot("search-prefix-scrolled.png");
  });
});
