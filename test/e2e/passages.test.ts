import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { applyCode } from "../../electron/core/coding/coding-service.ts";
import type { AnswerId } from "../../shared/domain.ts";
import { SCREENSHOTS, useAppSuite } from "../helpers/app-suite.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession } from "../helpers/project.ts";

const ANSWERS = {
  R1: {
    country: "Ireland",
    Q1: "Since the helpline opened we stopped counting the calls, there are so many.",
    Q2: "Funding ran out in March.",
  },
  R2: {
    country: "Malta",
    Q1: "We need more shelters and money.",
    Q2: "No funding from the state.",
  },
  R3: { country: "Ireland", Q1: "Shelters are full every night.", Q2: "Funding is short." },
} as const;

type Rid = keyof typeof ANSWERS;

const CSV = [
  "id,country,Q1,Q2",
  ...Object.entries(ANSWERS).map(([id, a]) => `${id},${a.country},"${a.Q1}","${a.Q2}"`),
].join("\n");

/**
 * Anna's coding, known by heart: Demand > Call volume (R1's calls), Demand > Shelters
 * (R2, R3 in Q1), Funding (every Q2 answer, and R2's "money" in Q1).
 */
const CODING: readonly [Rid, "Q1" | "Q2", string, string | null][] = [
  ["R1", "Q1", "Demand>Call volume", "we stopped counting the calls"],
  ["R2", "Q1", "Demand>Shelters", "more shelters"],
  ["R3", "Q1", "Demand>Shelters", "Shelters are full"],
  ["R2", "Q1", "Funding", "money"],
  ["R1", "Q2", "Funding", null],
  ["R2", "Q2", "Funding", null],
  ["R3", "Q2", "Funding", null],
];

/**
 * The survey imported and coded in this process, as the CLI would but without a process
 * per command (a busy machine takes seconds for each), then closed for the app to open.
 */
async function buildProject(dir: string, file: string) {
  const csv = join(dir, "survey.csv");
  writeFileSync(csv, CSV);
  const session = newSession();
  session.create(file);
  await importFiles(session, [csv], {
    mapping: {
      idColumn: "id",
      attributeColumns: ["country"],
      questions: [
        { column: "Q1", label: "Q1", text: "Main challenges?" },
        { column: "Q2", label: "Q2", text: "Funding?" },
      ],
    },
  });
  const answerOf = session
    .db()
    .prepare(
      `SELECT a.id FROM answers a JOIN respondents r ON r.id = a.respondent_id
         JOIN questions q ON q.id = a.question_id WHERE r.external_id = ? AND q.label = ?`,
    )
    .pluck();
  for (const [rid, q, path, phrase] of CODING) {
    const text: string = ANSWERS[rid][q];
    const from = phrase === null ? null : text.indexOf(phrase);
    applyCode(
      session.db(),
      {
        answerId: answerOf.get(rid, q) as AnswerId,
        code: { path: path.split(">") },
        coder: "Anna",
        ...(from === null || phrase === null ? {} : { start: from, end: from + phrase.length }),
      },
      "2026-11-24T09:00:00.000Z",
    );
  }
  session.close();
}

