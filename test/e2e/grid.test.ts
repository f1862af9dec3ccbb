import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detectAnswerStatus } from "../../shared/answers/status.ts";
import { sampleData } from "../../electron/core/services/sample-project.ts";
import { openApp, type OpenApp } from "../helpers/browser.ts";
import { cairn } from "../helpers/cli.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

const data = sampleData();
const respondents = data.respondents.length;

function answerOf(respondentId: string, question: string): string {
  return data.respondents.find((r) => r.id === respondentId)?.answers[question] ?? "";
}

/**
 * The respondents shown in the grid, top to bottom (18 fit in the list at once; rows come
 * in over a few frames, so tests poll this).
 */
async function shownRespondents(page: Page): Promise<string[]> {
  const rows = page.locator("[data-testid=answer-list] article[data-respondent]");
  const slots = await rows.evaluateAll((articles) =>
    articles
      .map((article) => ({
        id: article.getAttribute("data-respondent") ?? "",
        top: article.getBoundingClientRect().top,
      }))
      .sort((a, b) => a.top - b.top)
      .map((slot) => slot.id),
  );
  return slots;
}

async function countLine(page: Page): Promise<string> {
  return (await page.getByTestId("answer-count").textContent()) ?? "";
}

/** Back to every answer of the question, whatever the test before left filtered. */
async function clearFilters(page: Page) {
  await page.keyboard.press("Escape");
  const clear = page.getByRole("button", { name: "Clear filters" });
  if ((await clear.count()) > 0) await clear.first().click();
  await expect.poll(() => countLine(page)).toBe(`${data.respondents.length} answers`);
}

async function openQuestion(page: Page, label: string) {
  await page
    .getByRole("navigation", { name: "Questions" })
    .getByRole("button", { name: new RegExp(`^${label}`) })
    .click();
  await expect.poll(() => page.getByRole("heading", { level: 2, name: label }).count()).toBe(1);
}

