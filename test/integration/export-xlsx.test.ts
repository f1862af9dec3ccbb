/**
 * The .xlsx export read back with exceljs: every sheet's figures against the core (the
 * segments in the project, tallyOf, the codebook's counts, the agreement report), the
 * layout a report author relies on (notes, frozen bold header, autofilter, widths), and
 * cells no spreadsheet runs as formulas.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { agreementReport } from "../../electron/core/agreement/agreement-service.ts";
import { countCodes, readTree } from "../../electron/core/db/code-counts.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import { latestReviewBefore } from "../../electron/core/db/reviews.ts";
import { tallyOf } from "../../electron/core/tally/tally-service.ts";
import type { QuestionTally, TallyCode } from "../../shared/api/tally-api.ts";
import type { CoderId } from "../../shared/domain.ts";
import { guardFormula, unguardFormula } from "../../shared/text/spreadsheet-safe.ts";
import { NOW } from "../helpers/coding-project.ts";
import {
  byTitle,
  codePointSlice,
  exportOf,
  readWorkbook,
  rowsOf,
  sheetRows,
  useExportProject,
  type Row,
} from "./export-read.ts";
import { join } from "node:path";

const open = useExportProject();

interface DbSegment {
  respondent: string;
  question: string;
  path: string;
  coder: string;
  start: number;
  end: number;
  text: string;
  memo: string;
}

/** Every segment with what a row names, offsets as stored (UTF-16). */
function dbSegments(db: Db, coder?: string): DbSegment[] {
  const rows = db
    .prepare(
      `SELECT r.external_id AS respondent, q.label AS question, s.code_id AS code,
              k.name AS coder, s.start, s."end", a.text, s.memo
         FROM segments s JOIN answers a ON a.id = s.answer_id
         JOIN respondents r ON r.id = a.respondent_id JOIN questions q ON q.id = a.question_id
         JOIN coders k ON k.id = s.coder_id
        WHERE ? IS NULL OR k.name = ?`,
    )
    .all(coder ?? null, coder ?? null) as (Omit<DbSegment, "path"> & { code: number })[];
  const codes = db.prepare("SELECT id, parent_id, name FROM codes").all() as {
    id: number;
    parent_id: number | null;
    name: string;
  }[];
  const byId = new Map(codes.map((c) => [c.id, c]));
  const pathOf = (id: number): string[] => {
    const code = byId.get(id)!;
    return code.parent_id === null ? [code.name] : [...pathOf(code.parent_id), code.name];
  };
  return rows.map(({ code, ...row }) => ({ ...row, path: pathOf(code).join(" > ") }));
}

/** UTF-16 offset to code points. */
const points = (text: string, utf16: number) => [...text.slice(0, utf16)].length;

/** The Frequencies sheet's blocks: title -> rows by code path. */
function frequencyBlocks(rows: Row[]): Map<string, { lines: Row[]; codes: Map<string, Row> }> {
  const blocks = new Map<string, { lines: Row[]; codes: Map<string, Row> }>();
  for (let at = 0; at < rows.length;) {
    const title = rows[at]?.[0];
    if (typeof title !== "string") {
      at++;
      continue;
    }
    const lines = rows.slice(at + 1, at + 3);
    expect(rows[at + 3]).toEqual([
      "Code",
      "Level",
      "Respondents",
      "% of answered",
      "Segments",
      "% of segments",
    ]);
    const codes = new Map<string, Row>();
    at += 4;
    while (at < rows.length && rows[at]!.length > 0) {
      codes.set(String(rows[at]![0]), rows[at]!);
      at++;
    }
    blocks.set(title, { lines, codes });
  }
  return blocks;
}

function expectTallyRows(codes: Map<string, Row>, expected: readonly TallyCode[]): void {
  expect([...codes.keys()]).toEqual(
    expected.map((code) => code.path.join(" > ").replace(/^=/, "'=")),
  );
  for (const code of expected) {
    const row = codes.get(code.path.join(" > ").replace(/^=/, "'="))!;
    expect(row.slice(1)).toEqual([
      code.path.length,
      code.nRespondents,
      code.pctOfAnswered ?? undefined,
      code.nSegments,
      code.pctOfSegments ?? undefined,
    ]);
  }
}

