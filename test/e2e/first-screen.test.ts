import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleData } from "../../electron/core/services/sample-project.ts";
import type { OpenApp } from "../helpers/browser.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

const SCREENSHOTS = join(process.cwd(), "test-results");

/** Scrolls the (virtualised) answer list down, as a user would, until a row shows. */
async function scrollToRespondent(page: Page, respondent: string) {
  const row = page.locator(`article[data-respondent="${respondent}"]`);
  const list = page.getByTestId("answer-list");
  await list.evaluate((el) => el.scrollTo(0, 0));
  for (let step = 0; step < 100 && (await row.count()) === 0; step++) {
    await list.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.8));
    await page.waitForTimeout(50);
  }
  await row.scrollIntoViewIfNeeded();
  return row;
}

describe("a user opening Cairn on the sample project", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-", viewport: { width: 1400, height: 900 } });
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ app, page } = sample);
  });

  it("sees the project, its questions with answered counts, and the first question's answers", async () => {
    const data = sampleData();
    await expect.poll(() => page.title()).toBe(`${data.name} – Cairn`);
    const questions = page.getByRole("navigation", { name: "Questions" }).getByRole("button");
    expect(await questions.count()).toBe(data.questions.length);
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: data.questions[0]!.label }).count())
      .toBe(1);
  });

  it("picks another question and reads its answers with respondents' attributes beside them", async () => {
    const data = sampleData();
    const question = data.questions[1]!;
    await page.getByRole("button", { name: new RegExp(`^${question.label}`) }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2 }).first().textContent())
      .toBe(question.label);

    const respondent = data.respondents.find((r) => (r.answers[question.label] ?? "").length > 40)!;
    const row = page.locator(`article[data-respondent="${respondent.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    const rowText = await row.textContent();
    expect(rowText).toContain(respondent.attributes.Country);
    expect(rowText).toContain(respondent.answers[question.label]!.slice(0, 40));

    const answered = data.respondents.filter((r) => {
      const text = (r.answers[question.label] ?? "").trim();
      return (
        text !== "" &&
        !["-", "n/a", "no answer", "not applicable", "/"].includes(text.toLowerCase())
      );
    }).length;
    expect(await page.getByTestId("question-counts").textContent()).toContain(
      `${answered} of ${data.respondents.length} respondents answered`,
    );
  });

  it("sees a coded passage highlighted in its code's colour, named on hover", async () => {
    const data = sampleData();
    const question = data.questions[1]!;
    const segment = data.segments.find((s) => s.question === question.label)!;
    const row = await scrollToRespondent(page, segment.respondent);
    const highlight = row.locator(".highlight", { hasText: segment.quote.slice(0, 20) }).first();
    await expect.poll(() => highlight.count()).toBe(1);
    expect(await highlight.getAttribute("data-codes")).toContain(segment.code.join(" > "));
    const background = await highlight.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe("rgba(0, 0, 0, 0)");
    await page.screenshot({ path: join(SCREENSHOTS, "first-screen.png") });
  });

  it("shows blank and non-response answers as such", async () => {
    const data = sampleData();
    const question = data.questions.find((q) =>
      data.respondents.some((r) => r.answers[q.label] === ""),
    )!;
    await page.getByRole("button", { name: new RegExp(`^${question.label}`) }).click();
    const blank = data.respondents.find((r) => r.answers[question.label] === "")!;
    const row = await scrollToRespondent(page, blank.id);
    expect(await row.locator(".badge").textContent()).toBe("No answer");
  });

  it("is refused without the token, in the browser and from a script", async () => {
    const context = await app.browser.newContext();
    const stranger = await context.newPage();
    const response = await stranger.goto(app.served.origin + "/");
    expect(response?.status()).toBe(401);
    await context.close();

    const call = await fetch(app.served.origin + "/api/call/project.current", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(call.status).toBe(401);
  });
});
