import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { applyCode, markDone } from "../../electron/core/coding/coding-service.ts";
import type { AnswerId, QuestionId } from "../../shared/domain.ts";
import { SCREENSHOTS, useAppSuite } from "../helpers/app-suite.ts";
import { callServed } from "../helpers/browser.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession } from "../helpers/project.ts";
const NOW = "2026-11-24T09:00:00.000Z";

const ANSWERS = {
  R1: "Lighting at night and more police patrols.",
  R2: "Safer streets; police should patrol more.",
  R3: "Better lighting on the main road.",
  R4: "Nothing really, maybe buses.",
} as const;
type Rid = keyof typeof ANSWERS;

const CSV = ["id,Q1", ...Object.entries(ANSWERS).map(([id, text]) => `${id},"${text}"`)].join("\n");

/** A passage by its words, or the whole answer. */
function span(rid: Rid, words?: string): readonly [number, number] | undefined {
  if (words === undefined) return undefined;
  const start = ANSWERS[rid].indexOf(words);
  if (start < 0) throw new Error(`test: "${words}" is not in ${rid}`);
  return [start, start + words.length];
}

/**
 * Aoife and Ben code the same three answers differently. By answer (R1, R2, R3):
 *   Lighting: Aoife R1 R3, Ben R1 R2  -> both 1, only Aoife 1, only Ben 1, neither 0
 *   Police:   Aoife R1 R2, Ben R2     -> both 1, only Aoife 1, only Ben 0, neither 1
 *   Transport: nobody on R1-R3 (Aoife uses it on R4, which Ben has not seen)
 *   Safety (their category): Aoife R1 R2 R3, Ben R1 R2
 * Aoife marks the whole question done; Ben only R1-R3, so R4 is left out.
 */
const CODING: readonly [string, Rid, string, string | undefined][] = [
  ["Aoife", "R1", "Safety>Lighting", "Lighting at night"],
  ["Aoife", "R1", "Safety>Police", "more police patrols"],
  ["Aoife", "R2", "Safety>Police", undefined],
  ["Aoife", "R3", "Safety>Lighting", undefined],
  ["Aoife", "R4", "Transport", "buses"],
  ["Ben", "R1", "Safety>Lighting", "Lighting at"],
  ["Ben", "R2", "Safety>Police", undefined],
  ["Ben", "R2", "Safety>Lighting", "Safer streets"],
];

/** Builds the coded survey; answers with R1's answer id and the question's id. */
async function buildProject(dir: string, file: string): Promise<{ r1: AnswerId; q1: QuestionId }> {
  const csv = join(dir, "survey.csv");
  writeFileSync(csv, CSV);
  const session = newSession();
  session.create(file);
  await importFiles(session, [csv], {
    mapping: {
      idColumn: "id",
      attributeColumns: [],
      questions: [{ column: "Q1", label: "Q1", text: "What should change?" }],
      codeColumns: [],
      long: null,
      codeDelimiter: ";",
      codeSeparator: ">",
      nonResponses: [],
    },
  });
  const db = session.db();
  const answerOf = (rid: Rid) =>
    db
      .prepare(
        "SELECT a.id FROM answers a JOIN respondents r ON r.id = a.respondent_id WHERE r.external_id = ?",
      )
      .pluck()
      .get(rid) as AnswerId;
  for (const [coder, rid, path, words] of CODING) {
    const passage = span(rid, words);
    applyCode(
      db,
      {
        answerId: answerOf(rid),
        code: { path: path.split(">") },
        coder,
        ...(passage ? { start: passage[0], end: passage[1] } : {}),
      },
      NOW,
    );
  }
  const q1 = db.prepare("SELECT id FROM questions").pluck().get() as QuestionId;
  markDone(db, { coder: "Aoife", questionId: q1, done: true }, NOW);
  const seen = (["R1", "R2", "R3"] as const).map(answerOf);
  markDone(db, { coder: "Ben", questionId: q1, answerIds: seen, done: true }, NOW);
  const r1 = answerOf("R1");
  session.close();
  return { r1, q1 };
}

