import { join } from "node:path";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { SCREENSHOTS } from "../helpers/app-suite.ts";
import { useSampleApp } from "../helpers/sample-app.ts";

/**
 * The sample survey's Q2 ("Risk and safety"), counted by hand from its file: 17 of the 18
 * member organisations answered, Czechia's left it blank. Of Ireland's two and Czechia's
 * one, the two Irish answered; both mention Victim safety (3 segments: 2 Risk assessment,
 * 1 Safety planning) and Multi-agency cooperation (Police), one Standards and protocols
 * (Confidentiality).
 */
describe("a report author reading the frequencies for the report", () => {
  const sample = useSampleApp({
    prefix: "cairn-e2e-frequencies-",
    viewport: { width: 1400, height: 900 },
    clipboard: true,
  });
  let page: Page;
  const shoot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });
  const q2 = () => page.getByRole("region", { name: /^Q2 Risk and safety/ });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  beforeAll(() => {
    page = sample.page;
  });

  it("opens the frequencies of the question selected in the grid", async () => {
    await page
      .getByRole("navigation", { name: "Questions" })
      .getByRole("button", { name: /^Q2 Risk and safety/ })
      .click();
    await page.getByRole("tab", { name: "Frequencies" }).click();
    await expect
      .poll(() => q2().getByTestId("answered-line").textContent())
      .toBe("17 of 18 answered · 1 empty · 0 no answer");
    expect(await page.getByRole("combobox", { name: "Question" }).inputValue()).not.toBe("");
  });

  it("drafts the report sentences with exact figures, and copies them", async () => {
    const paragraph = await q2().locator(".report-paragraph").textContent();
    expect(paragraph).toBe(
      "17 of 18 respondents answered “Q2 Risk and safety”. 1 left it blank. " +
        "16 of the 17 (94%) mention Victim safety; 9 (53%) mention Multi-agency cooperation; " +
        "2 (12%) mention Standards and protocols; 2 (12%) mention Training. " +
        "Of the 44 coded passages, 70% concern Victim safety, 20% Multi-agency cooperation, " +
        "5% Standards and protocols and 5% Training. " +
        "(Coding by all coders, merged.)",
    );
    await q2()
      .getByRole("button", { name: "Copy the report sentences for Q2 Risk and safety" })
      .click();
    await expect.poll(clipboard).toBe(paragraph);
  });

  it("filters to two countries: who answered and who mentions a code follow together", async () => {
    await page.getByRole("button", { name: "Attributes" }).click();
    const values = page.getByRole("group", { name: "Values of Country" });
    await values.getByLabel("Ireland").check();
    await values.getByLabel("Czechia").check();
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.getByTestId("frequencies-filter").textContent())
      .toBe("Only respondents with Country = Ireland or Czechia: 3 of 18");
    await expect
      .poll(() => q2().getByTestId("answered-line").textContent())
      .toBe("2 of 3 answered · 1 empty · 0 no answer");
    expect(await q2().locator(".report-paragraph").textContent()).toBe(
      "2 of 3 respondents answered “Q2 Risk and safety”. 1 left it blank. " +
        "2 of the 2 (100%) mention Victim safety; 2 (100%) mention Multi-agency cooperation; " +
        "1 (50%) mentions Standards and protocols. " +
        "Of the 6 coded passages, 50% concern Victim safety, 33% Multi-agency cooperation " +
        "and 17% Standards and protocols. " +
        "(Coding by all coders, merged; only respondents with Country = Ireland or Czechia.)",
    );
    await shoot("frequencies-filtered.png");
  });

  it("opens the passages behind a filtered, one coder's number: the count agrees", async () => {
    await page
      .getByRole("combobox", { name: "Coder", exact: true })
      .selectOption({ label: "Aoife" });
    await expect
      .poll(() => q2().locator(".report-paragraph").textContent())
      .toContain("(Coding by Aoife; only respondents with Country = Ireland or Czechia.)");
    // Victim safety among the 2 Irish who answered: 2 respondents, 3 segments.
    await q2()
      .getByRole("button", { name: "Victim safety: 3 segments. Show the passages." })
      .click();
    await expect
      .poll(() => page.getByTestId("passage-count").textContent())
      .toBe("3 passages from 2 respondents");
    expect(
      await page
        .getByRole("combobox", { name: "Coder", exact: true })
        .locator("option:checked")
        .textContent(),
    ).toBe("Aoife");
    expect(await page.getByRole("button", { name: "Attributes (1 filtered)" }).count()).toBe(1);

    await page.getByRole("tab", { name: "Frequencies" }).click();
    await page
      .getByRole("combobox", { name: "Coder", exact: true })
      .selectOption({ label: "All coders" });
    await expect
      .poll(() => q2().getByTestId("answered-line").textContent())
      .toBe("2 of 3 answered · 1 empty · 0 no answer");
  });

  it("copies the question's table as tab-separated text for a spreadsheet", async () => {
    await q2().getByRole("button", { name: "Copy table for Q2 Risk and safety" }).click();
    await expect
      .poll(clipboard)
      .toBe(
        [
          "Code\tRespondents\tAnswered\t% of answered\tSegments\t% of segments",
          "Victim safety\t2\t2\t100%\t3\t50%",
          "Victim safety > Risk assessment\t2\t2\t100%\t2\t67%",
          "Victim safety > Safety planning\t1\t2\t50%\t1\t33%",
          "Multi-agency cooperation\t2\t2\t100%\t2\t33%",
          "Multi-agency cooperation > Police\t2\t2\t100%\t2\t100%",
          "Standards and protocols\t1\t2\t50%\t1\t17%",
          "Standards and protocols > Confidentiality\t1\t2\t50%\t1\t100%",
        ].join("\n"),
      );
    await page.getByRole("button", { name: "Clear filter" }).click();
    await expect
      .poll(() => q2().getByTestId("answered-line").textContent())
      .toBe("17 of 18 answered · 1 empty · 0 no answer");
  });

  it("splits the codes by organisation type in the crosstab", async () => {
    await page.getByRole("tab", { name: "Crosstab" }).click();
    await page
      .getByRole("combobox", { name: "Split by attribute" })
      .selectOption("Organisation type");
    const table = page.getByRole("table", { name: "Crosstab of the codes by Organisation type" });
    await table.waitFor();
    const headings = await table.locator("thead th").allTextContents();
    expect(headings).toContain("Shelter (answered 5)");
    expect(headings).toContain("Helpline (answered 4)");
    const cell = async (code: string, value: string) => {
      const column = headings.indexOf(`${value} (answered ${value === "Shelter" ? 5 : 4})`);
      const row = table
        .locator("tbody tr")
        .filter({ has: page.getByRole("rowheader", { name: code, exact: true }) });
      // The row's heading is its first cell: the value columns follow it, as in the header.
      return row.locator("th, td").nth(column).textContent();
    };
    expect(await cell("Victim safety", "Shelter")).toBe("5 (100%)");
    expect(await cell("Victim safety", "Helpline")).toBe("3 (75%)");
    await page.getByRole("button", { name: "Copy the crosstab" }).click();
    await expect.poll(clipboard).toMatch(/^Code\t.*Shelter \(answered 5\)/);
    await shoot("frequencies-crosstab.png");
  });

  it("opens the passages behind a crosstab cell: the list counts the cell's respondents", async () => {
    const passageCount = () => page.getByTestId("passage-count").textContent();
    const shelter = page.getByRole("button", {
      name: "Victim safety, Organisation type Shelter: 5 respondents — show passages",
    });
    expect(await shelter.textContent()).toBe("5 (100%)");
    await shelter.click();
    await expect.poll(passageCount).toBe("13 passages from 5 respondents");
    expect(await page.getByRole("button", { name: "Attributes (1 filtered)" }).count()).toBe(1);

    // Filtered to Ireland and Germany and split by Country: Ireland's cell lists Ireland's
    // respondents only (the filter's Country gives way to the cell's), the total both.
    await page.getByRole("tab", { name: "Frequencies" }).click();
    await page.getByRole("button", { name: "Attributes" }).click();
    const values = page.getByRole("group", { name: "Values of Country" });
    await values.getByLabel("Ireland").check();
    await values.getByLabel("Germany").check();
    await page.keyboard.press("Escape");
    await page.getByRole("combobox", { name: "Split by attribute" }).selectOption("Country");
    const ireland = page.getByRole("button", {
      name: "Multi-agency cooperation, Country Ireland: 2 respondents — show passages",
    });
    expect(await ireland.textContent()).toBe("2 (100%)");
    await ireland.click();
    await expect.poll(passageCount).toBe("2 passages from 2 respondents");

    await page.getByRole("tab", { name: "Frequencies" }).click();
    const total = page.getByRole("button", {
      name: "Multi-agency cooperation, Total: 3 respondents — show passages",
    });
    expect(await total.textContent()).toBe("3 (75%)");
    await total.click();
    await expect.poll(passageCount).toBe("3 passages from 3 respondents");

    await page.getByRole("tab", { name: "Frequencies" }).click();
    await page.getByRole("button", { name: "Clear filter" }).click();
    await expect.poll(() => page.getByTestId("frequencies-filter").count()).toBe(0);
  });

  it("gives the population size, reads the response rate, and undoes it", async () => {
    await page.getByRole("tab", { name: "Response rate" }).click();
    const overall = page.getByTestId("rate-overall");
    await expect.poll(() => overall.textContent()).toBe("17 answered");
    await page.getByRole("button", { name: "Population sizes…" }).click();
    const dialog = page.getByRole("dialog", { name: "Population sizes" });
    await dialog.getByRole("spinbutton", { name: "Population overall" }).fill("45");
    await dialog.getByRole("spinbutton", { name: "Number of Country values" }).fill("25");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => overall.textContent()).toBe("17 of 45 (38%)");
    // 13 of the 14 countries answered Q2 (Czechia's only answer is blank), of 25 given.
    expect(await page.getByTestId("rate-values-Country").textContent()).toBe(
      "13 of 25 countries (52%)",
    );
    await shoot("frequencies-response-rate.png");

    await page.getByRole("button", { name: /^Undo/ }).click();
    await expect.poll(() => overall.textContent()).toBe("17 answered");
    expect(await page.getByTestId("rate-values-Country").textContent()).toBe(
      "13 countries answered",
    );
  });

  it("lists every question at a glance first, and jumps to one", async () => {
    await page.getByRole("tab", { name: "Tables" }).click();
    await page.getByRole("combobox", { name: "Question" }).selectOption({ label: "All questions" });
    const overview = page.getByRole("table", { name: "Questions at a glance" });
    await overview.waitFor();
    expect(await overview.locator("tbody tr").count()).toBe(14);
    const q2Row = overview.locator("tbody tr").nth(1);
    expect(await q2Row.locator("td").first().textContent()).toBe("17 of 18 (94%)");
    expect(await q2Row.locator("td").last().textContent()).toBe("Victim safety: 16 of 17 (94%)");
    await q2Row.getByRole("button", { name: "Q2 Risk and safety" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toMatch(/^Q2 Risk and safety/);
    await shoot("frequencies-overview.png");
  });
});
