import { describe, expect, it } from "vitest";
import { exportRequestSchema } from "../../shared/api/export-api.ts";
import type { CoderId } from "../../shared/domain.ts";
import {
  defaultExportPath,
  isRefiCodebook,
  projectPathForRefi,
  withExportExtension,
} from "../../renderer/src/export/export-paths.ts";
import {
  choicesProblem,
  DEFAULT_CHOICES,
  exportRequestOf,
  type ExportChoices,
} from "../../renderer/src/export/export-request.ts";
import {
  exportContents,
  exportPhases,
  progressPercent,
  progressText,
  refiImportHeadline,
  refiPositionsLine,
} from "../../renderer/src/export/export-text.ts";

const choices = (change: Partial<ExportChoices>): ExportChoices => ({
  ...DEFAULT_CHOICES,
  path: "/home/ana/survey.xlsx",
  ...change,
});
const IRELAND = [{ name: "Country", values: ["Ireland"] }];

describe("where the export dialog proposes to save", () => {
  it("beside the project, named after it, with the format's extension", () => {
    expect(defaultExportPath("/home/ana/survey.cairn", "xlsx", "segments")).toBe(
      "/home/ana/survey.xlsx",
    );
    expect(defaultExportPath("/home/ana/survey.cairn", "qdpx", "segments")).toBe(
      "/home/ana/survey.qdpx",
    );
    expect(defaultExportPath("C:\\data\\survey.CAIRN", "qdc", "matrix")).toBe(
      "C:\\data\\survey.qdc",
    );
  });

  it("a CSV holds one table, and its name says which", () => {
    expect(defaultExportPath("/home/ana/survey.cairn", "csv", "matrix")).toBe(
      "/home/ana/survey-matrix.csv",
    );
  });

  it("a typed path keeps its name; only its extension follows the format", () => {
    expect(withExportExtension("/tmp/report.xlsx", "qdpx")).toBe("/tmp/report.qdpx");
    expect(withExportExtension("/tmp/report", "csv")).toBe("/tmp/report.csv");
    expect(withExportExtension("/tmp/report.v2.final", "xlsx")).toBe("/tmp/report.v2.final.xlsx");
  });

  it("a REFI-QDA project becomes a new project beside it; a .qdc is a codebook", () => {
    expect(projectPathForRefi("/home/ana/from nvivo.qdpx")).toBe("/home/ana/from nvivo.cairn");
    expect(projectPathForRefi("")).toBe("");
    expect(isRefiCodebook("/home/ana/codes.QDC ")).toBe(true);
    expect(isRefiCodebook("/home/ana/project.qdpx")).toBe(false);
  });
});

describe("the request the dialog's choices make", () => {
  it("all sheets, everyone's coding: a request the contract accepts, sheets in workbook order", () => {
    const request = exportRequestOf(
      choices({ sheets: ["codebook", "segments", "matrix"] }),
      IRELAND,
    );
    expect(request).toEqual({
      format: "xlsx",
      path: "/home/ana/survey.xlsx",
      sheets: ["segments", "matrix", "codebook"],
      coding: { kind: "all" },
      matrix: "presence",
      matrixColumns: "code",
      wholeAnswer: false,
    });
    expect(exportRequestSchema.safeParse(request).success).toBe(true);
  });

  it("the frequency filter narrows the tables only when ticked", () => {
    const request = exportRequestOf(
      choices({ format: "csv", table: "matrix", applyFilter: true, coding: 3 as CoderId }),
      IRELAND,
    );
    expect(request).toMatchObject({
      format: "csv",
      table: "matrix",
      bom: true,
      coding: { kind: "coder", coderId: 3 },
      filter: [{ name: "Country", values: ["Ireland"] }],
    });
    expect(exportRequestSchema.safeParse(request).success).toBe(true);
  });

  it("the agreement's coders go with the Agreement sheet only", () => {
    const ids = [1, 2] as CoderId[];
    expect(exportRequestOf(choices({}), [], ids)).toMatchObject({ agreementCoderIds: [1, 2] });
    expect(exportRequestOf(choices({ sheets: ["segments"] }), [], ids)).not.toHaveProperty(
      "agreementCoderIds",
    );
  });

  it("REFI-QDA takes only its own options", () => {
    const qdpx = exportRequestOf(
      choices({ format: "qdpx", positions: "utf16", applyFilter: true }),
      IRELAND,
    );
    expect(qdpx).toEqual({ format: "qdpx", path: "/home/ana/survey.xlsx", positions: "utf16" });
    expect(exportRequestOf(choices({ format: "qdc", coding: "consensus" }), [])).toEqual({
      format: "qdc",
      path: "/home/ana/survey.xlsx",
    });
    expect(exportRequestSchema.safeParse(qdpx).success).toBe(true);
  });

  it("asks for a path and at least one sheet", () => {
    expect(choicesProblem(choices({ path: "  " }))).toBe("Type where to save the file.");
    expect(choicesProblem(choices({ sheets: [] }))).toBe("Choose at least one sheet.");
    expect(choicesProblem(choices({ format: "csv", sheets: [] }))).toBeNull();
  });
});

