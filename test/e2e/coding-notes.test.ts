import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerRow } from "../../shared/domain.ts";
import {
  clickPhrase,
  highlightedText,
  marginEntries,
  phraseBox,
  segmentIdsLabelled,
} from "../helpers/coding.ts";
import { callServed, type OpenApp } from "../helpers/browser.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

describe("a coder working by keyboard, writing memos and marking work done", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-coding-notes-",
    viewport: { width: 1400, height: 900 },
  });
  let app: OpenApp;
  let page: Page;
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);

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
    await row("ORG-04").waitFor({ state: "attached" });
  });

  it("joins the project's existing coder, whose passages then show as their own", async () => {
    const before = await row("ORG-04").locator(".margin-segment.theirs").count();
    expect(before).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Choose who is coding" }).click();
    const who = page.getByRole("dialog", { name: "Who is coding?" });
    await who.getByRole("button", { name: "Aoife" }).click();
    await who.getByRole("button", { name: "Start coding" }).click();
    await expect.poll(() => row("ORG-04").locator(".margin-segment.theirs").count()).toBe(0);
    expect(await row("ORG-04").locator(".margin-segment.mine").count()).toBe(before);
  });

  it("selects words with the keyboard and codes them in vivo", async () => {
    await row("ORG-04").scrollIntoViewIfNeeded();
    const box = await phraseBox(row("ORG-04"), "relationships");
    await page.mouse.click(box.start.x - 0.5, box.start.y);
    await page.keyboard.press("Shift+Control+ArrowRight");
    await expect
      .poll(() => page.getByTestId("selection-status").textContent())
      .toContain("“relationships”");
    await page.keyboard.press("i");
    await expect.poll(() => segmentIdsLabelled(row("ORG-04"), "relationships")).toHaveLength(1);
    const [id] = await segmentIdsLabelled(row("ORG-04"), "relationships");
    expect(await highlightedText(row("ORG-04"), id!)).toBe("relationships");
  });

  it("drags the end of the highlight to take in more words", async () => {
    await clickPhrase(page, row("ORG-04"), "relationships");
    const handle = row("ORG-04").locator(".adjust-handle.end");
    await handle.waitFor();
    const from = (await handle.boundingBox())!;
    const to = await phraseBox(row("ORG-04"), "group programme");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.end.x, to.end.y, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(async () => {
        const [id] = await segmentIdsLabelled(row("ORG-04"), "relationships");
        return id === undefined ? "" : highlightedText(row("ORG-04"), id);
      })
      .toBe("relationships, in a 26-session group programme");
  });

  it("writes a memo on the passage, removes the code, and gets it back with undo", async () => {
    const popover = page.getByRole("dialog", { name: /in the answer of ORG-04/ });
    await popover.getByLabel("Memo").fill("Group work as the core method");
    await popover.getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => segmentIdsLabelled(row("ORG-04"), "relationships")).toHaveLength(0);
    await page.keyboard.press("Control+z");
    await expect.poll(() => segmentIdsLabelled(row("ORG-04"), "relationships")).toHaveLength(1);
    const answer = await stored("ORG-04");
    const segment = answer.segments.find((s) => s.memo === "Group work as the core method");
    expect(answer.text.slice(segment!.start, segment!.end)).toBe(
      "relationships, in a 26-session group programme",
    );
  });

  it("gives the passage another code from its popover", async () => {
    await clickPhrase(page, row("ORG-04"), "26-session");
    const popover = page.getByRole("dialog", { name: /in the answer of ORG-04/ });
    await popover.getByRole("button", { name: "Change code…" }).click();
    await page.getByRole("combobox", { name: "Code name" }).fill("Peer exchange");
    await page.keyboard.press("Enter");
    await expect.poll(() => segmentIdsLabelled(row("ORG-04"), "Peer exchange")).toHaveLength(1);
    expect(await segmentIdsLabelled(row("ORG-04"), "relationships")).toEqual([]);
    const [id] = await segmentIdsLabelled(row("ORG-04"), "Peer exchange");
    expect(await highlightedText(row("ORG-04"), id!)).toBe(
      "relationships, in a 26-session group programme",
    );
    expect(await popover.textContent()).toContain("Training > Peer exchange");
    await page.keyboard.press("Escape");
    await expect.poll(() => popover.count()).toBe(0);
  });

  it("writes a memo on the answer and sees it marked on the row", async () => {
    await row("ORG-04").getByRole("button", { name: "Answer memo of ORG-04" }).click();
    const editor = page.getByRole("dialog", { name: "Memo on the answer of ORG-04" });
    await editor.getByLabel(/Your memo/).fill("Only programme in the sample working with men.");
    await page.keyboard.press("Control+Enter");
    await expect
      .poll(() => row("ORG-04").getByRole("button", { name: "Answer memo of ORG-04 (1)" }).count())
      .toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, "coding-memo.png") });
    await page.keyboard.press("Escape");
    expect((await stored("ORG-04")).memos.map((m) => m.text)).toEqual([
      "Only programme in the sample working with men.",
    ]);
  });

  it("marks the question done, then one answer only", async () => {
    const done = page.getByRole("button", { name: "Mark question done" });
    await done.click();
    await expect
      .poll(() =>
        page.getByRole("button", { name: "✓ Question done" }).getAttribute("aria-pressed"),
      )
      .toBe("true");
    // The rows reload beside the header: every answer of the question shows the mark.
    await expect
      .poll(() =>
        row("ORG-04")
          .getByRole("button", { name: "Answer of ORG-04 done" })
          .getAttribute("aria-pressed"),
      )
      .toBe("true");
    await page.getByRole("button", { name: "✓ Question done" }).click();
    await expect.poll(() => done.getAttribute("aria-pressed")).toBe("false");

    await row("ORG-02").getByRole("button", { name: "Answer of ORG-02 done" }).click();
    await expect
      .poll(() =>
        row("ORG-02")
          .getByRole("button", { name: "Answer of ORG-02 done" })
          .getAttribute("aria-pressed"),
      )
      .toBe("true");
    expect((await stored("ORG-02")).doneBy).toHaveLength(1);
  });

  it("shows only the active coder's passages when asked", async () => {
    // A second coder's view: switch names, then hide everyone else's work.
    await page.getByRole("button", { name: /Coding as Aoife/ }).click();
    const who = page.getByRole("dialog", { name: "Who is coding?" });
    await who.getByLabel("Your name").fill("Second Coder");
    await who.getByRole("button", { name: "Start coding" }).click();
    await expect
      .poll(() => row("ORG-01").locator(".margin-segment.theirs").count())
      .toBeGreaterThan(0);
    await page.getByRole("button", { name: "Mine", exact: true }).click();
    await expect.poll(() => marginEntries(row("ORG-01"))).toEqual([]);
    expect(await row("ORG-01").locator(".highlight").count()).toBe(0);
    await page.getByRole("button", { name: "All coders" }).click();
    await expect.poll(async () => (await marginEntries(row("ORG-01"))).length).toBeGreaterThan(0);
  });

  it("reads one other coder's passages alone", async () => {
    const all = await row("ORG-01").locator(".margin-segment").count();
    await page.getByRole("combobox", { name: "Show one coder's codes" }).selectOption("Aoife");
    await expect
      .poll(() => row("ORG-01").locator(".margin-segment.theirs").count())
      .toBeGreaterThan(0);
    expect(await row("ORG-01").locator(".margin-segment.mine").count()).toBe(0);
    expect(
      await page.getByRole("button", { name: "Mine", exact: true }).getAttribute("aria-pressed"),
    ).toBe("false");
    await page.getByRole("button", { name: "All coders" }).click();
    await expect.poll(() => row("ORG-01").locator(".margin-segment").count()).toBe(all);
  });
});
