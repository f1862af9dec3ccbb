import { beforeAll, describe, expect, it } from "vitest";
import { segmentIdsLabelled } from "../helpers/coding.ts";
import { useSurveyApp, type CodedWords } from "../helpers/survey-app.ts";

const TEXTS = {
  R1: "Better street lighting and more police patrols.",
  R2: "More police on the buses at night.",
};

/** Aoife coded Police on both answers and Lighting on R1; Ben only Police on R2. */
const CODING: readonly CodedWords[] = [
  ["Aoife", "R1", "Police", "police patrols"],
  ["Aoife", "R1", "Lighting", "street lighting"],
  ["Aoife", "R2", "Police", "police"],
  ["Ben", "R2", "Police", "More police"],
];

describe("a second coder working blind on a file the first coder has coded", () => {
  const survey = useSurveyApp({
    prefix: "cairn-e2e-blind-",
    csv: ["id,Q1", ...Object.entries(TEXTS).map(([id, text]) => `${id},"${text}"`)].join("\n"),
    texts: TEXTS,
    coding: CODING,
  });
  const { row, shoot } = survey;
  const blind = () => survey.page.getByRole("button", { name: "Blind" });

  /** The counts beside a code in the codebook ("2 · 2 resp."). */
  function codebookCount(code: string): Promise<string | null> {
    return survey.page
      .getByRole("tree")
      .getByRole("treeitem", { name: new RegExp(`^${code}\\b`) })
      .locator(".code-count")
      .first()
      .textContent();
  }

  beforeAll(async () => {
    await survey.page.getByRole("button", { name: "Choose who is coding" }).click();
    const asked = survey.page.getByRole("dialog", { name: "Who is coding?" });
    await asked.getByLabel("Your name").fill("Ben");
    await asked.getByRole("button", { name: "Start coding" }).click();
  });

  it("shows everyone's coding until Ben turns blind mode on", async () => {
    expect(await blind().getAttribute("aria-pressed")).toBe("false");
    expect(await blind().getAttribute("title")).toBe(
      "Show only your own coding, so another coder's work does not influence yours",
    );
    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(1);
    expect(await segmentIdsLabelled(row("R2"), "Police")).toHaveLength(2);
    await expect.poll(() => codebookCount("Police")).toMatch(/^3\b/);
  });

  it("hides Aoife's highlights and counts once blind mode is on", async () => {
    await blind().click();
    await expect.poll(() => blind().getAttribute("aria-pressed")).toBe("true");
    expect(await survey.page.getByText("Blind: only your coding").isVisible()).toBe(true);
    expect(await survey.page.getByRole("group", { name: "Whose codes to show" }).count()).toBe(0);
    expect(
      await survey.page.getByRole("combobox", { name: "Show one coder's codes" }).count(),
    ).toBe(0);

    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(0);
    expect(await segmentIdsLabelled(row("R1"), "Lighting")).toHaveLength(0);
    expect(await segmentIdsLabelled(row("R2"), "Police")).toHaveLength(1);
    expect(await row("R1").locator("[data-segments]").count()).toBe(0);
    await expect.poll(() => codebookCount("Police")).toMatch(/^1\b/);
    await shoot("blind-mode-answers.png");
  });

  it("counts only Ben's coding in the frequencies, and cannot be switched to Aoife's", async () => {
    await survey.page.getByRole("tab", { name: "Frequencies" }).click();
    const table = survey.page.locator(".tally-table").first();
    const police = table.locator("tr").filter({ hasText: "Police" }).first();
    await expect.poll(() => police.locator("td").first().textContent()).toBe("1 of 2");
    expect(await table.locator("tr").filter({ hasText: "Lighting" }).count()).toBe(0);
    const coder = survey.page.getByRole("combobox", { name: "Coder" });
    expect(await coder.locator("option").allTextContents()).toEqual(["Ben (you)"]);
    expect(await coder.isDisabled()).toBe(true);
    await shoot("blind-mode-frequencies.png");
  });

  it("keeps the comparison of coders out of sight", async () => {
    await survey.page.getByRole("tab", { name: "Agreement" }).click();
    await survey.page.getByRole("tab", { name: "Review queue" }).click();
    await expect
      .poll(() => survey.page.getByText("Blind mode is on: turn it off to compare coders").count())
      .toBe(1);
  });

  it("remembers blind mode on this machine", async () => {
    await survey.page.reload({ waitUntil: "domcontentloaded" });
    await row("R1").waitFor();
    await expect.poll(() => blind().getAttribute("aria-pressed")).toBe("true");
    await survey.page.getByRole("tab", { name: "Answers" }).click();
    await expect.poll(() => segmentIdsLabelled(row("R2"), "Police")).toHaveLength(1);
    await blind().click();
    await expect.poll(() => segmentIdsLabelled(row("R2"), "Police")).toHaveLength(2);
  });

  it("shows a coder who has coded nothing yet no one's figures in blind mode", async () => {
    const nothing = survey.page.getByText(
      "You have not coded anything in this project yet; blind mode shows only your own coding.",
    );
    // Cara joins on this machine and turns blind mode on before her first passage.
    await survey.page.getByRole("button", { name: "Coding as Ben: change" }).click();
    const asked = survey.page.getByRole("dialog", { name: "Who is coding?" });
    await asked.getByLabel("Your name").fill("Cara");
    await asked.getByRole("button", { name: "Start coding" }).click();
    await blind().click();
    await expect.poll(() => blind().getAttribute("aria-pressed")).toBe("true");
    expect(await row("R2").locator("[data-segments]").count()).toBe(0);
    await expect
      .poll(() => survey.page.getByTestId("frequency-panel").textContent())
      .toContain("You have not coded anything");

    await survey.page.getByRole("tab", { name: "Frequencies" }).click();
    await expect.poll(() => nothing.count()).toBe(1);
    expect(await survey.page.locator(".tally-table").count()).toBe(0);

    await survey.page.getByRole("tab", { name: "Passages" }).click();
    await survey.page.getByRole("combobox", { name: "Find a code" }).fill("Police");
    await survey.page.keyboard.press("Enter");
    await expect.poll(() => nothing.count()).toBe(1);
    expect(await survey.page.locator(".passage-text").count()).toBe(0);

    await survey.page.getByRole("tab", { name: "Co-occurrence" }).click();
    await expect.poll(() => nothing.count()).toBe(1);
    expect(await survey.page.getByRole("button", { name: /^Police with Police: / }).count()).toBe(
      0,
    );
    await shoot("blind-mode-nothing-yet.png");
  });
});