describe("the workbook export", () => {
  it("writes every sheet that has data, each stating the coding and respondents above a frozen, filtered header", async () => {
    const { db, dir } = await open();
    const path = join(dir, "survey.xlsx");
    const report = await exportOf(db, { format: "xlsx", path });
    expect(report.coding).toBe("all coders, merged");
    expect(report.sheets.map((s) => s.name)).toEqual([
      "Segments",
      "Matrix",
      "Frequencies",
      "Codebook",
      "Agreement",
      "Agreement before review",
    ]);
    expect(report.filter).toBeNull();
    expect(report.warnings).toEqual([]);
    const workbook = await readWorkbook(path);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(report.sheets.map((s) => s.name));
    const segments = sheetRows(workbook, "Segments");
    expect(segments.notes[0]).toEqual([
      "Segments. Coding: all coders, merged. Respondents: all respondents (5).",
    ]);
    expect(String(segments.notes[1]?.[0])).toMatch(/Unicode code points.*text\[Start:End\]/);
    expect(segments.sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 4 });
    expect(segments.sheet.autoFilter).toBe("A4:M4");
    expect(segments.sheet.getRow(4).font?.bold).toBe(true);
    expect(segments.sheet.getColumn("K").width).toBe(60);
    expect(segments.header).toEqual([
      "Respondent",
      "Country",
      "Type",
      "Question",
      "Code",
      "Level 1",
      "Level 2",
      "Coder",
      "Start",
      "End",
      "Coded text",
      "Memo",
      "Created",
    ]);
    expect(report.sheets.find((s) => s.name === "Segments")?.rows).toBe(segments.data.length);
    expect(report.bytes).toBeGreaterThan(0);
  });

  it("lists every segment once, in questionnaire and respondent order, with code-point offsets", async () => {
    const { db, dir } = await open();
    const path = join(dir, "segments.xlsx");
    await exportOf(db, { format: "xlsx", path, sheets: ["segments"], wholeAnswer: true });
    const { header, data } = sheetRows(await readWorkbook(path), "Segments");
    expect(header).toContain("Answer");
    const expected = dbSegments(db);
    expect(data).toHaveLength(expected.length);
    const key = (s: {
      respondent: unknown;
      question: unknown;
      path: unknown;
      coder: unknown;
      start: unknown;
      end: unknown;
    }) => [s.respondent, s.question, s.path, s.coder, s.start, s.end].join("|");
    const wanted = new Map(
      expected.map((s) => [
        key({ ...s, start: points(s.text, s.start), end: points(s.text, s.end) }),
        s,
      ]),
    );
    const order: string[] = [];
    for (const cells of data) {
      const row = byTitle(header, cells);
      const unguarded = {
        ...row,
        path: unguardFormula(String(row.Code)),
        respondent: row.Respondent,
        question: row.Question,
        coder: row.Coder,
        start: row.Start,
        end: row.End,
      };
      const segment = wanted.get(key(unguarded));
      expect(segment, key(unguarded)).toBeDefined();
      wanted.delete(key(unguarded));
      expect(typeof row.Start).toBe("number");
      const coded = unguardFormula(String(row["Coded text"]));
      expect(coded).toBe(codePointSlice(segment!.text, Number(row.Start), Number(row.End)));
      expect(unguardFormula(String(row.Answer))).toBe(segment!.text);
      // XML reads a CR as a line feed (exceljs writes it raw; Excel reads it the same).
      expect(row.Memo ?? "").toBe(guardFormula(segment!.memo).replace(/\r/g, "\n"));
      expect(row.Created).toBe(NOW);
      expect(row["Level 1"]).toBe(String(row.Code).split(" > ")[0]);
      order.push(`${String(row.Question)} ${String(row.Respondent)}`);
    }
    expect(wanted.size).toBe(0);
    expect(order).toEqual([...order].sort());
    // The emoji counts one character: "safe 😀 here" starts at 7 in code points.
    const emoji = data
      .map((cells) => byTitle(header, cells))
      .find((r) => r["Coded text"] === "safe 😀 here");
    expect(emoji).toMatchObject({ Start: 7, End: 18, Coder: "Anna" });
  });

  it("counts each respondent's codes in the matrix, categories as their subtree", async () => {
    const { db, dir, project } = await open();
    const segments = dbSegments(db);
    const expectCell = (respondent: string, column: string, question: string | null) =>
      segments.filter(
        (s) =>
          s.respondent === respondent &&
          (question === null || s.question === question) &&
          (s.path === column || s.path.startsWith(`${column} > `)),
      ).length;
    for (const [matrix, matrixColumns] of [
      ["presence", "code"],
      ["counts", "code"],
      ["counts", "question-code"],
      ["presence", "question-code"],
    ] as const) {
      const path = join(dir, `${matrix}-${matrixColumns}.xlsx`);
      await exportOf(db, { format: "xlsx", path, sheets: ["matrix"], matrix, matrixColumns });
      const { header, data } = sheetRows(await readWorkbook(path), "Matrix");
      expect(header.slice(0, 3)).toEqual(["Respondent", "Country", "Type"]);
      expect(data.map((row) => row[0])).toEqual(["R1", "R2", "R3", "R4", "R5"]);
      expect(new Set(header).size).toBe(header.length);
      if (matrixColumns === "code") {
        expect(header.slice(3)).toEqual([
          "Safety",
          "Safety > Risk",
          "Safety > Lighting",
          "Transport",
          "'=Formula",
          "'=Formula > @Mention",
        ]);
      } else {
        expect(header).toContain("Q1: Safety > Risk");
        expect(header).toContain("Q2: Transport");
      }
      for (const cells of data) {
        header.slice(3).forEach((title, i) => {
          const [question, column] =
            matrixColumns === "code"
              ? [null, unguardFormula(String(title))]
              : (String(title).split(/: (.*)/s) as [string, string]);
          const n = expectCell(String(cells[0]), column, question);
          expect(cells[i + 3], `${String(cells[0])} ${String(title)}`).toBe(
            matrix === "presence" ? (n > 0 ? 1 : 0) : n,
          );
        });
      }
    }
    expect(project.respondent("R1")).toBeGreaterThan(0);
  });

  it("gives the frequency panel's figures per question and across questions", async () => {
    const { db, dir } = await open();
    const path = join(dir, "frequencies.xlsx");
    await exportOf(db, { format: "xlsx", path, sheets: ["frequencies"] });
    const sheet = (await readWorkbook(path)).getWorksheet("Frequencies")!;
    const blocks = frequencyBlocks(rowsOf(sheet));
    const tally = tallyOf(db, {});
    expect([...blocks.keys()]).toEqual([
      "Q1 · What should change?",
      "Q2 · Anything else?",
      "All questions",
    ]);
    tally.questions.forEach((question: QuestionTally, i) => {
      const block = [...blocks.values()][i]!;
      expect(block.lines[0]).toEqual([
        "Coding: all coders, merged. Respondents: all respondents (5).",
      ]);
      expect(block.lines[1]).toEqual([
        `Answered ${question.answered} of 5; ${question.empty} empty; ${question.nonResponse} no answer`,
      ]);
      expectTallyRows(block.codes, question.codes);
    });
    expect(blocks.get("Q2 · Anything else?")!.lines[1]).toEqual([
      "Answered 3 of 5; 1 empty; 1 no answer",
    ]);
    expectTallyRows(blocks.get("All questions")!.codes, tally.overall.codes);
    // Percentages are fractions shown as percents.
    let percentCell: ExcelJS.Cell | null = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === "Safety" && !percentCell) percentCell = row.getCell(4);
    });
    expect((percentCell as ExcelJS.Cell | null)?.numFmt).toBe("0.0%");
  });

  it("lists the codebook with the codebook panel's counts", async () => {
    const { db, dir } = await open();
    for (const coder of [null, "Ben"]) {
      const coderId =
        coder === null
          ? null
          : (db.prepare("SELECT id FROM coders WHERE name = ?").pluck().get(coder) as CoderId);
      const path = join(dir, `codebook-${coder}.xlsx`);
      await exportOf(db, {
        format: "xlsx",
        path,
        sheets: ["codebook"],
        coding: coderId === null ? { kind: "all" } : { kind: "coder", coderId },
      });
      const { header, data } = sheetRows(await readWorkbook(path), "Codebook");
      expect(header).toEqual([
        "Path",
        "Level",
        "Name",
        "Colour",
        "Description",
        "When to use",
        "When not to use",
        "Example",
        "Segments",
        "Respondents",
      ]);
      const tree = readTree(db);
      const counts = countCodes(db, tree, coderId);
      const paths = new Map(
        (
          db.prepare("SELECT id, name, parent_id FROM codes").all() as {
            id: number;
            name: string;
            parent_id: number | null;
          }[]
        ).map((c) => [c.id, c]),
      );
      const pathOf = (id: number): string =>
        paths.get(id)!.parent_id === null
          ? paths.get(id)!.name
          : `${pathOf(paths.get(id)!.parent_id!)} > ${paths.get(id)!.name}`;
      expect(data).toHaveLength(tree.ids.length);
      tree.ids.forEach((id, i) => {
        const row = data.find((cells) => unguardFormula(String(cells[0])) === pathOf(id))!;
        expect(row[8]).toBe(counts.subtreeSegments[i]);
        expect(row[9]).toBe(counts.subtreeRespondents[i]);
      });
      const risk = byTitle(
        header,
        data.find((cells) => cells[0] === "Safety > Risk")!,
      );
      expect(risk).toMatchObject({
        Level: 2,
        Name: "Risk",
        Colour: "#aec7e8",
        Description: "A danger named",
        "When to use": "When Risk is meant",
        Example: '"Risk, for instance"',
      });
    }
  });

  it("reports the agreement of the latest review's coders as the agreement tab does", async () => {
    const { db, dir, project } = await open();
    const path = join(dir, "agreement.xlsx");
    await exportOf(db, { format: "xlsx", path, sheets: ["agreement"] });
    const rows = rowsOf((await readWorkbook(path)).getWorksheet("Agreement")!);
    const report = agreementReport(
      db,
      {
        coderIds: [project.coder("Anna"), project.coder("Ben")],
        threshold: 0.9,
        resamples: 1000,
        seed: 1,
      },
      NOW,
    );
    expect(rows.find((row) => row[0] === "Coders")?.[1]).toBe("Anna, Ben");
    const pooled = rows.find((row) => row[0] === "All codes (pooled)")!;
    expect(pooled.slice(1, 8)).toEqual([
      report.answerLevel.pooled.units,
      report.answerLevel.pooled.both,
      report.answerLevel.pooled.aOnly,
      report.answerLevel.pooled.bOnly,
      report.answerLevel.pooled.neither,
      report.answerLevel.pooled.percent.value,
      report.answerLevel.pooled.cohenKappa.value ?? undefined,
    ]);
    const segmentPooled = rows.filter((row) => row[0] === "All codes (pooled)")[1]!;
    expect(segmentPooled.slice(1, 3)).toEqual([
      report.segmentLevel!.pooled.segments,
      report.segmentLevel!.pooled.agreements,
    ]);
  });

  it("writes the figures recorded when the coders' review started on a sheet of their own", async () => {
    const { db, dir, project } = await open();
    const path = join(dir, "agreement-before.xlsx");
    const result = await exportOf(db, { format: "xlsx", path, sheets: ["agreement"] });
    const before = latestReviewBefore(db, [project.coder("Anna"), project.coder("Ben")])!;
    expect(before).not.toBeNull();
    expect(result.sheets).toEqual([
      { name: "Agreement", rows: expect.any(Number) },
      {
        name: "Agreement before review",
        rows: before.answerLevel.rows.length + 1 + before.segmentLevel!.rows.length + 1,
      },
    ]);
    const sheet = (await readWorkbook(path)).getWorksheet("Agreement before review")!;
    const rows = rowsOf(sheet);
    expect(rows[0]).toEqual([
      "Inter-coder agreement before the review (figures recorded when it started)",
    ]);
    expect(rows.find((row) => row[0] === "Coders")?.[1]).toBe("Anna, Ben");
    const [answerPooled, segmentPooled] = rows.filter((row) => row[0] === "All codes (pooled)");
    expect(answerPooled!.slice(1, 7)).toEqual([
      before.answerLevel.pooled.units,
      before.answerLevel.pooled.both,
      before.answerLevel.pooled.aOnly,
      before.answerLevel.pooled.bOnly,
      before.answerLevel.pooled.neither,
      before.answerLevel.pooled.percent.value,
    ]);
    expect(segmentPooled!.slice(1, 3)).toEqual([
      before.segmentLevel!.pooled.segments,
      before.segmentLevel!.pooled.agreements,
    ]);
    // Each code's row, by path, as recorded.
    for (const code of before.answerLevel.rows) {
      const row = rows.find((r) => r[0] === guardFormula(code.path.join(" > ")))!;
      expect(row.slice(1, 6)).toEqual([
        code.units,
        code.both,
        code.aOnly,
        code.bOnly,
        code.neither,
      ]);
    }
    expect(sheet.views[0]).toMatchObject({ state: "frozen" });
  });

  it("leaves the before-review sheet out when the compared coders have no review", async () => {
    const { db, dir, project } = await open();
    const path = join(dir, "agreement-no-review.xlsx");
    const result = await exportOf(db, {
      format: "xlsx",
      path,
      sheets: ["agreement"],
      agreementCoderIds: [project.coder("Anna"), project.coder("consensus")],
    });
    expect(result.sheets.map((s) => s.name)).toEqual(["Agreement"]);
    expect((await readWorkbook(path)).worksheets.map((s) => s.name)).toEqual(["Agreement"]);
  });

  it("never writes a formula: text that starts like one gets an apostrophe", async () => {
    const { db, dir } = await open();
    const path = join(dir, "guarded.xlsx");
    await exportOf(db, { format: "xlsx", path, wholeAnswer: true });
    const workbook = await readWorkbook(path);
    const strings: string[] = [];
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === "string") strings.push(cell.value);
        }),
      );
    }
    expect(strings.filter((s) => /^[=+\-@\t\r]/.test(s))).toEqual([]);
    expect(strings).toEqual(
      expect.arrayContaining([
        `'=HYPERLINK("http://example.com","click")`,
        "'+1 for more buses",
        "'+1",
        "'-",
        "'@x wants buses at night",
        "'=Formula > @Mention",
        "'@Mention",
        "'@org",
        "'=cmd|' /C calc'!A0",
        "'\tstarts with a tab",
        "'\n=1+1",
      ]),
    );
  });
});
