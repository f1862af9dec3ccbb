import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerRow } from "../../shared/domain.ts";
import { sampleData } from "../../electron/core/services/sample-project.ts";
import { callServed, type OpenApp } from "../helpers/browser.ts";
import {
  clickPhrase,
  dragSelect,
  highlightedText,
  marginEntries,
  segmentIdsLabelled,
} from "../helpers/coding.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

const data = sampleData();
const Q1 = data.questions[0]!.label;
const answerOf = (respondent: string) =>
  data.respondents.find((r) => r.id === respondent)!.answers[Q1]!;

describe("a coder highlighting passages and applying codes", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-coding-",
    viewport: { width: 1400, height: 900 },
  });
  let app: OpenApp;
  let page: Page;
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);
  const picker = () =>
    page.getByRole("dialog", { name: /code/i }).filter({ has: page.getByRole("combobox") });
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });

  /** The one segment the margin shows under `label`, and the text its highlight covers. */
  async function onlySegment(respondent: string, label: string) {
    const ids = await segmentIdsLabelled(row(respondent), label);
    expect(ids).toHaveLength(1);
    return { id: ids[0]!, text: await highlightedText(row(respondent), ids[0]!) };
  }

  /** Fresh rows from the core itself, as another program would read them. */
  async function stored(respondent: string): Promise<AnswerRow> {
    const answerId = Number(await row(respondent).getAttribute("data-answer"));
    const [fresh] = await callServed<AnswerRow[]>(app.served, "answers.get", {
      answerIds: [answerId],
    });
    return fresh!;
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ app, page } = sample);
    await row("ORG-02").waitFor();
  });

  it("selects a phrase with the mouse, creates a code in the picker, and names themselves once", async () => {
    await dragSelect(page, row("ORG-02"), "national freephone helpline");
    await expect
      .poll(() => page.getByTestId("selection-status").textContent())
      .toContain("national freephone helpline");

    await page.keyboard.press("k");
    await picker().getByRole("combobox").fill("Helpline access");
    const first = picker().getByRole("option").first();
    expect(await first.textContent()).toContain("Create code “Helpline access”");
    await shoot("coding-picker.png");
    await page.keyboard.press("Enter");

    // Nobody is coding yet on this machine: the app asks once, then applies the code.
    const who = page.getByRole("dialog", { name: "Who is coding?" });
    await who.getByLabel("Your name").fill("Test Coder");
    await who.getByRole("button", { name: "Start coding" }).click();
    await expect.poll(() => segmentIdsLabelled(row("ORG-02"), "Helpline access")).toHaveLength(1);
    expect((await onlySegment("ORG-02", "Helpline access")).text).toBe(
      "national freephone helpline",
    );
    expect(await page.locator(".coder-control .coder-name").textContent()).toBe("Test Coder");
    await expect
      .poll(() => page.getByTestId("announcer").textContent())
      .toBe("Applied Helpline access to ORG-02");

    const answer = await stored("ORG-02");
    const segment = answer.segments.find(
      (s) => answer.text.slice(s.start, s.end) === "national freephone helpline",
    );
    expect(segment).toBeDefined();
  });

  it("undoes and redoes the code with the keyboard", async () => {
    const undo = page.locator(".history-buttons button").first();
    expect(await undo.getAttribute("aria-label")).toMatch(/^Undo .*Helpline access/);
    await page.keyboard.press("Control+z");
    await expect.poll(() => segmentIdsLabelled(row("ORG-02"), "Helpline access")).toHaveLength(0);
    expect(await row("ORG-02").locator("[data-segments]").allTextContents()).not.toContain(
      "national freephone helpline",
    );
    await page.keyboard.press("Control+Shift+z");
    await expect.poll(() => segmentIdsLabelled(row("ORG-02"), "Helpline access")).toHaveLength(1);
    expect((await onlySegment("ORG-02", "Helpline access")).text).toBe(
      "national freephone helpline",
    );
  });

  it("pins a code to key 1 and applies it with the number key", async () => {
    await page
      .getByRole("button", { name: "Pin Multi-agency cooperation > Police to a number key" })
      .click();
    await expect.poll(() => page.locator(".shortcut-codes kbd").first().textContent()).toBe("1");
    await dragSelect(page, row("ORG-02"), "webchat");
    await page.keyboard.press("1");
    await expect.poll(() => segmentIdsLabelled(row("ORG-02"), "Police")).toHaveLength(1);
    expect((await onlySegment("ORG-02", "Police")).text).toBe("webchat");
  });

  it("applies a second code over part of the first and shows both", async () => {
    await dragSelect(page, row("ORG-02"), "helpline 24/7");
    await page.keyboard.press("k");
    await picker().getByRole("combobox").fill("Referral protocols");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => segmentIdsLabelled(row("ORG-02"), "Referral protocols"))
      .toHaveLength(2);

    const helpline = await onlySegment("ORG-02", "Helpline access");
    const referrals = await segmentIdsLabelled(row("ORG-02"), "Referral protocols");
    const texts = await Promise.all(referrals.map((id) => highlightedText(row("ORG-02"), id)));
    const overlapping = referrals[texts.indexOf("helpline 24/7")]!;
    expect(overlapping).toBeDefined();
    expect(helpline.text).toBe("national freephone helpline");

    // The shared word carries both segments: two underlines, one per code.
    const shared = row("ORG-02").locator(
      `[data-segments~="${overlapping}"][data-segments~="${helpline.id}"]`,
    );
    expect(await shared.textContent()).toBe("helpline");
    const layers = await shared.evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(layers.split("linear-gradient").length - 1).toBe(2);

    // Two bars in the margin beside the same line, side by side rather than on top.
    const bars = await marginEntries(row("ORG-02"));
    const a = bars.find((b) => b.segmentId === helpline.id)!;
    const b = bars.find((b) => b.segmentId === overlapping)!;
    expect(a.top < b.bottom && b.top < a.bottom).toBe(true);
    expect(a.left).not.toBe(b.left);
    await row("ORG-02").scrollIntoViewIfNeeded();
    await shoot("coding-overlaps.png");
    await row("ORG-02").screenshot({ path: join(SCREENSHOTS, "coding-overlaps-row.png") });
  });

  it("opens the highlight's popover and moves its end with the keyboard", async () => {
    await clickPhrase(page, row("ORG-02"), "freephone");
    const popover = page.getByRole("dialog", { name: /in the answer of ORG-02/ });
    await expect.poll(() => popover.count()).toBe(1);
    expect(await popover.textContent()).toContain("Helpline access");
    expect(await popover.textContent()).toContain("Test Coder");
    await shoot("coding-popover.png");

    const end = popover.getByRole("slider", { name: "End of the passage" });
    await end.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect
      .poll(async () => (await onlySegment("ORG-02", "Helpline access")).text)
      .toBe("national freephone helpline 24/7");
    // The highlight shows the new end at once; Escape closes the popover once the core
    // has saved it (before that, Escape takes back the unsaved move).
    const storedTexts = async () => {
      const answer = await stored("ORG-02");
      return answer.segments.map((s) => answer.text.slice(s.start, s.end));
    };
    await expect.poll(storedTexts).toContain("national freephone helpline 24/7");
    await page.keyboard.press("Escape");
    await expect.poll(() => popover.count()).toBe(0);
  });

  it("codes a whole answer with one key", async () => {
    const text = answerOf("ORG-03");
    await clickPhrase(page, row("ORG-03"), "Wir arbeiten parteilich");
    await page.keyboard.press("w");
    await picker().getByRole("combobox").fill("Whole answer test");
    await page.keyboard.press("Enter");
    await expect.poll(() => segmentIdsLabelled(row("ORG-03"), "Whole answer test")).toHaveLength(1);
    const whole = await onlySegment("ORG-03", "Whole answer test");
    expect(whole.text).toBe(text.replace(/\r?\n/g, ""));
    const answer = await stored("ORG-03");
    const segment = answer.segments.find((s) => s.start === 0 && s.end === answer.text.length);
    expect(segment).toBeDefined();
  });

  it("finds everything again after a reload, undo history included", async () => {
    await page.reload();
    await expect.poll(() => segmentIdsLabelled(row("ORG-02"), "Helpline access")).toHaveLength(1);
    expect((await onlySegment("ORG-02", "Helpline access")).text).toBe(
      "national freephone helpline 24/7",
    );
    expect((await onlySegment("ORG-02", "Police")).text).toBe("webchat");
    const undo = page.locator(".history-buttons button").first();
    await expect.poll(() => undo.getAttribute("aria-label")).toMatch(/Whole answer test/);
    await page.keyboard.press("Control+z");
    await expect.poll(() => segmentIdsLabelled(row("ORG-03"), "Whole answer test")).toHaveLength(0);
  });
});