describe("an analyst narrowing down one question's answers in the grid", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-grid-" });
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    page = sample.page;
  });

  it("searches the answers and sees only those that mention the word, with the count", async () => {
    await expect.poll(() => countLine(page)).toBe(`${respondents} answers`);
    const question = data.questions[0]!.label;
    const matching = data.respondents
      .filter((r) => (r.answers[question] ?? "").toLowerCase().includes("court"))
      .map((r) => r.id);
    expect(matching.length).toBeGreaterThan(1);

    await page.getByRole("searchbox", { name: "Search answers" }).fill("court");
    await expect
      .poll(() => countLine(page))
      .toBe(`Showing ${matching.length} of ${respondents} answers`);
    await expect.poll(() => shownRespondents(page)).toEqual(matching);
    expect(await page.locator(".grid-chip").textContent()).toContain("Contains “court”");
    await page.screenshot({ path: join(SCREENSHOTS, "grid-search.png") });
  });

  it("finds nothing for a word no one wrote, and says which filters are to blame", async () => {
    await page.getByRole("searchbox", { name: "Search answers" }).fill("zeppelin");
    await expect.poll(() => page.getByTestId("no-match").count()).toBe(1);
    expect(await page.getByTestId("no-match").textContent()).toContain("Contains “zeppelin”");
    await page.screenshot({ path: join(SCREENSHOTS, "grid-no-match.png") });
    await page.getByRole("button", { name: "Remove filter: Contains “zeppelin”" }).click();
    await expect.poll(() => countLine(page)).toBe(`${respondents} answers`);
    expect(await page.getByRole("searchbox", { name: "Search answers" }).inputValue()).toBe("");
  });

  it("hides the non-responses and blank answers of a question in one click", async () => {
    const question = data.questions.find((q) =>
      data.respondents.some((r) => detectAnswerStatus(r.answers[q.label] ?? "") !== "answered"),
    )!;
    const answered = data.respondents.filter(
      (r) => detectAnswerStatus(r.answers[question.label] ?? "") === "answered",
    );
    await openQuestion(page, question.label);
    await expect.poll(() => countLine(page)).toBe(`${respondents} answers`);

    await page.getByRole("button", { name: "Answered only" }).click();
    await expect
      .poll(() => countLine(page))
      .toBe(`Showing ${answered.length} of ${respondents} answers`);
    expect(await page.locator(".answer-row .badge").count()).toBe(0);
    expect(
      await page.getByRole("button", { name: "Answered only" }).getAttribute("aria-pressed"),
    ).toBe("true");
  });

  it("keeps only the respondents of one country", async () => {
    await openQuestion(page, data.questions[0]!.label);
    await clearFilters(page);

    const irish = data.respondents.filter((r) => r.attributes.Country === "Ireland");
    await page.getByRole("button", { name: "Filter", exact: true }).click();
    const panel = page.getByRole("dialog", { name: "Filter answers" });
    await panel.getByRole("combobox", { name: "Attribute" }).selectOption("Country");
    await panel.getByRole("checkbox", { name: "Ireland" }).check();
    await expect
      .poll(() => countLine(page))
      .toBe(`Showing ${irish.length} of ${respondents} answers`);
    await page.screenshot({ path: join(SCREENSHOTS, "grid-filter-panel.png") });
    await page.keyboard.press("Escape");
    await expect.poll(() => shownRespondents(page)).toEqual(irish.map((r) => r.id));
    expect(await page.locator(".grid-chip").allTextContents()).toEqual([
      expect.stringContaining("Country: Ireland"),
    ]);
  });

  it("keeps the answers coded with a code, then those not coded yet", async () => {
    await clearFilters(page);
    const question = data.questions[0]!.label;
    const segments = data.segments.filter((s) => s.question === question);
    const code = segments[0]!.code;
    const withCode = new Set(
      segments.filter((s) => s.code.join(">") === code.join(">")).map((s) => s.respondent),
    );
    const coded = new Set(segments.map((s) => s.respondent));

    await page.getByRole("button", { name: "Filter", exact: true }).click();
    const panel = page.getByRole("dialog", { name: "Filter answers" });
    await panel.getByRole("combobox", { name: "Coding" }).selectOption("has");
    const picker = panel.getByRole("combobox", { name: "Code", exact: true });
    const option = picker.locator("option", { hasText: code.at(-1)! }).first();
    await picker.selectOption((await option.getAttribute("value"))!);
    await expect
      .poll(() => countLine(page))
      .toBe(`Showing ${withCode.size} of ${respondents} answers`);
    expect(await page.locator(".grid-chip").textContent()).toContain(`Has ${code.join(" > ")}`);
    await page.screenshot({ path: join(SCREENSHOTS, "grid-code-filter.png") });

    await panel.getByRole("combobox", { name: "Coding" }).selectOption("none");
    await expect
      .poll(() => countLine(page))
      .toBe(`Showing ${respondents - coded.size} of ${respondents} answers`);
    await page.keyboard.press("Escape");
  });

  it("sorts the answers by length, longest first", async () => {
    await clearFilters(page);
    const question = data.questions[0]!.label;
    const byLength = [...data.respondents].sort(
      (a, b) => (b.answers[question] ?? "").length - (a.answers[question] ?? "").length,
    );
    // The longest answer is clearly the longest: no tie decides the test.
    expect(answerOf(byLength[0]!.id, question).length).toBeGreaterThan(
      answerOf(byLength[1]!.id, question).length,
    );

    await page.getByRole("combobox", { name: "Sort by" }).selectOption("length");
    await page.getByRole("button", { name: /sort descending/ }).click();
    await expect
      .poll(async () => (await shownRespondents(page)).slice(0, 2))
      .toEqual([byLength[0]!.id, byLength[1]!.id]);
    await page.screenshot({ path: join(SCREENSHOTS, "grid-sorted.png") });
  });

  it("reads one respondent's answers across the questions, then the next respondent's", async () => {
    await page.getByRole("button", { name: "Respondents", exact: true }).click();
    const respondent = data.respondents[2]!;
    await page
      .getByRole("list", { name: "Respondents" })
      .getByRole("button", {
        name: new RegExp(`^${respondent.id}`),
      })
      .click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).first().textContent())
      .toContain(respondent.id);
    await expect.poll(() => countLine(page)).toBe(`${data.questions.length} answers`);
    const rows = page.locator("[data-testid=answer-list] article[data-respondent]");
    await expect
      .poll(
        async () => new Set(await rows.evaluateAll((all) => all.map((a) => a.dataset.respondent))),
      )
      .toEqual(new Set([respondent.id]));
    const firstAnswer = answerOf(respondent.id, data.questions[0]!.label);
    await expect.poll(() => rows.first().textContent()).toContain(firstAnswer.slice(0, 30));
    await page.screenshot({ path: join(SCREENSHOTS, "grid-respondent.png") });

    await page.getByRole("button", { name: "Next respondent" }).click();
    const next = data.respondents[3]!;
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).first().textContent())
      .toContain(next.id);
    await expect.poll(async () => (await shownRespondents(page))[0]).toBe(next.id);
  });

  it("goes back to the question with the filters it left, and clears them", async () => {
    await page.getByRole("button", { name: "Answered only" }).click();
    await page.getByRole("button", { name: "Questions", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: data.questions[0]!.label }).count())
      .toBe(1);
    await expect.poll(() => page.locator(".grid-chip").count()).toBe(1);
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect.poll(() => countLine(page)).toBe(`${respondents} answers`);
    expect(await page.locator(".grid-chip").count()).toBe(0);
  });

  it("chooses the attribute columns beside the answers, and finds the choice after a reload", async () => {
    const firstRow = page.locator("[data-testid=answer-list] article[data-respondent]").first();
    await expect.poll(() => firstRow.textContent()).toContain("Organisation type");
    await page.getByRole("button", { name: "Columns" }).click();
    await page
      .getByRole("dialog", { name: "Attribute columns" })
      .getByRole("checkbox", { name: "Organisation type" })
      .uncheck();
    await page.keyboard.press("Escape");
    await expect.poll(() => firstRow.textContent()).not.toContain("Organisation type");
    expect(await firstRow.textContent()).toContain("Country");

    await page.reload();
    await expect.poll(() => countLine(page)).toBe(`${respondents} answers`);
    await expect.poll(() => firstRow.textContent()).toContain("Country");
    expect(await firstRow.textContent()).not.toContain("Organisation type");
  });

  it("keeps the toolbar tidy in a narrow window", async () => {
    await page.getByRole("searchbox", { name: "Search answers" }).fill("women");
    await page.getByRole("button", { name: "Answered only" }).click();
    await expect.poll(() => page.locator(".grid-chip").count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, "grid-toolbar-1280.png") });
    await page.setViewportSize({ width: 1000, height: 700 });
    const toolbar = page.getByRole("toolbar", { name: "Filter and sort answers" });
    // Nothing sticks out of the pane: every control is within the toolbar's width.
    const overflow = await toolbar.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, "grid-toolbar-1000.png") });
  });
});

