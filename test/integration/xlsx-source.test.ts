import ExcelJS from "exceljs";
// exceljs's own zip library (a dependency of exceljs), used here to rearrange workbooks
// the way other writers lay them out.
import JSZip from "jszip";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CairnError } from "../../shared/api/errors.ts";
import { listSheets, openXlsx } from "../../electron/core/import/sources/xlsx.ts";
import type { SourceRow, TableSource } from "../../electron/core/import/sources/table.ts";
import { useTempDir } from "../helpers/temp.ts";

/** Wall-clock times: exceljs writes a Date's UTC fields as the cell's date and time. */
const at = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

async function writeWorkbook(
  path: string,
  build: (workbook: ExcelJS.Workbook) => void,
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** A survey export: answers on "Antworten 2024", a code book below a title on "Codebook". */
function survey(workbook: ExcelJS.Workbook): void {
  const answers = workbook.addWorksheet("Antworten 2024");
  answers.addRow(["id", "answer", "amount", "share", "submitted", "double", "born", "agreed"]);
  answers.addRow([
    1001,
    "Gut, danke",
    1234.5,
    0.125,
    at(2024, 1, 15, 10, 30),
    null,
    at(1990, 5, 1),
  ]);
  answers.addRow([1002, "first line\nsecond line", 7, 1, at(2024, 2, 29, 18, 5), null, null, true]);
  answers.addRow([1003, "Всё хорошо 👍", 0.5, 0.333, at(2024, 12, 31)]);
  answers.getColumn(3).numFmt = "#,##0.00";
  answers.getColumn(4).numFmt = "0.0%";
  answers.getColumn(5).numFmt = "dd.mm.yyyy hh:mm";
  answers.getCell("F2").value = { formula: "C2*2", result: 2469 };
  answers.getCell("F2").numFmt = "#,##0";
  answers.getCell("F3").value = { formula: "E3+1", result: 45352.75 };
  answers.getCell("F3").numFmt = "d mmmm yyyy";
  answers.getCell("B5").value = {
    richText: [{ text: "Sehr ", font: { bold: true } }, { text: "gut" }],
  };
  answers.getCell("A5").value = 1004;
  answers.getCell("B6").value = "line one_x000D_\nline two"; // how Excel saves a CRLF

  const codebook = workbook.addWorksheet("Codebook");
  codebook.getCell("A1").value = "Code book, wave 3";
  codebook.addRow([]);
  codebook.getRow(3).values = ["code", "label"];
  codebook.getRow(4).values = ["POS", "Positive"];
  codebook.getRow(6).values = ["NEG", "Negative"];
}

async function readAll(source: TableSource): Promise<{ rows: SourceRow[]; batches: number }> {
  const rows: SourceRow[] = [];
  let batches = 0;
  try {
    for await (const batch of source.batches()) {
      rows.push(...batch);
      batches++;
    }
  } finally {
    await source.close();
  }
  return { rows, batches };
}

async function expectBadInput(action: () => Promise<unknown>, message: RegExp): Promise<void> {
  const error = await action().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CairnError);
  expect((error as CairnError).code).toBe("bad_input");
  expect((error as CairnError).message).toMatch(message);
}

