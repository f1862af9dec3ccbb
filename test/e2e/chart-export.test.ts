import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import type { Tally } from "../../shared/api/tally-api.ts";
import { pngDpi, pngSize } from "../../renderer/src/charts/png-dpi.ts";
import { callServed } from "../helpers/browser.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/** Clicks `button` and answers with the downloaded file's name and bytes. */
async function download(page: Page, button: ReturnType<Page["getByRole"]>) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

describe("a report author saving a question's bar chart", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-chart-export-" });
  let page: Page;
  const refusals: string[] = [];

  beforeAll(async () => {
    page = sample.page;
    page.on("console", (message) => {
      if (/Content Security Policy|unsafe-eval/i.test(message.text()))
        refusals.push(message.text());
    });
    await page.getByRole("tab", { name: "Frequencies" }).click();
    await page.locator(".tally-chart [role=img] svg").first().waitFor();
  });

  it("sees the bars drawn on screen, labelled '9 of 12', under the CSP", async () => {
    const chart = page.locator(".tally-chart").first();
    const label = await chart.locator("[role=img]").getAttribute("aria-label");
    expect(label).toMatch(/^Bar chart\. Q1 .+ — \d+ respondents answered\. .+: \d+ of \d+/);
    const drawn = await chart.locator("[role=img] svg text").allTextContents();
    expect(drawn.some((text) => /^\d+ of \d+$/.test(text))).toBe(true);
    // The figures are in a table for screen readers too.
    expect(await chart.locator("table tbody tr").count()).toBeGreaterThan(0);
    expect(refusals).toEqual([]);
  });

  it("saves a PNG 1890 px wide (16 cm at 300 dpi), as tall as the print layout needs", async () => {
    const chart = page.locator(".tally-chart").first();
    const png = await download(page, chart.getByRole("button", { name: "Save PNG" }));
    expect(png.name).toBe("Q1-approach-to-support-codes.png");
    expect(png.bytes.length).toBeGreaterThan(10_000);

    // The button says the size; the file has it: 1890 px across, as tall as the bars need.
    const title = await chart.getByRole("button", { name: "Save PNG" }).getAttribute("title");
    const [, width, height] = /(\d+) × (\d+) px, 16 cm wide at 300 dpi/.exec(title ?? "") ?? [];
    expect(Number(width)).toBe(1890);
    expect(pngSize(png.bytes)).toEqual({ width: 1890, height: Number(height) });
    // At least the plot of the top-level codes: 88 px (44 logical) per bar, two per bar.
    const tally = await callServed<Tally>(sample.app.served, "tally.get", {});
    const question = tally.questions.find((q) => q.label === "Q1 Approach to support")!;
    const bars = question.codes.filter((code) => code.parentId === null).length;
    expect(Number(height)).toBeGreaterThan(bars * 88);
    expect(pngDpi(png.bytes)).toBe(300);
    expect(refusals).toEqual([]);
  });

  it("saves an SVG drawing that parses and carries the bar labels", async () => {
    const chart = page.locator(".tally-chart").first();
    const onScreen = await chart.locator("[role=img] svg text").allTextContents();
    const barLabels = onScreen.filter((text) => /^\d+ of \d+$/.test(text));
    const svg = await download(page, chart.getByRole("button", { name: "Save SVG" }));
    expect(svg.name).toBe("Q1-approach-to-support-codes.svg");
    const text = new TextDecoder().decode(svg.bytes);
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, "image/svg+xml");
      return {
        root: doc.documentElement.nodeName,
        errors: doc.getElementsByTagName("parsererror").length,
        width: doc.documentElement.getAttribute("width"),
        texts: Array.from(doc.querySelectorAll("text"), (node) => node.textContent),
      };
    }, text);
    expect(parsed).toMatchObject({ root: "svg", errors: 0, width: "16.00cm" });
    expect(barLabels.length).toBeGreaterThan(0);
    for (const label of barLabels) expect(parsed.texts).toContain(label);
  });
});
