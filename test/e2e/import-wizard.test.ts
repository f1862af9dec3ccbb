import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp, type OpenApp } from "../helpers/browser.ts";
import { cairn } from "../helpers/cli.ts";
import { writeDocx } from "../helpers/docx.ts";

/** Screenshots to look at, not to compare: gitignored. */
const SCREENSHOTS = join(process.cwd(), ".scratch");
const QUESTION = "What would make the network more useful to you?";

/** A survey tool's export: BOM, CRLF, a quoted two-line answer, Cyrillic, an emoji. */
const WAVE_ONE = [
  `Respondent ID,Country,${QUESTION},Codes`,
  'R1,Ireland,"Shared case files between members.\r\nAnd a hotline that answers at night.",Support>Hotline; Case files',
  "R2,Bulgaria,Кризисните центрове трябва да работят денонощно.,Support>Shelters",
  'R3,Greece,"Volunteers 💪 and the police liaison, ""when it works""",',
  "R4,Poland,n/a,",
  "R5,Spain,,",
  "",
].join("\r\n");

/** The next wave: R2 rewrote their answer, R6 is new. */
const WAVE_TWO = [
  `Respondent ID,Country,${QUESTION}`,
  "R2,Bulgaria,Crisis centres should open around the clock.",
  "R6,Italy,More training for police officers who meet victims first.",
  "",
].join("\n");

/** Long headers as some tools write them, and the same id twice. */
const LONG_QUESTION =
  "Thinking about the last twelve months, which activities of the network, if any, " +
  "helped your organisation most in supporting victims, and why?";
const DUPLICATE_ID = [
  `Respondent ID,Organisation type (as registered with the national authority),"${LONG_QUESTION}"`,
  'R7,Non-governmental organisation,"The peer exchange visits, because our staff ' +
    'could see how shelters in other countries organise night shifts and legal aid."',
  "R8,Ministry,Joint training sessions with the police and prosecutors in the region.",
  "R7,Police,The helpline directory.",
  "",
].join("\n");

/** A "long" export, one row per answer, as some survey tools and the NHS data have it. */
const LONG_EXPORT = [
  "Respondent ID,Trust,FFT question,FFT answer",
  "P1,North,FFT Why?,The crew were calm and kind to my mother.",
  "P1,North,How could we improve?,Tell us how long the wait will be.",
  "P2,South,FFT Why?,Did not answer",
  "P2,South,How could we improve?,More staff on the night shift.",
  "",
].join("\n");

/** Big enough (about 20 MB) that the import is still running when Cancel is clicked. */
function bigExport(rows: number): string {
  const lines = [`Respondent ID,Country,${QUESTION}`];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `B${i},Country ${i % 30},"Answer number ${i}: more joint training, and why it matters"`,
    );
  }
  return lines.join("\n");
}

/** What a user does first: File › Import answers…, type the path, Read file. */
async function openImportWizard(page: Page, path: string): Promise<void> {
  await page.getByRole("button", { name: "File", exact: true }).click();
  await page.getByRole("menuitem", { name: "Import answers…" }).click();
  const wizard = page.getByRole("dialog", { name: "Import answers" });
  await wizard.getByRole("textbox", { name: "File path" }).fill(path);
  await wizard.getByRole("button", { name: "Read file" }).click();
  await wizard.getByTestId("source-format").waitFor();
}

