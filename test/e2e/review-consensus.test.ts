import type { Locator } from "playwright-core";
import { describe, expect, it } from "vitest";
import { dragSelect, segmentIdsLabelled } from "../helpers/coding.ts";
import { useSurveyApp } from "../helpers/survey-app.ts";

const SURVEY = [
  "id,Q1",
  'R1,"Better street lighting and more police patrols."',
  'R2,"More police on the buses at night."',
  'R3,"Street lighting near the station."',
].join("\n");

const CODEBOOK = ["path,color,description", "Lighting,#d97706,", "Police,#2563eb,"].join("\n");

/**
 * What each coder selects and codes (key 1: Lighting, key 2: Police). Worked by hand,
 * over the 3 answers both marked done, units (answer, code):
 *   Lighting: R1 both, R2 only Ben, R3 only Aoife   -> 1 / 1 / 1 / 0, 33%,
 *             kappa (1/3 - 5/9) / (1 - 5/9) = -0.5
 *   Police:   R1 both, R2 both, R3 only Aoife        -> 2 / 1 / 0 / 0, 67%,
 *             kappa (2/3 - 2/3) / (1 - 2/3) = 0 (Ben used it everywhere he could)
 *   Pooled (6 units): 3 / 2 / 1 / 0, 50%, p_e = 5/6*4/6 + 1/6*2/6 = 11/18,
 *             kappa (1/2 - 11/18) / (7/18) = -2/7 = -0.29
 * The disagreements to review: R1 Police (both used it, "police patrols" against "more
 * police": overlap 6/19, below 90%), R2 Lighting (only Ben), R3 Lighting and R3 Police
 * (only Aoife).
 */
const AOIFE: readonly [string, string, "1" | "2"][] = [
  ["R1", "street lighting", "1"],
  ["R1", "police patrols", "2"],
  ["R2", "police", "2"],
  ["R3", "Street lighting", "1"],
  ["R3", "near the station", "2"],
];
const BEN: readonly [string, string, "1" | "2"][] = [
  ["R1", "street lighting", "1"],
  ["R1", "more police", "2"],
  ["R2", "police", "2"],
  ["R2", "at night", "1"],
];