describe("a methods reviewer reading the agreement of two coders", () => {
  let r1: AnswerId;
  let q1: QuestionId;
  const suite = useAppSuite({
    prefix: "cairn-e2e-agreement-",
    fileName: "survey.cairn",
    make: async (file, dir) => ({ r1, q1 } = await buildProject(dir, file)),
    viewport: { width: 1400, height: 900 },
    clipboard: true,
  });
  const { dir } = suite;
  let page: Page;
  const shoot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
  const table = () => page.getByTestId("agreement-table");
  const row = (key: string): Locator => table().locator(`tr[data-code="${key}"]`);
  const rowOf = (name: string): Locator =>
    table()
      .locator("tbody tr")
      .filter({ has: page.locator("th", { hasText: new RegExp(`^${name}$`) }) });
  const cell = (r: Locator, column: string) => r.locator(`td[data-column="${column}"]`);
  const value = (r: Locator, column: string) =>
    cell(r, column).locator(".agreement-value").textContent();
  /** Each header's full name (its tooltip; narrow tables show a short form). */
  const headers = () =>
    table()
      .locator("thead th")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("title")));
  const counts = async (r: Locator) =>
    Promise.all(
      ["units", "both", "aOnly", "bOnly", "neither"].map((c) => cell(r, c).textContent()),
    );

  beforeAll(() => {
    page = suite.page;
  });

  it("opens on the first two coders and says what is compared", async () => {
    await page.getByRole("tab", { name: "Agreement" }).click();
    await expect
      .poll(() => page.getByTestId("agreement-scope").textContent())
      .toBe(
        "Aoife and Ben over 3 answers both marked done, in Q1 · What should change? " +
          "(1 answer not yet seen by both)",
      );
    expect(await page.getByRole("combobox", { name: "Coder A" }).inputValue()).not.toBe("");
    expect(
      await page.getByRole("combobox", { name: "Coder A" }).locator("option:checked").textContent(),
    ).toBe("Aoife");
    expect(
      await page.getByRole("combobox", { name: "Coder B" }).locator("option:checked").textContent(),
    ).toBe("Ben");
    await shoot("agreement-answer-level.png");
  });

  it("shows the hand-computed counts and kappas at answer level", async () => {
    expect(await headers()).toEqual([
      "Code",
      "Units",
      "Both",
      "Only Aoife",
      "Only Ben",
      "Neither",
      "% agreement",
      "Cohen's κ",
      "Krippendorff's α",
      "Brennan & Prediger",
    ]);
    const names = await table().locator("tbody th").allTextContents();
    expect(names).toEqual(["All codes (pooled)", "Safety", "Lighting", "Police", "Transport"]);

    // Lighting: p_o = 1/3, p_e = 2/3*2/3 + 1/3*1/3 = 5/9, kappa = (3/9 - 5/9) / (4/9) = -0.5.
    expect(await counts(rowOf("Lighting"))).toEqual(["3", "1", "1", "1", "0"]);
    expect(await cell(rowOf("Lighting"), "percent").textContent()).toBe("33%");
    expect(await value(rowOf("Lighting"), "cohen")).toBe("\u22120.50");
    // Police: p_o = 2/3, p_e = 2/3*1/3 + 1/3*2/3 = 4/9, kappa = (2/9) / (5/9) = 0.4;
    // alpha = 1 - (6 - 1) * 1 / (3 * 3) = 4/9.
    expect(await counts(rowOf("Police"))).toEqual(["3", "1", "1", "0", "1"]);
    expect(await value(rowOf("Police"), "cohen")).toBe("0.40");
    expect(await value(rowOf("Police"), "alpha")).toBe("0.44");
    // Brennan & Prediger: 2 * 2/3 - 1.
    expect(await value(rowOf("Police"), "bp")).toBe("0.33");
    // Safety, present with any sub-code: Aoife all three, Ben two: p_e = 1 * 2/3 = p_o.
    expect(await counts(rowOf("Safety"))).toEqual(["3", "2", "1", "0", "0"]);
    expect(await value(rowOf("Safety"), "cohen")).toBe("0.00");
    // Pooled over the codes as applied (Lighting, Police, Transport): 9 units;
    // p_o = 6/9, p_e = 4/9 * 3/9 + 5/9 * 6/9 = 42/81, kappa = 12/39 = 0.31.
    expect(await counts(row("pooled"))).toEqual(["9", "2", "2", "1", "4"]);
    expect(await cell(row("pooled"), "percent").textContent()).toBe("67%");
    expect(await value(row("pooled"), "cohen")).toBe("0.31");
    // The bootstrap interval sits beside the coefficient.
    expect(await cell(row("pooled"), "cohen").locator(".agreement-ci").textContent()).toMatch(
      /^\[−?\d\.\d\d, −?\d\.\d\d\]$/,
    );
  });

  it("says why an undefined kappa is undefined, in the cell and under the table", async () => {
    const transport = rowOf("Transport");
    expect(await counts(transport)).toEqual(["3", "0", "0", "0", "3"]);
    const kappa = cell(transport, "cohen");
    expect(await kappa.locator("[aria-hidden]").textContent()).toBe("—1");
    expect(await kappa.getAttribute("title")).toBe("neither coder used this code in these answers");
    expect(await kappa.locator(".visually-hidden").textContent()).toBe(
      "undefined: neither coder used this code in these answers",
    );
    expect(
      await page
        .getByRole("list", { name: "Why some figures are undefined" })
        .getByRole("listitem")
        .allTextContents(),
    ).toContain("neither coder used this code in these answers");
  });

  it("explains a coefficient one click from its header", async () => {
    await page.getByRole("button", { name: "What is Cohen's kappa (κ)?" }).click();
    const panel = page.getByRole("dialog", { name: "Cohen's kappa (κ)" });
    expect(await panel.textContent()).toContain("chance");
    await shoot("agreement-explanation.png");
    await page.keyboard.press("Escape");
    expect(await panel.count()).toBe(0);
  });

  it("copies the table with what was compared", async () => {
    await page.getByRole("button", { name: "Copy table" }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Inter-coder agreement\tAnswer level",
      "Coders\tAoife, Ben",
      "Questions\tQ1 · What should change?",
      "Answers compared\t3",
    ]);
    // Coefficients to 3 decimals, each with its interval's two bounds after it.
    expect(lines.find((line) => line.startsWith("Safety > Police\t"))).toMatch(
      /^Safety > Police\t3\t1\t1\t0\t1\t67%\t0\.4\t-?[\d.]+\t-?[\d.]+\t0\.444\t-?[\d.]+\t-?[\d.]+\t0\.333$/,
    );
  });

  it("exports the report to Excel where the user says", async () => {
    await page.getByRole("button", { name: "Export to Excel…" }).click();
    const dialog = page.getByRole("dialog", { name: "Export the agreement report" });
    expect(await dialog.getByRole("textbox").inputValue()).toBe(join(dir, "survey-agreement.xlsx"));
    const target = join(dir, "methods", "agreement");
    mkdirSync(join(dir, "methods"));
    await dialog.getByRole("textbox").fill(target);
    await dialog.getByRole("button", { name: "Export" }).click();
    await expect
      .poll(() => page.locator(".agreement-export-status").textContent())
      .toBe(`Saved to ${target}.xlsx`);
    expect(existsSync(`${target}.xlsx`)).toBe(true);
  });

  it("goes to the review queue with these two coders, and back", async () => {
    await page.getByRole("button", { name: "Review disagreements" }).click();
    expect(
      await page.getByRole("tab", { name: "Review queue" }).getAttribute("aria-selected"),
    ).toBe("true");
    await page.getByRole("tab", { name: "Report" }).click();
    await expect.poll(() => page.getByTestId("agreement-table").count()).toBe(1);
  });

  it("counts passages at segment level, and the threshold decides which agree", async () => {
    await page.getByRole("tab", { name: "Segment level" }).click();
    await expect
      .poll(() => page.getByTestId("agreement-threshold").textContent())
      .toContain("at least 90%");
    // Lighting: Aoife 2, Ben 2; R1's passages overlap 11/17 = 65%: none agree at 90%.
    // Police: R2's whole answer by both agrees; Aoife's R1 passage has no match.
    expect(await cell(rowOf("Lighting"), "segments").textContent()).toBe("4 (2 / 2)");
    expect(await cell(rowOf("Lighting"), "agreements").textContent()).toBe("0");
    expect(await cell(rowOf("Police"), "segments").textContent()).toBe("3 (2 / 1)");
    expect(await cell(rowOf("Police"), "agreements").textContent()).toBe("2");
    expect(await cell(row("pooled"), "percent").textContent()).toBe("29%");
    await shoot("agreement-segment-level.png");

    const slider = page.getByRole("slider");
    await slider.focus();
    // 90% -> 60%: thirty steps down.
    for (let i = 0; i < 30; i++) await page.keyboard.press("ArrowLeft");
    expect(await page.locator(".agreement-threshold-value").textContent()).toBe("60%");
    await expect
      .poll(() => page.getByTestId("agreement-threshold").textContent())
      .toContain("at least 60%");
    await expect.poll(() => cell(rowOf("Lighting"), "agreements").textContent()).toBe("2");
    expect(await cell(row("pooled"), "percent").textContent()).toBe("57%");
    await shoot("agreement-segment-60.png");
  });

  it("follows the coding: Ben's new passage changes the figures without a refresh", async () => {
    await page.getByRole("tab", { name: "Answer level" }).click();
    await expect.poll(() => value(rowOf("Police"), "cohen")).toBe("0.40");
    // Ben now also codes R1's police patrols: Police is 2 both, 1 neither: kappa 1.
    await callServed(suite.app.served, "coding.apply", {
      answerId: r1,
      code: { path: ["Safety", "Police"] },
      coder: "Ben",
      start: ANSWERS.R1.indexOf("police"),
      end: ANSWERS.R1.indexOf("police") + "police".length,
    });
    await expect.poll(() => value(rowOf("Police"), "cohen")).toBe("1.00");
    expect(await counts(rowOf("Police"))).toEqual(["3", "2", "0", "0", "1"]);
  });

  it("adds a third coder: Fleiss' kappa, once she has marked the question done", async () => {
    // Cara codes Lighting on R1 only, and has not said she is done.
    await callServed(suite.app.served, "coding.apply", {
      answerId: r1,
      code: { path: ["Safety", "Lighting"] },
      coder: "Cara",
    });
    await page.getByRole("button", { name: "+ coder" }).click();
    expect(
      await page.getByRole("combobox", { name: "Coder C" }).locator("option:checked").textContent(),
    ).toBe("Cara");
    await expect
      .poll(() => page.getByTestId("agreement-guidance").textContent())
      .toMatch(
        /^No answer is marked done by all of Aoife, Ben and Cara yet \(Ben and Cara have not marked this question done as a whole\): mark questions done/,
      );
    await shoot("agreement-nothing-seen.png");

    await callServed(suite.app.served, "coding.markDone", {
      coder: "Cara",
      questionId: q1,
      done: true,
    });
    await expect
      .poll(() => page.getByTestId("agreement-scope").textContent())
      .toBe(
        "Aoife, Ben and Cara over 3 answers all marked done, in Q1 · What should change? " +
          "(1 answer not yet seen by all of them)",
      );
    expect(await headers()).toEqual([
      "Code",
      "Units",
      "All agree",
      "% agreement (mean pairwise)",
      "Fleiss' κ",
      "Krippendorff's α",
      "Brennan & Prediger",
    ]);
    // Lighting on R1 R2 R3: all present / Ben alone / Aoife alone. Mean pairwise
    // agreement (1 + 1/3 + 1/3) / 3 = 5/9; chance 5/9^2 + 4/9^2 = 41/81; kappa = 0.1.
    const lighting = rowOf("Lighting");
    expect(await cell(lighting, "allAgree").textContent()).toBe("1");
    expect(await cell(lighting, "percent").textContent()).toBe("56%");
    expect(await value(lighting, "fleiss")).toBe("0.10");
    expect(await page.getByRole("button", { name: "Review disagreements" }).isDisabled()).toBe(
      true,
    );
    await shoot("agreement-three-coders.png");

    await page.getByRole("tab", { name: "Segment level" }).click();
    expect(await page.getByTestId("agreement-guidance").textContent()).toMatch(/two coders/);
    await page.getByRole("button", { name: "Remove coder C" }).click();
    await expect.poll(() => page.getByTestId("agreement-table").count()).toBe(1);
  });
});