describe("importing survey answers through the wizard", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-import-"));
  const file = join(dir, "network.cairn");
  let app: OpenApp;
  let page: Page;

  const wizard = () => page.getByRole("dialog", { name: "Import answers" });
  const previewBadge = (respondent: string) =>
    wizard().locator(`.preview-table tr[data-respondent="${respondent}"] .badge`);
  const previewText = (respondent: string) =>
    wizard()
      .locator(`.preview-table tr[data-respondent="${respondent}"] .preview-text`)
      .textContent();
  const questionButton = (label: string) =>
    page.getByRole("navigation", { name: "Questions" }).getByRole("button", { name: label });
  const answerRow = (respondent: string) =>
    page.locator(`article[data-respondent="${respondent}"]`);

  function writeSource(name: string, text: string, bom = false): string {
    const path = join(dir, name);
    writeFileSync(path, (bom ? "\ufeff" : "") + text, "utf8");
    return path;
  }

  const openWizardOn = (path: string) => openImportWizard(page, path);

  async function roleOf(column: string): Promise<string> {
    return wizard()
      .getByRole("combobox", { name: `Role of ${column}` })
      .inputValue();
  }

  async function shoot(name: string, scrollTo?: Locator) {
    if (scrollTo) await scrollTo.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, `wizard-${name}`) });
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    expect(cairn(["new", file], dir).status).toBe(0);
    app = await openApp(file, dir);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads an export, shows the guess and the preview, and imports it", async () => {
    await openWizardOn(writeSource("wave-one.csv", WAVE_ONE, true));
    expect(await wizard().getByTestId("source-format").textContent()).toBe(
      "wave-one.csv: UTF-8, comma-separated, 4 columns, 5 rows sampled",
    );
    expect(await roleOf("Respondent ID")).toBe("id");
    expect(await roleOf("Country")).toBe("attribute");
    expect(await roleOf(QUESTION)).toBe("question");
    expect(await roleOf("Codes")).toBe("codes");
    await shoot("import-file-1280.png");

    // Read with the wrong encoding, the preview shows it at once; Auto puts it right.
    const encoding = wizard().getByRole("combobox", { name: "Encoding" });
    await encoding.selectOption("windows-1252");
    await expect
      .poll(() => wizard().getByTestId("source-format").textContent())
      .toContain("Windows-1252 (Western European)");
    expect(await previewText("R2")).not.toContain("денонощно");
    await encoding.selectOption("");
    await expect.poll(() => previewText("R2")).toContain("денонощно");

    await wizard()
      .getByRole("textbox", { name: `Label of ${QUESTION}` })
      .fill("More useful");
    const importButton = wizard().getByRole("button", { name: "Import", exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await wizard().locator(".wizard-reason").textContent()).toBe(
      "Name the coder of the code columns.",
    );
    await wizard().getByRole("textbox", { name: "Coder for code columns" }).fill("Anna");

    // "n/a" was found and counts as a non-response; unticked, it would be an answer.
    const placeholder = wizard().getByRole("checkbox", { name: /n\/a/ });
    expect(await placeholder.isChecked()).toBe(true);
    expect(await previewBadge("R4").textContent()).toBe("Non-response");
    await placeholder.uncheck();
    expect(await previewBadge("R4").textContent()).toBe("Answered");
    await placeholder.check();

    expect(await wizard().locator(".preview-table thead th").allTextContents()).toEqual([
      "Respondent",
      "More useful",
    ]);
    const badges = await Promise.all(
      ["R1", "R2", "R3", "R4", "R5"].map((r) => previewBadge(r).textContent()),
    );
    expect(badges).toEqual(["Answered", "Answered", "Answered", "Non-response", "No answer"]);
    expect(
      await wizard().locator('tr[data-respondent="R1"] .code-chips li').allTextContents(),
    ).toEqual(["Support › Hotline", "Case files"]);
    await shoot("import-mapping-1280.png");
    await shoot("import-preview-1280.png", wizard().locator(".preview-table"));

    await importButton.click();
    const outcome = wizard().getByRole("status");
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe(
      "Added 5 respondents, 5 answers (1 non-response) to 1 new question; " +
        "4 codes created, 3 coded passages.",
    );
    await shoot("import-done-1280.png");
    await wizard().getByRole("button", { name: "Close" }).click();

    await expect.poll(() => questionButton("More useful").count()).toBe(1);
    expect(await questionButton("More useful").locator(".question-count").textContent()).toBe(
      "3/5",
    );
    await answerRow("R1").waitFor();
    // Slate shows one paragraph per line of the answer.
    expect(await answerRow("R1").locator(".answer-text p").allTextContents()).toEqual([
      "Shared case files between members.",
      "And a hotline that answers at night.",
    ]);
    expect(await answerRow("R2").locator(".answer-text").innerText()).toContain("денонощно");
    expect(await answerRow("R3").locator(".answer-text").innerText()).toBe(
      'Volunteers 💪 and the police liaison, "when it works"',
    );
    expect(await answerRow("R4").locator(".badge").textContent()).toBe("Non-response");
    expect(await answerRow("R5").locator(".badge").textContent()).toBe("No answer");
    expect(await answerRow("R5").getByRole("button").count()).toBe(0);
  });

  it("marks an answer as a non-response, and back, with the counts following", async () => {
    const counts = page.getByTestId("question-counts");
    await answerRow("R3").hover();
    await shoot("answer-status-toggle-1280.png");
    await answerRow("R3").getByRole("button", { name: "Mark as non-response" }).click();
    await expect.poll(() => answerRow("R3").locator(".badge").textContent()).toBe("Non-response");
    await expect.poll(() => counts.textContent()).toContain("2 of 5 respondents answered");
    expect(await questionButton("More useful").locator(".question-count").textContent()).toBe(
      "2/5",
    );

    await answerRow("R3").getByRole("button", { name: "Mark as answered" }).click();
    await expect.poll(() => counts.textContent()).toContain("3 of 5 respondents answered");
    expect(await answerRow("R3").locator(".badge").count()).toBe(0);
  });

  it("imports a second wave, lists the changed answer as a conflict, and replaces it", async () => {
    await openWizardOn(writeSource("wave-two.csv", WAVE_TWO));
    await wizard()
      .getByRole("textbox", { name: `Label of ${QUESTION}` })
      .fill("More useful");
    expect(await wizard().getByText("Adds to the project’s question “More useful”.").count()).toBe(
      1,
    );
    await wizard().getByRole("button", { name: "Import", exact: true }).click();

    const conflict = wizard().getByRole("listitem", { name: "R2, More useful" });
    await conflict.waitFor();
    expect(
      await wizard().getByRole("list", { name: "Conflicts" }).getByRole("listitem").count(),
    ).toBe(1);
    expect(await conflict.locator(".conflict-text p").allTextContents()).toEqual([
      "Кризисните центрове трябва да работят денонощно.",
      "Crisis centres should open around the clock.",
    ]);
    expect(await conflict.getByText("Replacing drops 1 coded passage").count()).toBe(1);
    expect(await conflict.getByRole("radio", { name: "Keep" }).isChecked()).toBe(true);
    await shoot("import-conflicts-1280.png");
    await page.setViewportSize({ width: 1024, height: 768 });
    await shoot("import-conflicts-1024.png");
    await page.setViewportSize({ width: 1280, height: 800 });

    await conflict.getByRole("radio", { name: "Replace" }).check();
    await wizard().getByRole("button", { name: "Apply" }).click();
    const outcome = wizard().getByRole("status");
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe(
      "Added 1 respondent, 1 answer to existing questions; matched 1 existing respondent; " +
        "1 answer replaced; 1 coded passage dropped.",
    );
    await wizard().getByRole("button", { name: "Close" }).click();

    await expect
      .poll(() => questionButton("More useful").locator(".question-count").textContent())
      .toBe("4/6");
    await expect
      .poll(() => answerRow("R2").locator(".answer-text").innerText())
      .toBe("Crisis centres should open around the clock.");
  });

  it("names the lines of a duplicate respondent id and leaves the project unchanged", async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await openWizardOn(writeSource("duplicates.csv", DUPLICATE_ID));
    expect(await roleOf(LONG_QUESTION)).toBe("question");
    await shoot("import-mapping-1024.png");
    await shoot("import-preview-1024.png", wizard().locator(".preview-table"));

    await wizard().getByRole("button", { name: "Import", exact: true }).click();
    const alert = wizard().getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'duplicates.csv: duplicate respondent id "R7" on lines 2 and 4',
    );
    await shoot("import-error-1024.png");
    expect(await wizard().count()).toBe(1);
    await wizard().getByRole("button", { name: "Cancel" }).click();
    expect(await wizard().count()).toBe(0);

    expect(await page.locator(".project-meta").textContent()).toBe("6 respondents · 1 question");
    expect(await questionButton("More useful").locator(".question-count").textContent()).toBe(
      "4/6",
    );
  });

  it("imports a long export, one row per answer, as respondents with several questions", async () => {
    await openWizardOn(writeSource("long.csv", LONG_EXPORT));
    expect(await roleOf("Respondent ID")).toBe("id");
    expect(await roleOf("FFT question")).toBe("question-name");
    expect(await roleOf("FFT answer")).toBe("answer");
    expect(await roleOf("Trust")).toBe("attribute");
    expect(
      await wizard()
        .locator('.preview-table tr[data-respondent="P2"] .preview-question')
        .allTextContents(),
    ).toEqual(["FFT Why?", "How could we improve?"]);
    expect(await previewBadge("P2").allTextContents()).toEqual(["Non-response", "Answered"]);
    await shoot("import-long-1280.png", wizard().locator(".preview-table"));

    await wizard().getByRole("button", { name: "Import", exact: true }).click();
    const outcome = wizard().getByRole("status");
    await outcome.waitFor();
    expect(await outcome.textContent()).toBe(
      "Added 2 respondents, 4 answers (1 non-response) to 2 new questions.",
    );
    await wizard().getByRole("button", { name: "Close" }).click();
    await expect.poll(() => questionButton("FFT Why?").count()).toBe(1);
    expect(await questionButton("FFT Why?").locator(".question-count").textContent()).toBe("1/8");
    expect(
      await questionButton("How could we improve?").locator(".question-count").textContent(),
    ).toBe("2/8");
  });

  it("cancels a long import, and the project is unchanged", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await openWizardOn(writeSource("big.csv", bigExport(200_000)));
    await wizard().getByRole("button", { name: "Import", exact: true }).click();
    const progress = wizard().getByRole("progressbar", { name: "Import progress" });
    await expect
      .poll(async () => Number(await progress.getAttribute("aria-valuenow")))
      .toBeGreaterThan(0);
    expect(await wizard().locator(".progress-rows").textContent()).toMatch(/^[\d,]+ rows$/);
    await shoot("import-progress-1280.png");
    await wizard().getByRole("button", { name: "Cancel import" }).click();

    await expect
      .poll(() => wizard().locator(".import-outcome").textContent())
      .toBe("Import cancelled: the project is unchanged.");
    await wizard().getByRole("button", { name: "Close" }).click();
    expect(await page.locator(".project-meta").textContent()).toBe("8 respondents · 3 questions");
  });
});

