import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { CairnError } from "../../shared/api/errors.ts";
import { expandDocxPaths, openDocxFolder } from "../../electron/core/import/sources/docx.ts";
import type { TableSource } from "../../electron/core/import/sources/table.ts";
import { docxBytes, writeDocx, type DocxBlock } from "../helpers/docx.ts";
import { useTempDir } from "../helpers/temp.ts";

async function rowsOf(source: TableSource): Promise<{ line: number; cells: string[] }[]> {
  const rows: { line: number; cells: string[] }[] = [];
  for await (const batch of source.batches()) {
    for (const row of batch) rows.push({ line: row.line, cells: [...row.cells] });
  }
  await source.close();
  return rows;
}

/** Rows as objects by column name, easier to read in expectations. */
async function recordsOf(source: TableSource): Promise<Record<string, string>[]> {
  const rows = await rowsOf(source);
  return rows.map((row) =>
    Object.fromEntries(source.columns.map((c, i) => [c, row.cells[i] ?? ""])),
  );
}

async function expectBadInput(action: Promise<unknown>, message: RegExp): Promise<void> {
  const error: unknown = await action.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CairnError);
  expect((error as CairnError).code).toBe("bad_input");
  expect((error as CairnError).message).toMatch(message);
}

const fields = (id: string, country: string): DocxBlock[] => [
  { text: "Staff survey 2026", style: "Title" },
  { text: "Please answer every question in your own words." },
  { text: `Respondent ID: ${id}` },
  { text: `Country: ${country}` },
  { text: "Organisation type:   NGO  " },
];

