/**
 * What a coder does with the mouse in an answer, for e2e tests: find a phrase on
 * screen, drag across it, click it; and what the screen then shows (the text under a
 * segment's highlight, the margin's labels).
 */
import type { Locator, Page } from "playwright-core";

export interface PhraseBox {
  /** Just inside the phrase's first character, on its left. */
  readonly start: { readonly x: number; readonly y: number };
  /** Just inside the phrase's last character, on its right. */
  readonly end: { readonly x: number; readonly y: number };
}

/** Where a phrase of an answer's text is on screen (the nth occurrence, 0 = first). */
export async function phraseBox(row: Locator, phrase: string, nth = 0): Promise<PhraseBox> {
  const box = await row.locator("[data-answer-text]").evaluate(
    (root, [wanted, occurrence]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest("[data-slate-string]")
            ? NodeFilter.FILTER_ACCEPT
            : NodeFilter.FILTER_REJECT,
      });
      const nodes: { node: Text; from: number }[] = [];
      let text = "";
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, from: text.length });
        text += node.nodeValue ?? "";
      }
      let index = -1;
      for (let i = 0; i <= (occurrence as number); i++) {
        index = text.indexOf(wanted as string, index + 1);
      }
      if (index < 0) return null;
      const charRect = (at: number) => {
        const holder = [...nodes].reverse().find((n) => n.from <= at) as (typeof nodes)[number];
        const range = document.createRange();
        range.setStart(holder.node, at - holder.from);
        range.setEnd(holder.node, at - holder.from + 1);
        return range.getBoundingClientRect();
      };
      // A row below the fold (a narrower grid wraps answers onto more lines): bring the
      // phrase on screen as a coder would scroll to it; one already in view stays put.
      const holder = [...nodes].reverse().find((n) => n.from <= index);
      holder?.node.parentElement?.scrollIntoView({ block: "nearest" });
      const first = charRect(index);
      const last = charRect(index + (wanted as string).length - 1);
      return {
        start: { x: first.left + 1, y: first.top + first.height / 2 },
        end: { x: last.right - 1, y: last.top + last.height / 2 },
      };
    },
    [phrase, nth] as const,
  );
  if (!box) throw new Error(`phraseBox: "${phrase}" is not in the answer on screen`);
  return box;
}

/** Selects a phrase by dragging the mouse across it, as a coder would. */
export async function dragSelect(page: Page, row: Locator, phrase: string, nth = 0) {
  const box = await phraseBox(row, phrase, nth);
  await page.mouse.move(box.start.x, box.start.y);
  await page.mouse.down();
  await page.mouse.move((box.start.x + box.end.x) / 2, (box.start.y + box.end.y) / 2, {
    steps: 4,
  });
  await page.mouse.move(box.end.x, box.end.y, { steps: 4 });
  await page.mouse.up();
}

/** Clicks the middle of a phrase of the answer (on a highlight, it opens the popover). */
export async function clickPhrase(page: Page, row: Locator, phrase: string) {
  const box = await phraseBox(row, phrase);
  await page.mouse.click((box.start.x + box.end.x) / 2, box.start.y);
}

/** The text under one segment's highlight, its pieces joined in order. */
export function highlightedText(row: Locator, segmentId: number): Promise<string> {
  return row.locator("[data-segments]").evaluateAll(
    (pieces, id) =>
      pieces
        .filter((p) => (p as HTMLElement).dataset.segments?.split(" ").includes(String(id)))
        .map((p) => p.textContent ?? "")
        .join(""),
    segmentId,
  );
}

export interface MarginEntry {
  readonly segmentId: number;
  readonly label: string;
  /** The bar's top and bottom in the margin, in pixels. */
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
}

/** The margin's bars and labels, top to bottom. */
export function marginEntries(row: Locator): Promise<MarginEntry[]> {
  return row.locator(".margin-segment").evaluateAll((entries) =>
    entries.map((entry) => {
      const bar = (entry.querySelector(".margin-stripe") as HTMLElement).getBoundingClientRect();
      return {
        segmentId: Number((entry as HTMLElement).dataset.segment),
        label: entry.querySelector(".margin-name")?.textContent ?? "",
        top: bar.top,
        bottom: bar.bottom,
        left: bar.left,
      };
    }),
  );
}

/** The segment ids the margin shows for a code's name. */
export async function segmentIdsLabelled(row: Locator, label: string): Promise<number[]> {
  return (await marginEntries(row)).filter((e) => e.label === label).map((e) => e.segmentId);
}
