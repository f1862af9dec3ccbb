/**
 * Coding benchmark, browser side, on the production build of the renderer in Debian's
 * headless Chromium (browser mode, as the e2e tests run it), on the 1,000,000-answer
 * project of bench/coding-project.ts whose first question has 100,000 answers:
 *
 * - opening the project's first question to its first rows on screen;
 * - frame times while scrolling through the question's answers (with highlights): a
 *   steady fling from the top, then jumps across the whole list as a scrollbar drag does;
 * - selection to highlight: from the key press that applies a code to a selected phrase
 *   until the highlight is drawn.
 *
 * Prints figures; passes or fails nothing. Run `npm run build:renderer` first (the npm
 * script does).
 *
 *   npm run bench:browser               # 100,000 respondents x 10 questions
 *   npm run bench:browser -- 10000
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium, serveProject } from "../test/helpers/browser.ts";
import { codingBenchProject } from "./coding-project.ts";
import { latencySummary } from "./stats.ts";

const respondents = Number(process.argv[2] ?? 100_000);
const SELECTION_RUNS = 30;

const home = mkdtempSync(join(tmpdir(), "cairn-bench-browser-"));
const file = join(home, "bench.cairn");
copyFileSync(codingBenchProject(respondents), file);

const served = await serveProject(file, home);
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx names the functions it compiles with a helper that the page does not have.
  await page.addInitScript({ content: "globalThis.__name = (f) => f;" });

  // Opening: from navigation until the first answers are on screen.
  const began = performance.now();
  await page.goto(served.url);
  await page.locator(".answer-row").first().waitFor();
  const openMs = performance.now() - began;
  console.error(`opened in ${openMs.toFixed(0)} ms`);
  const inPage = await page.evaluate(() => performance.now());
  const total = await page.locator("[data-testid=answer-list]").getAttribute("data-total");

  // The active coder and a pinned code on key 1, through the page's own API.
  await page.evaluate(async () => {
    const post = (name: string, input: unknown) =>
      fetch(`./api/call/${name}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(input),
      }).then((r) => r.json());
    await post("preferences.set", { coder: "Anna" });
    await post("codes.setPinned", { codeIds: [2] });
  });
  await page.reload();
  await page.locator(".answer-row").first().waitFor();

  console.error("coder and pinned code set");
  // Scrolling: frame times measured by requestAnimationFrame in the page.
  const frames = await page.evaluate(async () => {
    const list = document.querySelector<HTMLElement>(".answer-scroll");
    if (!list) throw new Error("no answer list");
    const deltas: { fling: number[]; jumps: number[] } = { fling: [], jumps: [] };
    const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    let last = await nextFrame();
    for (let i = 0; i < 600; i++) {
      list.scrollTop += 900; // about six answers per frame: a fast wheel fling
      const now = await nextFrame();
      deltas.fling.push(now - last);
      last = now;
    }
    for (let i = 0; i < 200; i++) {
      list.scrollTop = Math.floor((((i * 7919) % 200) / 200) * list.scrollHeight);
      const now = await nextFrame();
      deltas.jumps.push(now - last);
      last = now;
    }
    return deltas;
  });

  console.error("scrolled");
  // Selection to highlight: double-click a word of an answer, press 1, wait for the
  // highlight over it; timed in the page from the key press to the drawn highlight.
  await page.locator(".answer-scroll").evaluate((list) => (list.scrollTop = 0));
  const latencies: number[] = [];
  let failures = 0;
  for (let run = 0; run < SELECTION_RUNS; run++) {
    const row = page.locator(".answer-row").nth(run % 5);
    // Clicking at a point does not scroll: the row must be on screen, not under the bar.
    await row.scrollIntoViewIfNeeded();
    // The end of the answer: the generated codings cover its first 55 characters.
    const words = row.locator(".answer-text [data-slate-string]").last();
    // The middle of the answer's last word, found with a Range over the text node.
    const point = await words.evaluate((element) => {
      const node = element.firstChild;
      const text = node?.textContent ?? "";
      const end = text.trimEnd().replace(/[.!?]$/, "").length;
      const start = text.lastIndexOf(" ", end - 1) + 1;
      const range = document.createRange();
      range.setStart(node!, start);
      range.setEnd(node!, end);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.dblclick(point.x, point.y);
    // Listening starts (awaited) before the key is pressed, or the press could win.
    await row.evaluate((element) => {
      const slot = window as unknown as { latency?: Promise<number> };
      slot.latency = new Promise<number>((resolve) => {
        let pressed = 0;
        const before = element.querySelectorAll(".highlight").length;
        window.addEventListener("keydown", () => (pressed = performance.now()), {
          capture: true,
          once: true,
        });
        // A key press that codes nothing (no selection) counts as a failure, not a hang.
        setTimeout(() => resolve(Number.NaN), 3000);
        const observer = new MutationObserver(() => {
          if (pressed && element.querySelectorAll(".highlight").length !== before) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - pressed));
          }
        });
        observer.observe(element, { subtree: true, childList: true, attributes: true });
      });
    });
    await page.keyboard.press("1");
    const latency = await page.evaluate(
      () => (window as unknown as { latency: Promise<number> }).latency,
    );
    if (Number.isNaN(latency)) {
      failures++;
      continue;
    }
    latencies.push(latency);
    await page.keyboard.press("Control+z");
  }

  console.log(`project: ${respondents * 10} answers; first question: ${total ?? "?"} answers`);
  console.log(
    `open to first rows: ${openMs.toFixed(0)} ms from navigation (${inPage.toFixed(0)} ms in the page)`,
  );
  console.log(`scroll, fling from the top: ${latencySummary(frames.fling, 1)}`);
  console.log(`scroll, jumps across the list: ${latencySummary(frames.jumps, 1)}`);
  console.log(
    `selection to highlight (key 1 to drawn): ${latencySummary(latencies, 1)}; ${failures} presses coded nothing`,
  );
} finally {
  await browser.close();
  await served.stop();
  rmSync(home, { recursive: true, force: true });
}
