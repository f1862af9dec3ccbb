import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerRow, CodeNode } from "../../shared/domain.ts";
import { callServed, type OpenApp } from "../helpers/browser.ts";
import { clickPhrase, dragSelect, phraseBox } from "../helpers/coding.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");

describe("a coder whose passages, memos and keys behave as they look", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-coding-review-",
    viewport: { width: 1400, height: 900 },
  });
  let app: OpenApp;
  let page: Page;
  const row = (respondent: string): Locator =>
    page.locator(`article[data-respondent="${respondent}"]`);
  const status = () => page.getByTestId("selection-status");
  const announcer = () => page.getByTestId("announcer").textContent();
  const picker = () =>
    page.getByRole("dialog", { name: /code/i }).filter({ has: page.getByRole("combobox") });
  const list = () => page.getByTestId("answer-list");

  /** The core itself, as another window or program would call it. */
  const api = <T>(name: string, input: unknown) => callServed<T>(app.served, name, input);

  async function stored(respondent: string): Promise<AnswerRow> {
    const answerId = Number(await row(respondent).getAttribute("data-answer"));
    return (await api<AnswerRow[]>("answers.get", { answerIds: [answerId] }))[0]!;
  }

  /** The passages of an answer coded with a code, as text. */
  async function codedWith(answer: AnswerRow, codeName: string): Promise<string[]> {
    const tree = await api<CodeNode[]>("codes.tree", {});
    const code = tree.find((c) => c.name === codeName);
    return answer.segments
      .filter((s) => s.codeId === code?.id)
      .map((s) => answer.text.slice(s.start, s.end));
  }

  async function scrollListTo(where: "top" | "bottom") {
    await list().evaluate((el, to) => (el.scrollTop = to === "top" ? 0 : el.scrollHeight), where);
  }

  /** Scrolls the list down from the top until a respondent's row is in the middle of it. */
  async function reveal(respondent: string) {
    await scrollListTo("top");
    for (let i = 0; i < 60; i++) {
      if ((await row(respondent).count()) === 0) {
        await list().evaluate((el) => (el.scrollTop += el.clientHeight / 2));
      } else {
        // Rows settle as they are measured: centre it, and check once the list is at rest.
        await row(respondent)
          .evaluate((el) => el.scrollIntoView({ block: "center" }), undefined, { timeout: 500 })
          .catch(() => undefined);
        await page.waitForTimeout(150);
        const box = await row(respondent)
          .boundingBox({ timeout: 500 })
          .catch(() => null);
        if (box && box.y > 0 && box.y + 40 < 900) return;
      }
      await page.waitForTimeout(50);
    }
    throw new Error(`reveal: the row of ${respondent} never came on screen`);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    ({ app, page } = sample);
    page.setDefaultTimeout(8000);
    await api("preferences.set", { coder: "Rev" });
    const { codeId } = await api<{ codeId: number }>("codes.create", { path: ["Referral"] });
    await api("codes.setPinned", { codeIds: [codeId] });
    await page.reload();
    await row("ORG-02").waitFor();
  });

  describe("the memo in a passage's popover", () => {
    let answerId: number;
    let first: number;
    const popover = () => page.getByRole("dialog", { name: /in the answer of ORG-02/ });
    const memo = () => popover().getByLabel("Memo", { exact: true });

    beforeAll(async () => {
      const answer = await stored("ORG-02");
      answerId = answer.answerId;
      const at = (word: string) => answer.text.indexOf(word);
      const apply = (word: string, memoText: string) =>
        api<{ segmentId: number }>("coding.apply", {
          answerId,
          code: { path: ["Merge test"] },
          coder: "Rev",
          start: at(word),
          end: at(word) + word.length,
          memo: memoText,
        });
      first = (await apply("national", "memo A")).segmentId;
      await apply("helpline", "memo B");
      await page.reload();
      await row("ORG-02").waitFor();
    });

    it("shows both memos once moving an edge has merged two passages", async () => {
      await clickPhrase(page, row("ORG-02"), "national");
      await popover().waitFor();
      const end = popover()
        .locator(`section[data-segment="${first}"]`)
        .getByRole("slider", { name: "End of the passage" });
      await end.focus();
      // "national" + " freephone " reaches "helpline": the passages touch, and merge.
      for (let i = 0; i < " freephone ".length; i++) await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");

      await expect.poll(() => memo().inputValue()).toBe("memo A\n\nmemo B");
      const merged = (await stored("ORG-02")).segments.filter((s) => s.memo !== "");
      expect(merged.map((s) => s.memo)).toEqual(["memo A\n\nmemo B"]);
      await page.screenshot({ path: join(SCREENSHOTS, "review-merged-memo.png") });
    });

    it("follows undo and redo, the popover still open", async () => {
      await page.keyboard.press("Control+z");
      await expect.poll(() => memo().inputValue()).toBe("memo A");
      await page.keyboard.press("Control+Shift+z");
      await expect.poll(() => memo().inputValue()).toBe("memo A\n\nmemo B");
      await page.keyboard.press("Control+z");
      await expect.poll(() => memo().inputValue()).toBe("memo A");
      await expect
        .poll(async () =>
          (await stored("ORG-02")).segments
            .map((s) => s.memo)
            .filter(Boolean)
            .sort(),
        )
        .toEqual(["memo A", "memo B"]);
    });

    it("keeps the coder's unsaved words when the memo changes elsewhere, and says so", async () => {
      await memo().click();
      await page.keyboard.press("End");
      await page.keyboard.type(" and mine");
      await api("coding.setMemo", {
        target: { segmentId: first },
        coder: "Rev",
        text: "changed in another window",
      });

      const note = popover().locator(".memo-conflict");
      await expect
        .poll(() => note.textContent())
        .toContain("It now reads changed in another window.");
      expect(await memo().inputValue()).toBe("memo A and mine");
      await page.screenshot({ path: join(SCREENSHOTS, "review-memo-conflict.png") });

      await note.getByRole("button", { name: "Use the new text" }).click();
      expect(await memo().inputValue()).toBe("changed in another window");
      expect(await note.count()).toBe(0);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
      await expect.poll(() => popover().count()).toBe(0);
      const memos = (await stored("ORG-02")).segments.map((s) => s.memo);
      expect(memos).toContain("changed in another window");
    });

    it("saves the coder's own text over it when they choose to", async () => {
      await clickPhrase(page, row("ORG-02"), "national");
      await memo().click();
      await page.keyboard.press("Control+Home");
      await page.keyboard.type("mine: ");
      await api("coding.setMemo", { target: { segmentId: first }, coder: "Rev", text: "theirs" });
      await expect.poll(() => popover().locator(".memo-conflict").count()).toBe(1);
      await page.keyboard.press("Control+Enter");
      await expect
        .poll(async () => (await stored("ORG-02")).segments.find((s) => s.id === first)?.memo)
        .toBe("mine: changed in another window");
      await page.keyboard.press("Escape");
      await page.keyboard.press("Escape");
    });
  });

  describe("selecting a line with a triple-click", () => {
    it("codes the last line of an answer of two lines, the click's end in the margin", async () => {
      await row("ORG-01").scrollIntoViewIfNeeded();
      const box = await phraseBox(row("ORG-01"), "court accompaniment");
      await page.mouse.click(box.start.x, box.start.y, { clickCount: 3 });
      await expect.poll(() => status().textContent()).toContain("We also do court");
      await page.keyboard.press("1");
      await expect
        .poll(async () => codedWith(await stored("ORG-01"), "Referral"))
        .toEqual([
          "We also do court accompaniment and a weekly drop-in in the local family resource centre.",
        ]);
    });

    it("codes a whole one-line answer", async () => {
      const box = await phraseBox(row("ORG-02"), "webchat");
      await page.mouse.click(box.start.x, box.start.y, { clickCount: 3 });
      await expect.poll(() => status().textContent()).toContain("We operate a national");
      await page.keyboard.press("k");
      await picker().getByRole("combobox").fill("Whole line");
      await page.keyboard.press("Enter");
      const answer = await stored("ORG-02");
      await expect
        .poll(async () => codedWith(await stored("ORG-02"), "Whole line"))
        .toEqual([answer.text]);
    });

    it("still refuses a selection dragged from one answer into the next", async () => {
      const from = await phraseBox(row("ORG-01"), "refuge");
      const to = await phraseBox(row("ORG-02"), "helpline");
      await page.mouse.move(from.start.x, from.start.y);
      await page.mouse.down();
      await page.mouse.move(to.end.x, to.end.y, { steps: 6 });
      await page.mouse.up();
      expect(await page.evaluate(() => window.getSelection()?.toString().length)).toBeGreaterThan(
        0,
      );
      await expect.poll(() => status().count()).toBe(0);
      await page.keyboard.press("1");
      await expect.poll(announcer).toContain("Select a passage first");
      await page.mouse.click(5, 5);
    });
  });

  describe("a selection whose row scrolls out of the list", () => {
    it("is still coded by a number key, as the status bar says", async () => {
      await scrollListTo("top");
      await dragSelect(page, row("ORG-02"), "information");
      await expect.poll(() => status().textContent()).toContain("“information” in ORG-02");
      await scrollListTo("bottom");
      await expect.poll(() => row("ORG-02").count()).toBe(0);
      expect(await status().textContent()).toContain("“information” in ORG-02");

      await page.keyboard.press("1");
      await expect.poll(announcer).toBe("Applied Referral to ORG-02");
      await scrollListTo("top");
      await row("ORG-02").waitFor();
      expect(await codedWith(await stored("ORG-02"), "Referral")).toContain("information");
      await expect.poll(() => status().count()).toBe(0);
    });

    it("is selected again when the row comes back, and Esc lets it go", async () => {
      await dragSelect(page, row("ORG-02"), "listening");
      await scrollListTo("bottom");
      await expect.poll(() => row("ORG-02").count()).toBe(0);
      await scrollListTo("top");
      await row("ORG-02").waitFor();
      await expect
        .poll(() => page.evaluate(() => window.getSelection()?.toString()))
        .toBe("listening");
      expect(await status().textContent()).toContain("“listening” in ORG-02");

      await scrollListTo("bottom");
      await expect.poll(() => row("ORG-02").count()).toBe(0);
      await page.keyboard.press("Escape");
      await expect.poll(() => status().count()).toBe(0);
      await page.keyboard.press("1");
      await expect.poll(announcer).toContain("Select a passage first");
      await scrollListTo("top");
      await row("ORG-02").waitFor();
    });
  });

  describe("a selection made while a code is on its way", () => {
    it("is left alone when the code arrives", async () => {
      const slow = "**/api/call/coding.apply";
      await page.route(slow, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 800));
        await route.continue();
      });
      try {
        await dragSelect(page, row("ORG-02"), "anonymous");
        await page.keyboard.press("1");
        await dragSelect(page, row("ORG-02"), "referral");
        await expect
          .poll(async () => codedWith(await stored("ORG-02"), "Referral"))
          .toContain("anonymous");
        await expect.poll(announcer).toBe("Applied Referral to ORG-02");
        expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("referral");
        expect(await status().textContent()).toContain("“referral” in ORG-02");
      } finally {
        await page.unroute(slow);
      }
      await page.keyboard.press("Escape");
    });
  });

  describe("typing a code's name with an input method", () => {
    /** A key as an IME sends it while composing (Japanese, Chinese...). */
    async function composingKey(target: Locator, key: string, how: "flag" | "keyCode") {
      await target.evaluate(
        (element, [name, way]) => {
          const init: KeyboardEventInit & { keyCode?: number } =
            way === "flag"
              ? { key: name, bubbles: true, cancelable: true, isComposing: true }
              : { key: name, bubbles: true, cancelable: true, keyCode: 229 };
          element.dispatchEvent(new KeyboardEvent("keydown", init));
        },
        [key, how] as const,
      );
    }

    it("does not apply the half-typed name when Enter ends the composition", async () => {
      await reveal("ORG-05");
      await dragSelect(page, row("ORG-05"), "accueil de jour");
      await page.keyboard.press("k");
      const input = picker().getByRole("combobox");
      await input.fill("ほご");
      await composingKey(input, "Enter", "flag");
      await composingKey(input, "Enter", "keyCode");
      await page.waitForTimeout(400);
      expect(await picker().count()).toBe(1);
      expect((await api<CodeNode[]>("codes.tree", {})).map((c) => c.name)).not.toContain("ほご");

      await input.fill("保護");
      await page.keyboard.press("Enter");
      await expect
        .poll(async () => codedWith(await stored("ORG-05"), "保護"))
        .toEqual(["accueil de jour"]);
    });

    it("does not rename a code when Enter ends the composition", async () => {
      const name = page.getByRole("button", { name: /^Apply 保護( \(key \d\))?$/ });
      await name.focus();
      await page.keyboard.press("F2");
      const field = page.getByRole("textbox", { name: "New name for 保護" });
      await field.fill("保護する");
      await composingKey(field, "Enter", "keyCode");
      await page.waitForTimeout(300);
      expect(await field.count()).toBe(1);
      await page.keyboard.press("Enter");
      await expect
        .poll(async () => (await api<CodeNode[]>("codes.tree", {})).map((c) => c.name))
        .toContain("保護する");
    });
  });

  describe("a code name that is too long", () => {
    it("is refused by the picker before it is sent, in a plain sentence", async () => {
      await reveal("ORG-07");
      await dragSelect(page, row("ORG-07"), "telefon zaufania");
      await page.keyboard.press("k");
      await picker().getByRole("combobox").fill("x".repeat(201));
      const problem = picker().locator(".picker-problem");
      await expect.poll(() => problem.textContent()).toBe("A code name is at most 200 characters.");
      await page.screenshot({ path: join(SCREENSHOTS, "review-long-name.png") });
      await page.keyboard.press("Enter");
      await page.waitForTimeout(300);
      expect(await picker().count()).toBe(1);
      expect(await page.locator(".banner.error").count()).toBe(0);
      await page.keyboard.press("Escape");
    });

    it("is refused by the core in the same words, without the operation or field", async () => {
      const answerId = (await stored("ORG-07")).answerId;
      const response = await fetch(new URL("api/call/coding.apply", app.served.url), {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ answerId, code: { path: ["x".repeat(201)] }, coder: "Rev" }),
      });
      expect(await response.json()).toEqual({
        ok: false,
        error: { code: "bad_input", message: "a code name is at most 200 characters" },
      });
    });
  });

  describe("a pinned code whose creation is undone", () => {
    it("leaves its number key, which the next new code does not take", async () => {
      await reveal("ORG-08");
      await dragSelect(page, row("ORG-08"), "30 beds");
      await page.keyboard.press("k");
      await picker().getByRole("combobox").fill("Capacity");
      await page.keyboard.press("Enter");
      await expect.poll(announcer).toBe("Applied Capacity to ORG-08");
      await page.getByRole("button", { name: "Pin Capacity to a number key" }).click();
      const keys = page.locator(".shortcut-codes");
      await expect.poll(() => keys.textContent()).toContain("Capacity");

      await page.keyboard.press("Control+z");
      await expect.poll(() => keys.textContent()).not.toContain("Capacity");
      await dragSelect(page, row("ORG-08"), "3 months");
      await page.keyboard.press("k");
      await picker().getByRole("combobox").fill("Duration");
      await page.keyboard.press("Enter");
      await expect.poll(announcer).toBe("Applied Duration to ORG-08");
      // On a key as the latest code used, but not pinned: Capacity's pin went with it.
      const pin = page.getByRole("button", { name: "Pin Duration to a number key" });
      expect(await pin.getAttribute("aria-pressed")).toBe("false");
      expect(await api<number[]>("codes.pinned", {})).toHaveLength(1);
      expect(await keys.locator("li").first().textContent()).toBe("1Referral");
    });
  });
});