describe("two coders code the same answers differently and settle it in a review", () => {
  const survey = useSurveyApp({ prefix: "cairn-e2e-review-", csv: SURVEY, codebook: CODEBOOK });
  const { row, shoot } = survey;
  const progress = () => survey.page.getByTestId("review-progress").textContent();
  const item = () => survey.page.getByRole("article", { name: "Disagreement" });

  async function code(coding: readonly (readonly [string, string, "1" | "2"])[], who: string) {
    for (const [respondent, phrase, key] of coding) {
      const label = key === "1" ? "Lighting" : "Police";
      const before = (await segmentIdsLabelled(row(respondent), label)).length;
      await dragSelect(survey.page, row(respondent), phrase);
      await expect
        .poll(() => survey.page.getByTestId("selection-status").textContent())
        .toContain(phrase);
      await survey.page.keyboard.press(key);
      const asked = survey.page.getByRole("dialog", { name: "Who is coding?" });
      if (await asked.isVisible()) {
        await asked.getByLabel("Your name").fill(who);
        await asked.getByRole("button", { name: "Start coding" }).click();
      }
      await expect.poll(() => segmentIdsLabelled(row(respondent), label)).toHaveLength(before + 1);
    }
    await survey.page.getByRole("button", { name: "Mark question done" }).click();
    await expect.poll(() => survey.page.getByText("✓ Question done").count()).toBe(1);
  }

  /** The text of one figure of the answer-level table: the row of a code, or the pooled one. */
  function figure(code: string | null, column: string): Promise<string | null> {
    const table = survey.page.getByRole("table", { name: "Answer-level agreement" });
    const line =
      code === null
        ? table.locator("tr.pooled")
        : table.locator("tbody tr").filter({ has: survey.page.locator("th", { hasText: code }) });
    return line.locator(`td[data-column="${column}"]`).first().textContent();
  }

  it("Aoife codes the three answers with the number keys and marks the question done", async () => {
    await survey.page.getByRole("button", { name: "Pin Lighting to a number key" }).click();
    await survey.page.getByRole("button", { name: "Pin Police to a number key" }).click();
    await expect
      .poll(() => survey.page.locator(".shortcut-codes kbd").allTextContents())
      .toEqual(["1", "2"]);
    await code(AOIFE, "Aoife");
    expect(await survey.page.locator(".coder-control .coder-name").textContent()).toBe("Aoife");
  });

  it("Ben takes his turn on the same file and codes them his way", async () => {
    await survey.page.getByRole("button", { name: "Coding as Aoife: change" }).click();
    const asked = survey.page.getByRole("dialog", { name: "Who is coding?" });
    await asked.getByLabel("Your name").fill("Ben");
    await asked.getByRole("button", { name: "Start coding" }).click();
    await expect
      .poll(() => survey.page.locator(".coder-control .coder-name").textContent())
      .toBe("Ben");
    // Ben works blind: Aoife's passages are not on his screen.
    await survey.page.getByRole("button", { name: "Blind" }).click();
    await expect.poll(() => segmentIdsLabelled(row("R1"), "Police")).toHaveLength(0);
    await code(BEN, "Ben");
    await survey.page.getByRole("button", { name: "Blind" }).click();
  });

  it("shows the agreement the hand computation gives", async () => {
    await survey.page.getByRole("tab", { name: "Agreement" }).click();
    await expect.poll(() => figure("Police", "units")).toBe("3");
    expect(await figure("Lighting", "both")).toBe("1");
    expect(await figure("Lighting", "aOnly")).toBe("1");
    expect(await figure("Lighting", "bOnly")).toBe("1");
    expect(await figure("Lighting", "percent")).toMatch(/^33%/);
    expect(await figure("Lighting", "cohen")).toMatch(/^[−-]0\.50/);
    expect(await figure("Police", "both")).toBe("2");
    expect(await figure("Police", "aOnly")).toBe("1");
    expect(await figure("Police", "percent")).toMatch(/^67%/);
    expect(await figure("Police", "cohen")).toMatch(/^0\.00/);
    expect(await figure(null, "units")).toBe("6");
    expect(await figure(null, "percent")).toMatch(/^50%/);
    expect(await figure(null, "cohen")).toMatch(/^[−-]0\.29/);
    // No review yet: nothing recorded to look back on.
    expect(await survey.page.getByRole("tab", { name: "Before review" }).count()).toBe(0);
    await shoot("review-agreement-report.png");
  });

  it("starts the review and settles each disagreement with one key", async () => {
    await survey.page.getByRole("tab", { name: "Review queue" }).click();
    await survey.page.getByLabel("Name of the consensus coder").fill("consensus");
    // Before starting, the screen says what the review will have (R1 Lighting and R2
    // Police agree; the four items above do not).
    await expect
      .poll(() => survey.page.locator(".review-preview").textContent())
      .toBe(
        "Aoife and Ben have both seen 3 answers: 4 disagreements to settle, and 2 codings they agree on will be copied to “consensus”.",
      );
    await shoot("review-start.png");
    await survey.page.getByRole("button", { name: "Start review" }).click();
    await expect.poll(progress).toBe("0 of 4 decided");

    // Keep Ben's "more police", neither's Lighting on R2 and R3, Aoife's Police on R3.
    const decisions: Record<string, string> = {
      "R1 Police": "b",
      "R2 Lighting": "n",
      "R3 Lighting": "n",
      "R3 Police": "a",
    };
    for (let decided = 0; decided < 4; decided++) {
      const where = await item().locator(".review-where").textContent();
      const respondent = /Respondent\s*(R\d)/.exec(where ?? "")?.[1];
      const codeName = /(Lighting|Police)$/.exec(where ?? "")?.[1];
      const key = decisions[`${respondent} ${codeName}`];
      expect(key, `an item for ${respondent} ${codeName}`).toBeDefined();
      if (decided === 0) {
        expect(respondent).toBe("R1");
        expect(await item().getByRole("region", { name: "Aoife" }).textContent()).toContain(
          "coded 1 passage",
        );
        expect(await item().locator("mark").allTextContents()).toEqual([
          "police patrols",
          "more police",
        ]);
        await shoot("review-item.png");
      }
      await survey.page.keyboard.press(key!);
      await expect.poll(progress).toBe(`${decided + 1} of 4 decided`);
    }
    await expect
      .poll(() => survey.page.locator(".review-done").textContent())
      .toContain(
        "All 4 disagreements decided. The consensus coder “consensus” can now be chosen in Frequencies and exports.",
      );
    // The last item stays on screen with what was kept.
    expect(await item().locator(".review-decided").textContent()).toMatch(/^Kept Aoife's/);
    await shoot("review-done.png");
  });

  it("shows the consensus figures in the frequencies", async () => {
    await survey.page.getByRole("button", { name: "Open Frequencies for consensus" }).click();
    const table = survey.page.locator(".tally-table").first();
    const lighting = table.locator("tr").filter({ hasText: "Lighting" }).first();
    const police = table.locator("tr").filter({ hasText: "Police" }).first();
    // Lighting only where both coders agreed (R1); Police on all three answers.
    await expect.poll(() => lighting.locator("td").first().textContent()).toBe("1 of 3");
    await expect.poll(() => police.locator("td").first().textContent()).toBe("3 of 3");
    await shoot("review-consensus-frequencies.png");
  });

  it("undoes the last decision, and the queue and the figures follow", async () => {
    await survey.page.keyboard.press("Control+z");
    const police = survey.page
      .locator(".tally-table")
      .first()
      .locator("tr")
      .filter({ hasText: "Police" });
    await expect.poll(() => police.first().locator("td").first().textContent()).toBe("2 of 3");
    await survey.page.getByRole("tab", { name: "Agreement" }).click();
    await expect.poll(progress).toBe("3 of 4 decided");
    // The queue opens on the item undone.
    expect(await item().locator(".review-where").textContent()).toMatch(/R3.*Police$/);
    expect(await item().locator(".review-none").textContent()).toBe("Not decided yet.");
  });

  it("edits the passage of the item by hand, with a comment kept beside the decision", async () => {
    await item()
      .getByLabel("Comment (saved with the decision)")
      .fill("Only the place, not the lighting");
    await item().getByLabel("Comment (saved with the decision)").blur();
    await survey.page.keyboard.press("e");
    const editor = survey.page.getByRole("group", { name: "Edit the consensus passages" });
    // Starts from both coders' passages: Aoife's "near the station".
    expect(await editor.getByRole("list", { name: "Consensus passages" }).textContent()).toContain(
      "near the station",
    );
    await editor.getByRole("button", { name: "Remove “near the station”" }).click();
    await dragAcross(editor.getByLabel("Consensus text being edited"), "the station");
    await editor.getByRole("button", { name: "Add passage" }).click();
    await shoot("review-edit.png");
    await editor.getByRole("button", { name: "Save" }).click();
    await expect.poll(progress).toBe("4 of 4 decided");
    expect(await item().locator(".review-decided").textContent()).toMatch(/^Edited/);
    expect(
      await item().getByLabel("consensus's passages").locator("mark").allTextContents(),
    ).toEqual(["the station"]);
    expect(await item().getByLabel("Comment (saved with the decision)").inputValue()).toBe(
      "Only the place, not the lighting",
    );
  });

  it("Ben recodes after the review, and the report keeps the figures from before it", async () => {
    // Talking it over, Ben sees the lighting on R3 after all: he codes it, blind as before.
    await survey.page.getByRole("tab", { name: "Answers" }).click();
    await survey.page.getByRole("button", { name: "Blind" }).click();
    await expect.poll(() => segmentIdsLabelled(row("R3"), "Lighting")).toHaveLength(0);
    await dragSelect(survey.page, row("R3"), "Street lighting");
    await expect
      .poll(() => survey.page.getByTestId("selection-status").textContent())
      .toContain("Street lighting");
    await survey.page.keyboard.press("1");
    await expect.poll(() => segmentIdsLabelled(row("R3"), "Lighting")).toHaveLength(1);
    await survey.page.getByRole("button", { name: "Blind" }).click();

    // Now: Lighting on R1 and R3 both, R2 only Ben -> pooled 4 / 1 / 1 / 0, 67%.
    await survey.page.getByRole("tab", { name: "Agreement" }).click();
    await survey.page.getByRole("tab", { name: "Report" }).click();
    await expect.poll(() => figure("Lighting", "both")).toBe("2");
    expect(await figure(null, "percent")).toMatch(/^67%/);
    const line = survey.page.getByTestId("agreement-review-line");
    expect(await line.textContent()).toMatch(
      /^Review started .*\d{2}.\d{2}.* into “consensus”: \d of \d disagreements? decided$/,
    );
    expect(await survey.page.getByRole("tab", { name: "Now" }).getAttribute("aria-selected")).toBe(
      "true",
    );

    // Before review: the pooled figures worked by hand above, as recorded at the start.
    await survey.page.getByRole("tab", { name: "Before review" }).click();
    await expect.poll(() => figure("Lighting", "both")).toBe("1");
    expect(await figure(null, "units")).toBe("6");
    expect(await figure(null, "percent")).toMatch(/^50%/);
    expect(await figure(null, "cohen")).toMatch(/^[−-]0\.29/);
    expect(await survey.page.getByTestId("agreement-scope").textContent()).toMatch(
      /^Figures recorded when the review started .+: Aoife and Ben over 3 answers both marked done, in Q1.*; threshold 90%$/,
    );
    await shoot("review-before-figures.png");

    // The segment level too, at the threshold recorded with the figures.
    await survey.page.getByRole("tab", { name: "Segment level" }).click();
    expect(await survey.page.getByLabel("Overlap threshold").isDisabled()).toBe(true);
    expect(await survey.page.locator(".agreement-threshold-note").textContent()).toBe(
      "as recorded",
    );
    await shoot("review-before-segments.png");
    await survey.page.getByRole("tab", { name: "Answer level" }).click();
    await survey.page.getByRole("tab", { name: "Now" }).click();
    await expect.poll(() => figure(null, "percent")).toMatch(/^67%/);
  });

  /** Drags the mouse across a phrase of plain text, as a reader selects it. */
  async function dragAcross(text: Locator, phrase: string) {
    const box = await text.evaluate((root, wanted) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; from: number }[] = [];
      let all = "";
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, from: all.length });
        all += node.nodeValue ?? "";
      }
      const at = all.indexOf(wanted);
      const rect = (offset: number) => {
        const holder = [...nodes].reverse().find((n) => n.from <= offset)!;
        const range = document.createRange();
        range.setStart(holder.node, offset - holder.from);
        range.setEnd(holder.node, offset - holder.from + 1);
        return range.getBoundingClientRect();
      };
      const first = rect(at);
      const last = rect(at + wanted.length - 1);
      return { x0: first.left + 1, y: first.top + first.height / 2, x1: last.right - 1 };
    }, phrase);
    await survey.page.mouse.move(box.x0, box.y);
    await survey.page.mouse.down();
    await survey.page.mouse.move(box.x1, box.y, { steps: 5 });
    await survey.page.mouse.up();
  }
});