describe("a folder of Word questionnaires", () => {
  const tempDir = useTempDir();

  async function write(name: string, blocks: readonly DocxBlock[]): Promise<string> {
    const path = join(tempDir(), name);
    await writeDocx(path, blocks);
    return path;
  }

  it("writes files mammoth reads with their heading styles, numbering and line breaks", async () => {
    const path = await write("probe.docx", [
      { text: "Survey", style: "Title" },
      { text: "Why?", style: "Heading2" },
      { text: "one\ntwo & <three> \"4\" '5'" },
      { text: "First", numbered: true },
    ]);
    let paragraphs: { styleName: string | null; numbering: unknown }[] = [];
    const html = await mammoth.convertToHtml(
      { path },
      {
        transformDocument: (document: { children: typeof paragraphs }) => {
          paragraphs = document.children;
          return document;
        },
      },
    );
    expect(html.value).toBe(
      "<p>Survey</p><h2>Why?</h2><p>one<br />two &amp; &lt;three&gt; \"4\" '5'</p>" +
        "<ol><li>First</li></ol>",
    );
    expect(paragraphs.map((p) => p.styleName)).toEqual(["Title", "heading 2", null, null]);
    expect(paragraphs[3]?.numbering).toEqual({ isOrdered: true, level: "0" });
  });

  it("reads heading questions and the fields above them, a row per respondent in natural order", async () => {
    for (const [id, country] of [
      ["R10", "Ireland"],
      ["R2", "Україна"],
      ["R1", "Chile"],
    ] as const) {
      await write(`${id}.docx`, [
        ...fields(id, country),
        { text: "What does your team do?", style: "Heading1" },
        { text: `${id} team: we build wells.` },
        { text: "Second paragraph.\nWith a line break." },
        { text: "What would you change?", style: "Heading2" },
        { text: id === "R2" ? "Більше часу для сім'ї 👨‍👩‍👧 🌻" : "Nothing" },
      ]);
    }
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(source.name).toBe("3 Word files");
    expect(source.unit).toBe("file");
    expect(source.warnings).toEqual([]);
    expect(source.columns).toEqual([
      "File",
      "Respondent ID",
      "Country",
      "Organisation type",
      "What does your team do?",
      "What would you change?",
    ]);
    expect(source.questionTexts.get("What would you change?")).toBe("What would you change?");
    expect(source.progress()).toEqual({ done: 0, total: 3 });
    const rows = await rowsOf(source);
    expect(source.progress()).toEqual({ done: 3, total: 3 });
    expect(rows.map((row) => row.line)).toEqual([1, 2, 3]);
    expect(rows.map((row) => row.cells.slice(0, 4))).toEqual([
      ["R1", "R1", "Chile", "NGO"],
      ["R2", "R2", "Україна", "NGO"],
      ["R10", "R10", "Ireland", "NGO"],
    ]);
    expect(rows[1]?.cells[4]).toBe(
      "R2 team: we build wells.\nSecond paragraph.\nWith a line break.",
    );
    expect(rows[1]?.cells[5]).toBe("Більше часу для сім'ї 👨‍👩‍👧 🌻");
  });

  it("matches typed-number questions by number and keeps a respondent's own list in the answer", async () => {
    await write("a.docx", [
      { text: "Respondent ID: A" },
      { text: "1. What works well?" },
      { text: "Two things:" },
      { text: "1. the new clinic" },
      { text: "2. the phone line" },
      { text: "2) What should change?" },
      { text: "Opening hours." },
      { text: "Q3. Anything else?" },
      { text: "No." },
    ]);
    await write("b.docx", [
      { text: "Respondent ID: B" },
      { text: "Question 1: What works well?" },
      { text: "The staff." },
      { text: "Q2 What should change?" },
      { text: "1.5 million people wait too long." },
      { text: "Question 3: Anything else ?" },
      { text: "" },
    ]);
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(source.columns).toEqual(["File", "Respondent ID", "Q1", "Q2", "Q3"]);
    expect(source.questionTexts.get("Q1")).toBe("What works well?");
    expect(source.questionTexts.get("Q3")).toBe("Anything else?");
    expect(await recordsOf(source)).toEqual([
      {
        File: "a",
        "Respondent ID": "A",
        Q1: "Two things:\n1. the new clinic\n2. the phone line",
        Q2: "Opening hours.",
        Q3: "No.",
      },
      {
        File: "b",
        "Respondent ID": "B",
        Q1: "The staff.",
        Q2: "1.5 million people wait too long.",
        Q3: "",
      },
    ]);
    expect(source.warnings).toEqual([]);
  });

  it("reads Word auto-numbered questions under section headings; a Word list in an answer stays in it", async () => {
    const form = (answerOne: DocxBlock[]): DocxBlock[] => [
      { text: "Member survey", style: "Title" },
      { text: "Respondent ID: M1" },
      { text: "About you", style: "Heading1" },
      { text: "How long have you been a member?", numbered: true },
      ...answerOne,
      { text: "Your views", style: "Heading1" },
      { text: "What should we do next?", numbered: true },
      { text: "More events." },
    ];
    await write("m1.docx", form([{ text: "Ten years." }]));
    await write("m2.docx", form([{ text: "Two years" }, { text: "then", numbered: 2 }]));
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(source.columns).toEqual(["File", "Respondent ID", "Q1", "Q2"]);
    expect(source.questionTexts.get("Q1")).toBe("How long have you been a member?");
    const rows = await recordsOf(source);
    expect(rows.map((row) => [row.Q1, row.Q2])).toEqual([
      ["Ten years.", "More events."],
      ["Two years\nthen", "More events."],
    ]);
  });

  it("keeps a Word numbered list that answers a heading question in the answer", async () => {
    await write("R1.docx", [
      { text: "Respondent ID: R1" },
      { text: "Your top priorities", style: "Heading1" },
      { text: "Housing", numbered: true },
      { text: "Transport", numbered: true },
      { text: "Why?", style: "Heading1" },
      { text: "2020. That year changed everything." },
      { text: "Comments", style: "Heading1" },
      { text: "None." },
    ]);
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(source.columns).toEqual([
      "File",
      "Respondent ID",
      "Your top priorities",
      "Why?",
      "Comments",
    ]);
    expect((await rowsOf(source))[0]?.cells.slice(2)).toEqual([
      "Housing\nTransport",
      "2020. That year changed everything.",
      "None.",
    ]);
  });

  it("a file missing a question gets an empty cell, and the others tell which one", async () => {
    const question = (n: number): DocxBlock => ({ text: `Question ${n}`, style: "Heading1" });
    await write("R1.docx", [question(1), { text: "a" }, question(2), { text: "b" }]);
    await write("R2.docx", [question(1), { text: "c" }]);
    await write("R3.docx", [{ text: "Just a letter, no questions at all." }]);
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(source.columns).toEqual(["File", "Q1", "Q2"]);
    expect(source.warnings).toEqual([
      "R3.docx: no questions found; is it a questionnaire?",
      "R2.docx has no answer section for Q2",
    ]);
    expect((await rowsOf(source)).map((row) => row.cells)).toEqual([
      ["R1", "a", "b"],
      ["R2", "c", ""],
      ["R3", "", ""],
    ]);
  });

  it("sums up a heading question that many files lack in one warning", async () => {
    for (const n of [1, 2, 3, 4, 5]) {
      await write(`R${n}.docx`, [
        { text: "Your role", style: "Heading1" },
        { text: `role ${n}` },
        ...(n === 3 ? [{ text: "Comments:", style: "Heading1" as const }, { text: "none" }] : []),
      ]);
    }
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(source.columns).toEqual(["File", "Your role", "Comments:"]);
    expect(source.warnings).toEqual([
      '4 files have no answer section for "Comments:" (R1.docx, R2.docx, R4.docx, …)',
    ]);
  });

  it("warns about a question number used twice and joins its answers", async () => {
    await write("R1.docx", [
      { text: "1. Name a strength." },
      { text: "Trust." },
      { text: "2. Name a weakness." },
      { text: "Money." },
      { text: "2. Name a risk." },
      { text: "Burnout." },
      { text: "3. Anything else?" },
    ]);
    await write("R2.docx", [
      { text: "Q4 What else?", style: "Heading1" },
      { text: "x" },
      { text: "Q4 What else?", style: "Heading1" },
      { text: "y" },
    ]);
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(source.warnings.slice(0, 2)).toEqual([
      "R1.docx: question 2 appears twice; answers are joined",
      "R2.docx: question 4 appears twice; answers are joined",
    ]);
    const rows = await recordsOf(source);
    expect(rows[0]).toMatchObject({ Q1: "Trust.", Q2: "Money.\nBurnout.", Q3: "" });
    expect(rows[1]).toMatchObject({ Q4: "x\ny" });
  });

  it("matches headings whatever their case, spacing or final ':' and '?', naming the column once", async () => {
    const long = `Thinking about ${"the last twelve months and ".repeat(4)}your own work, what changed?`;
    await write("R1.docx", [
      { text: "What do you do?", style: "Heading1" },
      { text: "Teach." },
      { text: long, style: "Heading2" },
      { text: "Everything." },
    ]);
    await write("R2.docx", [
      { text: "what  do you do ?", style: "Heading1" },
      { text: "Nurse." },
      { text: long.toUpperCase(), style: "Heading2" },
      { text: "Nothing." },
    ]);
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    const shortName = source.columns[2] ?? "";
    expect(source.columns[1]).toBe("What do you do?");
    expect([...shortName]).toHaveLength(80);
    expect(shortName.endsWith("…")).toBe(true);
    expect(long.startsWith(shortName.slice(0, -1))).toBe(true);
    expect(source.questionTexts.get(shortName)).toBe(long);
    expect((await rowsOf(source)).map((row) => row.cells)).toEqual([
      ["R1", "Teach.", "Everything."],
      ["R2", "Nurse.", "Nothing."],
    ]);
  });

  it("reads fields and answers from tables", async () => {
    await write("R1.docx", [
      {
        table: [
          ["Respondent ID:", "T-1"],
          ["Region:", "North"],
        ],
      },
      { text: "Rank the options", style: "Heading1" },
      {
        table: [
          ["Option", "Rank"],
          ["Bus", "1\n(daily)"],
        ],
      },
    ]);
    const source = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect(await recordsOf(source)).toEqual([
      {
        File: "R1",
        "Respondent ID": "T-1",
        Region: "North",
        "Rank the options": "Option\nRank\nBus\n1\n(daily)",
      },
    ]);
  });

  it("takes the respondent id from the file name, or checks that every file has the id field", async () => {
    await write("R1.docx", [{ text: "Respondent ID: 017" }, { text: "Q1 Why?" }, { text: "a" }]);
    await write("R2.docx", [{ text: "respondent id: 018" }, { text: "Q1 Why?" }, { text: "b" }]);
    const byFile = await openDocxFolder(expandDocxPaths([tempDir()]), {});
    expect((await rowsOf(byFile)).map((row) => row.cells.slice(0, 2))).toEqual([
      ["R1", "017"],
      ["R2", "018"],
    ]);
    const byField = await openDocxFolder(expandDocxPaths([tempDir()]), {
      idField: "RESPONDENT ID",
    });
    expect(byField.columns[1]).toBe("Respondent ID");

    await write("R3.docx", [{ text: "Respondent ID:" }, { text: "Q1 Why?" }, { text: "c" }]);
    await expectBadInput(
      openDocxFolder(expandDocxPaths([tempDir()]), { idField: "Respondent ID" }),
      /^R3\.docx has no "Respondent ID: …" line above its first question$/,
    );
  });

  it("names the single file it reads", async () => {
    const path = await write("only.docx", [{ text: "Why?", style: "Heading1" }, { text: "a" }]);
    const source = await openDocxFolder([path], {});
    expect(source.name).toBe("only.docx");
    expect(await rowsOf(source)).toEqual([{ line: 1, cells: ["only", "a"] }]);
  });

  it("refuses files that are not Word questionnaires, naming each", async () => {
    const dir = tempDir();
    const valid = await docxBytes([{ text: "Why?", style: "Heading1" }, { text: "a" }]);
    const cases: [string, Buffer | string, RegExp][] = [
      ["notes.docx", "Respondent ID: R1\nWhy? Because.", /^notes\.docx is not a Word \.docx file$/],
      [
        "noise.docx",
        Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
        /noise/,
      ],
      ["cut.docx", valid.subarray(0, Math.floor(valid.length / 2)), /^cut\.docx is damaged/],
      ["old.doc", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old Word/],
      ["empty.docx", "", /^empty\.docx is not a Word \.docx file$/],
      ["~$R1.docx", "\u0005Alice", /lock file/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(dir, name), bytes);
      await expectBadInput(openDocxFolder([join(dir, name)], {}), message);
    }
    const JSZip = (await import("jszip")).default;
    const notWord = new JSZip().file("hello.txt", "hi");
    writeFileSync(join(dir, "sheet.docx"), await notWord.generateAsync({ type: "nodebuffer" }));
    await expectBadInput(openDocxFolder([join(dir, "sheet.docx")], {}), /^sheet\.docx is damaged/);
  });

  it("never lets a damaged file escape as anything but a bad-input error", async () => {
    const valid = await docxBytes([
      { text: "Respondent ID: R1" },
      { text: "Why?", style: "Heading1" },
      { text: "Because.", numbered: true },
    ]);
    const path = join(tempDir(), "R1.docx");
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 60; round++) {
      const bytes = Buffer.from(valid.subarray(0, 4 + Math.floor(random() * valid.length)));
      for (let flips = Math.floor(random() * 4); flips > 0; flips--) {
        const at = 4 + Math.floor(random() * (bytes.length - 4));
        bytes[at] = Math.floor(random() * 256);
      }
      writeFileSync(path, bytes);
      try {
        await rowsOf(await openDocxFolder([path], {}));
      } catch (error) {
        expect(error).toBeInstanceOf(CairnError);
        expect((error as CairnError).message).toMatch(/^R1\.docx /);
      }
    }
  });

  it("refuses an empty list, a folder given as a file and a file that is not there", async () => {
    await expectBadInput(openDocxFolder([], {}), /no Word files/);
    const folder = join(tempDir(), "answers.docx");
    mkdirSync(folder);
    await expectBadInput(openDocxFolder([folder], {}), /^answers\.docx is a folder/);
    await expectBadInput(openDocxFolder([join(tempDir(), "R9.docx")], {}), /^R9\.docx does not/);
  });

  it("expands a folder to its .docx files, skipping Word lock files, hidden files and others", async () => {
    const dir = join(tempDir(), "answers");
    mkdirSync(dir);
    mkdirSync(join(dir, "nested.docx"));
    for (const name of ["R10.docx", "R2.DOCX", "~$R2.docx", ".R3.docx", "notes.txt", "R1.doc"]) {
      writeFileSync(join(dir, name), "x");
    }
    const loose = join(tempDir(), "loose.docx");
    expect(expandDocxPaths([dir, loose])).toEqual([
      join(dir, "R2.DOCX"),
      join(dir, "R10.docx"),
      loose,
    ]);
    const empty = join(tempDir(), "empty");
    mkdirSync(empty);
    expect(() => expandDocxPaths([empty])).toThrow(/^the folder empty has no Word \.docx files$/);
    const old = join(tempDir(), "old");
    mkdirSync(old);
    writeFileSync(join(old, "R1.doc"), "x");
    expect(() => expandDocxPaths([old])).toThrow(/save its \.doc files as \.docx/);
  });

  it("reads a folder of 200 questionnaires, in batches", async () => {
    const dir = join(tempDir(), "big");
    mkdirSync(dir);
    for (let n = 1; n <= 200; n++) {
      await writeDocx(join(dir, `R${n}.docx`), [
        { text: `Respondent ID: ${n}` },
        { text: "What matters most?", numbered: true },
        { text: `Answer ${n}\nsecond line` },
        { text: "What next?", numbered: true },
        { text: `Next ${n}` },
      ]);
    }
    const source = await openDocxFolder(expandDocxPaths([dir]), { idField: "respondent id" });
    expect(source.name).toBe("200 Word files");
    const batchSizes: number[] = [];
    const rows: string[][] = [];
    for await (const batch of source.batches()) {
      batchSizes.push(batch.length);
      rows.push(...batch.map((row) => [...row.cells]));
    }
    expect(batchSizes).toEqual([50, 50, 50, 50]);
    expect(rows).toHaveLength(200);
    expect(rows[9]).toEqual(["R10", "10", "Answer 10\nsecond line", "Next 10"]);
    expect(rows.map((row) => row[1])).toEqual(Array.from({ length: 200 }, (_, i) => `${i + 1}`));
    expect(source.progress()).toEqual({ done: 200, total: 200 });
    expect(readFileSync(join(dir, "R1.docx")).subarray(0, 2).toString()).toBe("PK");
  });
});