describe("what the dialog says", () => {
  it("progress says what is being written, in words, with its figures", () => {
    const progress = { phase: "Segments", done: 12_000, total: 40_000 };
    expect(progressText(progress)).toBe("Writing coded passages… 12,000 of 40,000");
    expect(progressText({ phase: "Matrix", done: 40, total: 120 })).toBe(
      "Writing the matrix… 40 of 120 respondents",
    );
    expect(progressText({ phase: "texts", done: 12_000, total: 100_000 })).toBe(
      "Writing answer texts… 12,000 of 100,000",
    );
    expect(progressText({ phase: "cases", done: 5, total: 10 })).toBe(
      "Writing respondents (cases)… 5 of 10",
    );
    expect(progressText({ phase: "sources", done: 5, total: 10 })).toBe(
      "Writing answers and their coding… 5 of 10",
    );
    expect(progressText({ phase: "codebook", done: 33, total: 33 })).toBe(
      "Writing the codebook… 33 of 33 codes",
    );
    expect(progressText({ phase: "Agreement", done: 0, total: 0 })).toBe(
      "Writing the agreement report…",
    );
    expect(progressText(null)).toBe("Starting…");
  });

  it("the bar fills once across the sheets, not once per sheet", () => {
    const phases = exportPhases(choices({ sheets: ["codebook", "segments"] }));
    expect(phases).toEqual(["Segments", "Codebook"]);
    expect(progressPercent({ phase: "Segments", done: 12_000, total: 40_000 }, phases)).toBe(15);
    expect(progressPercent({ phase: "Codebook", done: 1, total: 2 }, phases)).toBe(75);
    const qdpx = exportPhases(choices({ format: "qdpx" }));
    expect(progressPercent({ phase: "sources", done: 10, total: 10 }, qdpx)).toBe(100);
    expect(exportPhases(choices({ format: "csv", table: "matrix" }))).toEqual(["Matrix"]);
    expect(progressPercent(null, phases)).toBe(0);
    expect(progressPercent({ phase: "Matrix", done: 3, total: 0 })).toBe(0);
  });

  it("a workbook's contents: its sheets with their rows, whose coding, which respondents", () => {
    const lines = exportContents({
      path: "/tmp/survey.xlsx",
      format: "xlsx",
      coding: "all coders, merged",
      sheets: [
        { name: "Segments", rows: 1234 },
        { name: "Matrix", rows: 1 },
      ],
      refi: null,
      bytes: 5000,
      filter: "Country = Ireland; 12 of 18",
      warnings: [],
    });
    expect(lines).toEqual([
      "Segments: 1,234 rows",
      "Matrix: 1 row",
      "Coding: all coders, merged",
      "Respondents: Country = Ireland; 12 of 18",
    ]);
  });

  it("a REFI-QDA project's contents and its positions", () => {
    const refi = {
      users: 2,
      codes: 12,
      cases: 100,
      variables: 3,
      sources: 250,
      selections: 400,
      codings: 410,
      notes: 1,
      positions: "codepoints" as const,
    };
    const lines = exportContents({
      path: "/tmp/s.qdpx",
      format: "qdpx",
      coding: null,
      sheets: [],
      refi,
      bytes: 1,
      filter: null,
      warnings: [],
    });
    expect(lines).toEqual([
      "250 sources, 100 cases, 3 variables, 12 codes, 400 coded passages, 410 codings, 2 users, 1 note",
      "Positions in Unicode code points (the standard)",
    ]);
  });

  it("a REFI-QDA import's report", () => {
    const report = {
      path: "/home/ana/from-nvivo.cairn",
      kind: "project" as const,
      origin: "NVivo",
      users: 1,
      codes: 20,
      respondents: 7,
      questions: 1,
      answers: 7,
      segments: 303,
      memos: 0,
      positions: {
        unit: "utf16" as const,
        crlf: 2 as const,
        onWordBoundaries: 303,
        widened: 0,
        selections: 303,
        explanation: "UTF-16 code units, CRLF as 2: 303 of 303 on word boundaries",
      },
      warnings: [],
    };
    expect(refiImportHeadline(report)).toBe(
      "Imported 7 respondents, 1 question, 7 answers, 20 codes, 303 coded passages, 1 coder from NVivo into “from-nvivo.cairn”",
    );
    expect(refiPositionsLine(report)).toBe(
      "Positions read as UTF-16 code units, CRLF as 2: 303 of 303 on word boundaries",
    );
    expect(refiPositionsLine({ ...report, positions: null })).toBeNull();
    expect(refiImportHeadline({ ...report, memos: 2 })).toContain("1 coder, 2 memos from NVivo");
  });
});
