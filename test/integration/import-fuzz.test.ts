/**
 * Random bytes and cut-off files fed to every importer: the outcome must be a clear
 * error (a CairnError with a message naming the file) and an untouched project, or a
 * correct import. Never a crash, never a stack trace, never a half import. Seeded, so
 * a failure repeats.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CairnError } from "../../shared/api/errors.ts";
import { docxBytes } from "../helpers/docx.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const RUNS = Number(process.env.CAIRN_FUZZ_RUNS ?? 100);

const VALID_CSV = Buffer.from(
  "\ufeffID;Country;What should change?\r\n" +
    'R1;Ireland;"More refuges\r\nand faster courts"\r\n' +
    "R2;Greece;Κέντρα φιλοξενίας 🏠\r\n" +
    "R3;Malta;n/a\r\n",
);

async function validXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Answers");
  sheet.addRow(["ID", "Country", "What should change?"]);
  sheet.addRow(["R1", "Ireland", "More refuges\nand faster courts"]);
  sheet.addRow(["R2", "Greece", "Κέντρα φιλοξενίας 🏠"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function validDocx(): Promise<Buffer> {
  return docxBytes([
    { text: "Country: Ireland" },
    { text: "1. What should change?" },
    { text: "More refuges and faster courts" },
  ]).then((bytes) => Buffer.from(bytes));
}

/**
 * Imports `bytes` as `name` into a fresh project and checks the contract: a CairnError
 * and no change, or success and a sound project.
 */
async function importOrRefuse(name: string, bytes: Uint8Array): Promise<void> {
  const dir = tempDir();
  const file = join(dir, name);
  writeFileSync(file, bytes);
  const session = newSession();
  session.create(join(dir, `${Math.random().toString(36).slice(2)}.cairn`));
  const db = session.db();
  const before = snapshot(db);
  try {
    const { report } = await importFiles(session, [file], { coder: "Fuzz" });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const answers = (db.prepare("SELECT count(*) AS n FROM answers").get() as { n: number }).n;
    expect(answers).toBe(report.answers_added);
  } catch (error) {
    if (!(error instanceof CairnError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toMatch(/\n\s+at /);
    expect(snapshot(db)).toBe(before);
  } finally {
    session.close();
  }
}

const cutOff = (valid: Buffer) =>
  fc.integer({ min: 0, max: valid.length - 1 }).map((end) => valid.subarray(0, end));

const corrupted = (valid: Buffer) =>
  fc
    .array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 8,
    })
    .map((edits) => {
      const copy = Buffer.from(valid);
      for (const [at, byte] of edits) copy[at] = byte;
      return copy;
    });

const randomBytes = fc.uint8Array({ minLength: 0, maxLength: 4096 });

describe("importers never crash and never half-import", () => {
  it("CSV: random bytes, cut-off and corrupted exports", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomBytes, cutOff(VALID_CSV), corrupted(VALID_CSV)), (bytes) =>
        importOrRefuse("survey.csv", bytes),
      ),
      { numRuns: RUNS, seed: 3 },
    );
  });

  it("Excel: random bytes, cut-off and corrupted workbooks", async () => {
    const valid = await validXlsx();
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomBytes, cutOff(valid), corrupted(valid)), (bytes) =>
        importOrRefuse("survey.xlsx", bytes),
      ),
      { numRuns: RUNS, seed: 5 },
    );
  });

  it("Word: random bytes, cut-off and corrupted questionnaires", async () => {
    const valid = await validDocx();
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomBytes, cutOff(valid), corrupted(valid)), (bytes) =>
        importOrRefuse("R1.docx", bytes),
      ),
      { numRuns: RUNS, seed: 7 },
    );
  });
});