/** Rewrites a workbook's zip: `order` ranks entries, `edit` changes a part's text. */
async function rezip(
  from: string,
  to: string,
  options: { order?: (name: string) => number; edit?: (name: string, text: string) => string },
): Promise<string> {
  const source = await JSZip.loadAsync(readFileSync(from));
  const names = Object.keys(source.files).filter((name) => !source.files[name]?.dir);
  names.sort((a, b) => (options.order?.(a) ?? 0) - (options.order?.(b) ?? 0));
  const target = new JSZip();
  for (const name of names) {
    const text = await source.file(name)!.async("string");
    target.file(name, options.edit ? options.edit(name, text) : text);
  }
  writeFileSync(to, await target.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return to;
}

async function manyRows(path: string, count: number): Promise<string> {
  return writeWorkbook(path, (workbook) => {
    const sheet = workbook.addWorksheet("Responses");
    sheet.addRow(["id", "answer"]);
    for (let i = 1; i <= count; i++) sheet.addRow([i, `answer number ${i}`]);
  });
}

describe("Excel workbooks as import sources", () => {
  const tempDir = useTempDir();
  const file = (name: string) => join(tempDir(), name);

  it("lists the sheets by their real names, in tab order", async () => {
    const path = await writeWorkbook(file("survey.xlsx"), survey);
    expect(await listSheets(path)).toEqual([
      { name: "Antworten 2024", index: 1 },
      { name: "Codebook", index: 2 },
    ]);
  });

  it("reads the first sheet by default, every cell as Excel displays it", async () => {
    const path = await writeWorkbook(file("survey.xlsx"), survey);
    const source = await openXlsx(path, {});
    expect(source.name).toBe("survey.xlsx");
    expect(source.unit).toBe("row");
    expect(source.columns).toEqual([
      "id",
      "answer",
      "amount",
      "share",
      "submitted",
      "double",
      "born",
      "agreed",
    ]);
    expect(source.questionTexts.size).toBe(0);
    expect(source.warnings).toEqual([]);
    const { rows } = await readAll(source);
    expect(rows).toEqual([
      {
        line: 2,
        cells: [
          "1001",
          "Gut, danke",
          "1,234.50",
          "12.5%",
          "15.01.2024 10:30",
          "2,469",
          "1990-05-01",
          "",
        ],
      },
      {
        line: 3,
        cells: [
          "1002",
          "first line\nsecond line",
          "7.00",
          "100.0%",
          "29.02.2024 18:05",
          "1 March 2024",
          "",
          "TRUE",
        ],
      },
      {
        line: 4,
        cells: ["1003", "Всё хорошо 👍", "0.50", "33.3%", "31.12.2024 00:00", "", "", ""],
      },
      { line: 5, cells: ["1004", "Sehr gut", "", "", "", "", "", ""] },
      { line: 6, cells: ["", "line one\nline two", "", "", "", "", "", ""] },
    ]);
  });

  it("reads a sheet chosen by name or number, with the header lower down", async () => {
    const path = await writeWorkbook(file("survey.xlsx"), survey);
    for (const sheet of ["Codebook", "2", "codebook"]) {
      const source = await openXlsx(path, { sheet, headerRow: 3 });
      expect(source.columns).toEqual(["code", "label"]);
      // Rows above the header are skipped; the empty row 5 is skipped too.
      expect((await readAll(source)).rows).toEqual([
        { line: 4, cells: ["POS", "Positive"] },
        { line: 6, cells: ["NEG", "Negative"] },
      ]);
    }
  });

  it("reads a later sheet every time, though exceljs deletes the skipped sheet's copy", async () => {
    // exceljs copies sheets that precede the shared strings to temporary files and deletes
    // a skipped one before its stream has opened it; that stream's ENOENT came through as
    // "cannot read" about one time in forty before only the sheet being read could fail.
    const path = await writeWorkbook(file("two-sheets.xlsx"), (workbook) => {
      workbook.addWorksheet("Read me").addRow(["Exported from the survey tool"]);
      workbook.addWorksheet("Responses").addRows([
        ["id", "answer"],
        ["M1", "More visits"],
      ]);
    });
    for (let attempt = 0; attempt < 200; attempt++) {
      const source = await openXlsx(path, { sheet: "Responses" });
      expect((await readAll(source)).rows).toEqual([{ line: 2, cells: ["M1", "More visits"] }]);
    }
  });

  it("names the sheets there are when the one asked for is missing", async () => {
    const path = await writeWorkbook(file("survey.xlsx"), survey);
    await expectBadInput(
      () => openXlsx(path, { sheet: "Answers" }),
      /^survey\.xlsx has no sheet "Answers"; its sheets are "Antworten 2024", "Codebook"$/,
    );
    await expectBadInput(() => openXlsx(path, { sheet: "3" }), /has no sheet 3; its sheets are/);
  });

  it("refuses a sheet without a header row", async () => {
    const path = await writeWorkbook(file("blank.xlsx"), (workbook) => {
      workbook.addWorksheet("Leer");
      workbook.addWorksheet("Notes").getCell("A1").value = "notes";
    });
    await expectBadInput(() => openXlsx(path, {}), /^blank\.xlsx: sheet "Leer" has no header row$/);
    await expectBadInput(
      () => openXlsx(path, { sheet: "Notes", headerRow: 3 }),
      /^blank\.xlsx: sheet "Notes" has no header row \(row 3 is empty\)$/,
    );
  });

  it("stops at a value beyond the header, naming the cell", async () => {
    const path = await writeWorkbook(file("survey.xlsx"), (workbook) => {
      const sheet = workbook.addWorksheet("Data");
      sheet.addRow(["id", "answer", "", "", ""]);
      sheet.addRow([1, "fine"]);
      sheet.getCell("K3").value = "stray note";
    });
    const source = await openXlsx(path, {});
    expect(source.columns).toEqual(["id", "answer"]);
    await expectBadInput(
      () => readAll(source),
      /^survey\.xlsx: cell K3 has a value but column K has no header \(is the header on another row\? choose the header row\)$/,
    );
  });

  it("names empty header cells between named ones and keeps repeated names apart", async () => {
    const path = await writeWorkbook(file("survey.xlsx"), (workbook) => {
      workbook.addWorksheet("Data").addRow(["id", null, "Other", "other", " Q1\nwhy? "]);
    });
    const source = await openXlsx(path, {});
    expect(source.columns).toEqual(["id", "Column 2", "Other", "other (2)", "Q1 why?"]);
    await source.close();
  });

  it("reads a 20,000-row sheet in batches as the file streams, every row once", async () => {
    const path = await manyRows(file("big.xlsx"), 20_000);
    const source = await openXlsx(path, {});
    expect(source.progress()).toEqual({ done: 0, total: 20_000 });
    const sizes: number[] = [];
    let first: SourceRow | undefined;
    let last: SourceRow | undefined;
    for await (const batch of source.batches()) {
      sizes.push(batch.length);
      first ??= batch[0];
      last = batch.at(-1);
      expect(source.progress().done).toBe(sizes.reduce((a, b) => a + b, 0));
    }
    await source.close();
    expect(sizes.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2000);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(20_000);
    expect(first).toEqual({ line: 2, cells: ["1", "answer number 1"] });
    expect(last).toEqual({ line: 20_001, cells: ["20000", "answer number 20000"] });
    expect(source.progress()).toEqual({ done: 20_000, total: 20_000 });
  });

  it("reads workbooks laid out by other writers: absolute part paths, sheets last", async () => {
    const original = await writeWorkbook(file("survey.xlsx"), survey);
    const path = await rezip(original, file("other.xlsx"), {
      order: (name) => (name.startsWith("xl/worksheets/") ? 1 : 0),
      edit: (name, text) =>
        name === "xl/_rels/workbook.xml.rels"
          ? text.replaceAll('Target="worksheets/', 'Target="/xl/worksheets/')
          : text,
    });
    expect((await listSheets(path)).map((sheet) => sheet.name)).toEqual([
      "Antworten 2024",
      "Codebook",
    ]);
    const source = await openXlsx(path, { sheet: "Codebook", headerRow: 3 });
    expect((await readAll(source)).rows.map((row) => row.cells[0])).toEqual(["POS", "NEG"]);
  });

  it("without a stated used range, progress counts the bytes read", async () => {
    const original = await manyRows(file("big.xlsx"), 3000);
    const path = await rezip(original, file("plain.xlsx"), {
      edit: (_, text) => text.replace(/<dimension ref="[^"]*"\/>/, ""),
    });
    const source = await openXlsx(path, {});
    const total = readFileSync(path).length;
    expect(source.progress().total).toBe(total);
    expect((await readAll(source)).rows).toHaveLength(3000);
    expect(source.progress()).toEqual({ done: total, total });
  });

  it("closes twice, before reading or halfway, without complaint", async () => {
    const path = await manyRows(file("big.xlsx"), 5000);
    const unread = await openXlsx(path, {});
    await unread.close();
    await unread.close();
    const halfway = await openXlsx(path, {});
    for await (const batch of halfway.batches()) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    await halfway.close();
    await halfway.close();
  });

  describe("refuses files that are not workbooks, in one sentence naming the file", () => {
    it("a CSV file renamed to .xlsx", async () => {
      const path = file("survey.xlsx");
      writeFileSync(path, "id,answer\n1,fine\n");
      await expectBadInput(() => openXlsx(path, {}), /^survey\.xlsx is not an Excel \.xlsx work/);
      await expectBadInput(() => listSheets(path), /^survey\.xlsx is not an Excel \.xlsx work/);
    });

    it("random bytes, an empty file and an old .xls workbook", async () => {
      const random = file("random.xlsx");
      writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 73) % 256)));
      await expectBadInput(() => openXlsx(random, {}), /^random\.xlsx is not an Excel \.xlsx/);
      const empty = file("empty.xlsx");
      writeFileSync(empty, "");
      await expectBadInput(() => openXlsx(empty, {}), /^empty\.xlsx is not .* the file is empty$/);
      const old = file("old.xlsx");
      writeFileSync(old, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
      await expectBadInput(() => openXlsx(old, {}), /^old\.xlsx is not .* an old \.xls file/);
    });

    it("a zip file damaged after its first entry", async () => {
      const path = file("damaged.xlsx");
      const zipHeader = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
      writeFileSync(path, Buffer.concat([zipHeader, Buffer.alloc(2000, 0x42)]));
      await expectBadInput(() => openXlsx(path, {}), /^damaged\.xlsx is not an Excel \.xlsx work/);
    });

    it("the first half of a valid workbook", async () => {
      const whole = readFileSync(await writeWorkbook(file("survey.xlsx"), survey));
      const path = file("half.xlsx");
      writeFileSync(path, whole.subarray(0, Math.floor(whole.length / 2)));
      await expectBadInput(() => listSheets(path), /^half\.xlsx is not .* damaged or incomplete$/);
      await expectBadInput(
        () => openXlsx(path, {}),
        /^half\.xlsx is not .* damaged or incomplete$/,
      );
    });

    it("a workbook cut off in the middle of the sheet being read", async () => {
      const original = await manyRows(file("big.xlsx"), 20_000);
      const streamed = await rezip(original, file("streamed.xlsx"), {
        order: (name) => (name.startsWith("xl/worksheets/") ? 1 : 0),
      });
      const whole = readFileSync(streamed);
      const path = file("cut.xlsx");
      writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.7)));
      const source = await openXlsx(path, {});
      expect(source.columns).toEqual(["id", "answer"]);
      await expectBadInput(() => readAll(source), /^cut\.xlsx is not .* damaged or incomplete$/);
    });

    it("a file that does not exist", async () => {
      await expectBadInput(
        () => openXlsx(file("nowhere.xlsx"), {}),
        /nowhere\.xlsx does not exist/,
      );
    });
  });
});