/** A question long enough that only a few of its pages are ever loaded at once. */
const LONG = 3000;

/** P0001..P3000, answers from one line to several, so rows differ in height. */
function longSurveyCsv(): string {
  const lines = ["id,Country,Why"];
  for (let i = 1; i <= LONG; i++) {
    const words = "because the shelter was full ".repeat(i % 11);
    lines.push(`${respondentName(i)},Country ${i % 7},"Answer ${i}: ${words}and so on."`);
  }
  return lines.join("\n");
}

function respondentName(i: number): string {
  return `P${String(i).padStart(4, "0")}`;
}

/** The respondent numbers of the full rows in the list (placeholders aside). */
async function rowNumbers(page: Page): Promise<number[]> {
  return page
    .locator("[data-testid=answer-list] article[data-respondent]")
    .evaluateAll((articles) => articles.map((a) => Number(a.dataset.respondent?.slice(1))));
}

describe("an analyst scrolling through a question of thousands of answers", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-grid-long-"));
  const file = join(dir, "long.cairn");
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    const csv = join(dir, "long.csv");
    writeFileSync(csv, longSurveyCsv());
    expect(cairn(["new", file], dir).status).toBe(0);
    expect(cairn(["import", file, csv], dir).status).toBe(0);
    app = await openApp(file, dir);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has a scrollbar for the whole question from the start", async () => {
    const list = page.getByTestId("answer-list");
    await expect.poll(() => list.getAttribute("data-total")).toBe(String(LONG));
    expect(await countLine(page)).toBe("3,000 answers");
    // Far more than the few hundred rows loaded: the list is as tall as all 3,000.
    const height = await list.evaluate((el) => el.scrollHeight);
    expect(height).toBeGreaterThan(LONG * 60);
    await expect.poll(async () => (await rowNumbers(page))[0]).toBe(1);
  });

  it("drags to the bottom and sees the last respondent's answer at the end", async () => {
    const list = page.getByTestId("answer-list");
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = page.locator(`article[data-respondent="${respondentName(LONG)}"]`);
    await expect.poll(() => last.count(), { timeout: 5000 }).toBe(1);
    expect(await last.textContent()).toContain(`Answer ${LONG}:`);
    // The last row ends where the list does: nothing below it, no gap.
    await expect
      .poll(() =>
        list.evaluate((el) => {
          const rows = el.querySelectorAll("article[data-respondent]");
          const lastRow = rows[rows.length - 1]!.getBoundingClientRect();
          const bottom = el.getBoundingClientRect().bottom;
          return Math.round(bottom - lastRow.bottom);
        }),
      )
      .toBeLessThanOrEqual(1);
    await page.screenshot({ path: join(SCREENSHOTS, "grid-long-bottom.png") });
  });

  it("jumps to the middle and sees the answers there, in order", async () => {
    const list = page.getByTestId("answer-list");
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight / 2 - el.clientHeight / 2));
    // Rows settle as they are measured, and the rows of the bottom (the test before) show
    // until the scroll is taken in: the ones read are those the poll saw in the middle.
    // Heights are estimated until measured, so "the middle" is near, not at, 1,500.
    const inMiddle = (rows: number[]) =>
      rows.length > 2 && rows[0]! > LONG * 0.3 && rows.at(-1)! < LONG * 0.7;
    let numbers: number[] = [];
    await expect
      .poll(async () => {
        numbers = await rowNumbers(page);
        return inMiddle(numbers);
      })
      .toBe(true);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    await page.screenshot({ path: join(SCREENSHOTS, "grid-long-middle.png") });
  });

  it("comes back to the top and finds the first respondent again", async () => {
    const list = page.getByTestId("answer-list");
    await list.evaluate((el) => (el.scrollTop = 0));
    await expect.poll(async () => (await rowNumbers(page))[0]).toBe(1);
    const first = page.locator(`article[data-respondent="${respondentName(1)}"]`);
    expect(await first.textContent()).toContain("Answer 1:");
  });

  it("searches all 3,000 respondents in the by-respondent view", async () => {
    await page.getByRole("button", { name: "Respondents", exact: true }).click();
    await page.getByRole("searchbox", { name: "Find a respondent" }).fill("p299");
    const picker = page.getByRole("list", { name: "Respondents" });
    await expect
      .poll(() => picker.getByRole("button").allTextContents())
      .toEqual(Array.from({ length: 10 }, (_, i) => expect.stringContaining(`P299${i}`)));
    await picker.getByRole("button", { name: /^P2999/ }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).first().textContent())
      .toContain("P2999");
    // Beyond the respondents loaded so far, the next one is still one click away.
    await page.getByRole("button", { name: "Next respondent" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).first().textContent())
      .toContain(respondentName(LONG));
    await expect
      .poll(() => page.getByRole("button", { name: "Next respondent" }).isDisabled())
      .toBe(true);
    expect(await page.locator(".respondent-bar-position").textContent()).toBe("3,000 of 3,000");
    await page.getByRole("button", { name: "Questions", exact: true }).click();
  });
});