describe("importing a workbook's sheet and a folder of Word questionnaires", () => {
  const dir = mkdtempSync(join(tmpdir(), "cairn-e2e-import-kinds-"));
  const file = join(dir, "kinds.cairn");
  let app: OpenApp;
  let page: Page;
  const wizard = () => page.getByRole("dialog", { name: "Import answers" });
  const questionCount = (label: string) =>
    page
      .getByRole("navigation", { name: "Questions" })
      .getByRole("button", { name: label })
      .locator(".question-count");

  const openWizardOn = (path: string) => openImportWizard(page, path);

  async function importAndClose(): Promise<string> {
    await wizard().getByRole("button", { name: "Import", exact: true }).click();
    const outcome = wizard().getByRole("status");
    await outcome.waitFor();
    const text = (await outcome.textContent()) ?? "";
    await wizard().getByRole("button", { name: "Close" }).click();
    return text;
  }

  beforeAll(async () => {
    expect(cairn(["new", file], dir).status).toBe(0);
    app = await openApp(file, dir);
    page = app.page;
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("chooses the second sheet of a workbook, whose header is on row 3", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Read me").addRow(["Exported from the survey tool"]);
    const sheet = workbook.addWorksheet("Responses");
    sheet.addRow(["Member survey 2026"]);
    sheet.addRow([]);
    sheet.addRow(["Member", "Joined", "What should the network do next?"]);
    sheet.addRow(["M1", new Date(Date.UTC(2024, 2, 5)), "Joint trainings across borders"]);
    sheet.addRow(["M2", new Date(Date.UTC(2025, 10, 20)), "n/a"]);
    sheet.getColumn(2).numFmt = "yyyy-mm-dd";
    const path = join(dir, "members.xlsx");
    await workbook.xlsx.writeFile(path);

    await openWizardOn(path);
    await wizard().getByRole("combobox", { name: "Sheet" }).selectOption("Responses");
    // Row 1 holds a title, not the column names: the message says what to do.
    await expect
      .poll(() => wizard().getByRole("alert").textContent())
      .toBe(
        "members.xlsx: cell B3 has a value but column B has no header " +
          "(is the header on another row? choose the header row)",
      );
    const headerRow = wizard().getByRole("spinbutton", { name: "Header row" });
    await headerRow.fill("3");
    await headerRow.press("Enter");
    await expect
      .poll(() => wizard().locator(".preview-table thead th").allTextContents())
      .toEqual(["Respondent", "What should the network do next?"]);
    expect(
      await wizard().locator('.preview-table tr[data-respondent="M1"] dd').allTextContents(),
    ).toEqual(["2024-03-05"]);

    expect(await importAndClose()).toBe(
      "Added 2 respondents, 2 answers (1 non-response) to 1 new question.",
    );
    await expect
      .poll(() => questionCount("What should the network do next?").textContent())
      .toBe("1/2");
  });

  it("reads a folder of Word questionnaires, one respondent per file", async () => {
    const folder = join(dir, "forms");
    mkdirSync(folder);
    for (const [id, answer] of [
      ["M1", "More exchange visits between shelters."],
      ["M3", "Μια κοινή βάση δεδομένων για όλα τα μέλη."],
    ] as const) {
      await writeDocx(join(folder, `${id}.docx`), [
        { text: `Member: ${id}` },
        { text: "1. What should the network do next?", numbered: false },
        { text: answer },
      ]);
    }
    await openWizardOn(folder);
    expect(await wizard().getByTestId("source-format").textContent()).toContain("2 Word files");
    await wizard().getByRole("combobox", { name: "Role of Member" }).selectOption("id");
    await wizard()
      .getByRole("textbox", { name: "Label of Q1" })
      .fill("What should the network do next?");

    // M1 answered in the workbook too: the same text would merge; this one differs.
    await wizard().getByRole("button", { name: "Import", exact: true }).click();
    const conflicts = wizard().getByRole("list", { name: "Conflicts" });
    await conflicts.waitFor();
    expect(await conflicts.getByRole("listitem").count()).toBe(1);
    await wizard().getByRole("button", { name: "Keep all" }).click();
    await wizard().getByRole("button", { name: "Apply" }).click();
    const outcome = wizard().getByRole("status");
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain("Added 1 respondent, 1 answer");
    await wizard().getByRole("button", { name: "Close" }).click();
    await expect
      .poll(() => questionCount("What should the network do next?").textContent())
      .toBe("2/3");
  });
});