describe("a report author pulling quotes for a theme", () => {
  const suite = useAppSuite({
    prefix: "cairn-e2e-passages-",
    fileName: "survey.cairn",
    make: (file, dir) => buildProject(dir, file),
    viewport: { width: 1400, height: 900 },
    clipboard: true,
  });
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const passages = () => page.locator(".passages-view article.passage");
  const count = () => page.getByTestId("passage-count").textContent();

  beforeAll(() => {
    page = suite.page;
  });

  it("chooses a category and reads every passage below it, under question headings", async () => {
    await page.getByRole("tab", { name: "Passages" }).click();
    // Nothing chosen yet: the code list opens by itself.
    const find = page.getByRole("combobox", { name: "Find a code" });
    expect(
      await page
        .getByRole("listbox", { name: "Find a code" })
        .getByRole("option")
        .allTextContents(),
    ).toEqual(["Demandand below", "Demand › Call volume", "Demand › Shelters", "Funding"]);
    await find.fill("demand");
    await shoot("passages-chooser.png");
    await page.keyboard.press("Enter");
    await expect.poll(count).toBe("3 passages from 3 respondents");
    expect(await page.locator(".passage-group-name").allTextContents()).toEqual([
      "Q1 · Main challenges?",
    ]);
    expect(await passages().locator(".passage-text").allTextContents()).toEqual([
      "we stopped counting the calls",
      "more shelters",
      "Shelters are full",
    ]);
    const first = passages().first();
    expect(await first.locator(".passage-respondent").textContent()).toBe("R1");
    expect(await first.locator(".passage-attributes").textContent()).toBe("Ireland");
    expect(await first.locator(".passage-code").textContent()).toBe("Demand › Call volume");
    expect(await first.locator(".passage-coder").textContent()).toBe("coded by Anna");
  });

  it("copies a passage as a quote attributed by country, as plain and rich text", async () => {
    await page.getByRole("checkbox", { name: "Select the passage of R1" }).check();
    await page.getByRole("combobox", { name: "Attribution" }).selectOption("country");
    expect(await page.getByTestId("quote-preview").textContent()).toBe(
      "“…we stopped counting the calls” (Ireland)",
    );
    await page.getByRole("button", { name: "Copy as quotes" }).click();
    await expect.poll(() => page.getByTestId("quote-status").textContent()).toBe("Copied 1 quote");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      "“…we stopped counting the calls” (Ireland)",
    );
    const html = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      return (await item!.getType("text/html")).text();
    });
    expect(html).toContain("<p>“…we stopped counting the calls” (Ireland)</p>");
    await shoot("passages-quotes.png");
  });

  it("copies every passage at once, one quote per paragraph", async () => {
    await page.getByRole("checkbox", { name: "Select all" }).check();
    await page.getByRole("button", { name: "Copy as quotes" }).click();
    await expect.poll(() => page.getByTestId("quote-status").textContent()).toBe("Copied 3 quotes");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      [
        "“…we stopped counting the calls” (Ireland)",
        "“…more shelters” (Malta)",
        "“Shelters are full” (Ireland)",
      ].join("\n\n"),
    );
  });

  it("narrows the passages to respondents from Malta", async () => {
    await page.getByRole("button", { name: "Attributes" }).click();
    await page.getByRole("group", { name: "Values of country" }).getByLabel("Malta").check();
    await expect.poll(count).toBe("1 passage from 1 respondent");
    expect(await passages().locator(".passage-respondent").allTextContents()).toEqual(["R2"]);
    await page.getByRole("group", { name: "Values of country" }).getByLabel("Malta").uncheck();
    await page.keyboard.press("Escape");
    await expect.poll(count).toBe("3 passages from 3 respondents");
  });

  it("reads the co-occurrence table and clicks through to the passages behind a cell", async () => {
    await page.getByRole("tab", { name: "Co-occurrence" }).click();
    const cell = (row: string, column: string) =>
      page.getByRole("button", { name: new RegExp(`^${row} with ${column}: `) });
    await expect.poll(() => cell("Demand > Shelters", "Funding").textContent()).toBe("2");
    expect(await cell("Demand", "Funding").textContent()).toBe("3");
    expect(await cell("Demand > Call volume", "Demand > Shelters").textContent()).toBe("0");
    expect(
      await page.getByRole("button", { name: "Funding: 3 respondents", exact: true }).textContent(),
    ).toBe("3");
    await shoot("cooccurrence-all.png");

    // Within Q1 alone, only R2 speaks of shelters and money in one answer.
    await page
      .getByRole("combobox", { name: "Question" })
      .selectOption({ label: "Q1 · Main challenges?" });
    await expect.poll(() => cell("Demand > Shelters", "Funding").textContent()).toBe("1");
    await page.getByRole("combobox", { name: "Question" }).selectOption({ label: "All questions" });
    await expect.poll(() => cell("Demand > Shelters", "Funding").textContent()).toBe("2");

    await cell("Demand > Shelters", "Funding").click();
    await expect.poll(count).toBe("2 passages from 2 respondents");
    expect(await page.locator(".grid-chip").textContent()).toContain("also coded Funding");
    expect(await passages().locator(".passage-text").allTextContents()).toEqual([
      "more shelters",
      "Shelters are full",
    ]);
    await shoot("passages-cell.png");

    await page
      .getByRole("button", { name: /^Show all passages, not only those also coded/ })
      .click();
    await expect.poll(count).toBe("2 passages from 2 respondents");
    expect(await page.locator(".grid-chip").count()).toBe(0);
  });

  it("shows a passage in its answer in the grid", async () => {
    await page.getByRole("button", { name: "Show in answer" }).first().click();
    await expect
      .poll(() => page.getByRole("tab", { name: "Answers" }).getAttribute("aria-selected"))
      .toBe("true");
    await shoot("passages-reveal.png");
    // The grid selects the passage in its answer (the grid's own tests scroll to it).
    await expect
      .poll(() => page.getByTestId("selection-status").textContent())
      .toContain("more shelters");
  });
});
