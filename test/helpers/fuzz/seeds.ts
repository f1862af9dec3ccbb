/**
 * The seed corpus: small valid files of every kind an importer reads, built here (the
 * answers files by hand and with exceljs/the docx helper; the REFI-QDA project, the REFI
 * codebook and the codebook files exported from a tiny coded project through the API),
 * so every mutation starts from a file that imports.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Core } from "../../../electron/core/core.ts";
import type { ImportInspection } from "../../../shared/import/inspection.ts";
import type { ImportMapping } from "../../../shared/import/mapping.ts";
import { coreValue } from "../core.ts";
import { docxBytes } from "../docx.ts";

export const IMPORTER_KINDS = [
  "csv",
  "tsv",
  "xlsx",
  "docx",
  "qdpx",
  "qdc",
  "codebook-csv",
  "codebook-xlsx",
] as const;
export type ImporterKind = (typeof IMPORTER_KINDS)[number];

/** The extension a file of the kind carries (what the importers go by). */
export const EXTENSION: Record<ImporterKind, string> = {
  csv: ".csv",
  tsv: ".tsv",
  xlsx: ".xlsx",
  docx: ".docx",
  qdpx: ".qdpx",
  qdc: ".qdc",
  "codebook-csv": ".csv",
  "codebook-xlsx": ".xlsx",
};

/** The rows of the small survey every answers seed holds. */
export const SURVEY_ROWS: readonly (readonly string[])[] = [
  ["ID", "Country", "What should change?", "Anything else?"],
  ["R1", "Ireland", "More refuges\nand faster courts", "n/a"],
  ["R2", "Greece", "Κέντρα φιλοξενίας 🏠", "Training for police"],
  ["R3", "Malta", 'Shelter beds, "now"', ""],
];

export function delimited(rows: readonly (readonly string[])[], delimiter: string): string {
  const quote = (cell: string) =>
    /["\r\n,;\t|]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return rows.map((row) => row.map(quote).join(delimiter)).join("\r\n") + "\r\n";
}

export async function xlsxBytes(rows: readonly (readonly unknown[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Answers");
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function questionnaireBytes(paragraphs: readonly string[]): Promise<Buffer> {
  return docxBytes(paragraphs.map((text) => ({ text })));
}

export const QUESTIONNAIRE = [
  "Respondent ID: R9",
  "Country: Ireland",
  "1. What should change?",
  "More refuges and faster courts",
  "2. Anything else?",
  "Training for police",
];

export type SeedFiles = Record<ImporterKind, Buffer>;

/**
 * Every seed, the REFI-QDA and codebook ones exported from a tiny project made at
 * `dir`/seed.cairn with `core` (which is left with no project open).
 */
export async function buildSeeds(core: Core, dir: string): Promise<SeedFiles> {
  const survey = join(dir, "seed-survey.csv");
  const csv = Buffer.from("\ufeff" + delimited(SURVEY_ROWS, ";"));
  writeFileSync(survey, csv);
  coreValue(await core.call("project.create", { path: join(dir, "seed.cairn") }));
  await importAll(core, survey);
  coreValue(await core.call("codes.create", { path: ["Services", "Shelters"], color: "#2e86c1" }));
  coreValue(
    await core.call("coding.apply", {
      answerId: 1,
      code: { path: ["Services", "Shelters"] },
      coder: "Aoife",
      start: 5,
      end: 12,
      memo: "refuges are shelters",
    }),
  );
  coreValue(
    await core.call("coding.apply", { answerId: 3, code: { path: ["Police"] }, coder: "Aoife" }),
  );
  const exported = async (name: string, request: Record<string, unknown>) => {
    const path = join(dir, name);
    coreValue(
      await core.call(request.format ? "export.run" : "codebook.export", { path, ...request }),
    );
    return readFileSync(path);
  };
  const seeds: SeedFiles = {
    csv,
    tsv: Buffer.from(delimited(SURVEY_ROWS, "\t")),
    xlsx: await xlsxBytes(SURVEY_ROWS),
    docx: await questionnaireBytes(QUESTIONNAIRE),
    qdpx: await exported("seed.qdpx", { format: "qdpx" }),
    qdc: await exported("seed.qdc", { format: "qdc" }),
    "codebook-csv": await exported("seed-codebook.csv", {}),
    "codebook-xlsx": await exported("seed-codebook.xlsx", {}),
  };
  coreValue(await core.call("project.close", {}));
  return seeds;
}

/** What the import wizard does: inspect, take the guess, import. */
async function importAll(core: Core, path: string): Promise<void> {
  const source = { paths: [path] };
  const inspection = coreValue<ImportInspection>(
    await core.call("import.inspect", { source, coder: "Aoife" }),
  );
  const mapping: ImportMapping = inspection.guess;
  coreValue(await core.call("import.run", { source, mapping }));
}
