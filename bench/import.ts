/**
 * Import benchmark. Generates a survey export of 100,000 respondents x 10 questions
 * (1,000,000 answers, about 200 MB of CSV with quoted multi-line cells), then measures
 * in the same run (a) the raw floor (bench/import-floor.ts: papaparse + prepared inserts
 * in one transaction) and (b) `cairn import` on the same file, each as its own process
 * under /usr/bin/time for wall time and peak RSS. Then an .xlsx of 100,000 rows x 10
 * columns and a folder of 200 Word questionnaires. Prints figures; passes or fails
 * nothing.
 *
 *   npm run bench:import               # 100,000 respondents
 *   npm run bench:import -- 20000      # fewer, for a quick look
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { writeDocx } from "../test/helpers/docx.ts";
import { answer, QUESTIONS, writeCsv } from "./import-survey.ts";
import { random } from "./stats.ts";

const respondents = Number(process.argv[2] ?? 100_000);
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = join(ROOT, "bin/cairn.mjs");

interface Measured {
  readonly seconds: number;
  readonly rssMiB: number;
}

/** Runs a node script as its own process and reads wall time and peak RSS from time(1). */
function measure(label: string, args: string[]): Measured {
  const result = spawnSync("/usr/bin/time", ["-f", "TIME %e %M", process.execPath, ...args], {
    encoding: "utf8",
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const match = /TIME ([\d.]+) (\d+)/.exec(result.stderr);
  if (result.status !== 0 || !match) {
    throw new Error(`${label} failed (${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
  return { seconds: Number(match[1]), rssMiB: Number(match[2]) / 1024 };
}

function importArgs(project: string, source: string, extra: string[]): string[] {
  return [BIN, "import", project, source, "--json", ...extra];
}

const dir = mkdtempSync(join(tmpdir(), "cairn-bench-import-"));
try {
  const csv = join(dir, "survey.csv");
  await writeCsv(csv, respondents);
  const questionColumns = Array.from(
    { length: QUESTIONS },
    (_, i) => `Q${i + 1} What would you change and why?`,
  );
  console.log(
    `CSV: ${respondents.toLocaleString("en")} respondents x ${QUESTIONS} questions = ` +
      `${(respondents * QUESTIONS).toLocaleString("en")} answers, ` +
      `${(statSync(csv).size / 1024 / 1024).toFixed(0)} MiB`,
  );
  const floor = measure("floor", [
    "--import",
    "tsx",
    join(ROOT, "bench/import-floor.ts"),
    csv,
    join(dir, "floor.cairn"),
  ]);
  const cairn = measure(
    "cairn import",
    importArgs(join(dir, "import.cairn"), csv, [
      "--id-column",
      "Respondent",
      "--attribute-columns",
      "Country,Organisation type",
      "--question-columns",
      questionColumns.join(","),
    ]),
  );
  console.log(
    `(a) floor, papaparse + prepared inserts: ${floor.seconds.toFixed(1)} s, peak RSS ${floor.rssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `(b) cairn import:                        ${cairn.seconds.toFixed(1)} s, peak RSS ${cairn.rssMiB.toFixed(0)} MiB`,
  );
  console.log(
    `(b) / (a) = ${(cairn.seconds / floor.seconds).toFixed(2)} (target <= 1.5; RSS target < 1024 MiB)`,
  );

  const xlsxRows = Math.min(respondents, 100_000);
  const xlsx = join(dir, "survey.xlsx");
  const next = random(7);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsx,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet("Responses");
  sheet.addRow(["Respondent", "Country", "Submitted", ...questionColumns.slice(0, 7)]).commit();
  for (let r = 1; r <= xlsxRows; r++) {
    const answers = Array.from({ length: 7 }, () => answer(next).replace(/\r\n/g, "\n"));
    sheet
      .addRow([
        `R${r}`,
        `Country ${r % 27}`,
        new Date(Date.UTC(2026, 0, 1 + (r % 300))),
        ...answers,
      ])
      .commit();
  }
  await workbook.commit();
  const excel = measure(
    "xlsx import",
    importArgs(join(dir, "xlsx.cairn"), xlsx, [
      "--id-column",
      "Respondent",
      "--attribute-columns",
      "Country,Submitted",
      "--question-columns",
      questionColumns.slice(0, 7).join(","),
    ]),
  );
  console.log(
    `xlsx: ${xlsxRows.toLocaleString("en")} rows x 10 columns (${(statSync(xlsx).size / 1024 / 1024).toFixed(0)} MiB): ` +
      `${excel.seconds.toFixed(1)} s, peak RSS ${excel.rssMiB.toFixed(0)} MiB`,
  );

  const folder = join(dir, "questionnaires");
  mkdirSync(folder);
  const docxNext = random(3);
  for (let f = 1; f <= 200; f++) {
    const blocks = [{ text: `Country: Country ${f % 27}` }];
    for (let q = 1; q <= QUESTIONS; q++) {
      blocks.push({ text: `${q}. What would you change in area ${q}, and why?` });
      blocks.push({ text: answer(docxNext).replace(/\r\n/g, "\n") || "-" });
    }
    await writeDocx(join(folder, `R${f}.docx`), blocks);
  }
  const word = measure("docx import", importArgs(join(dir, "docx.cairn"), folder, []));
  console.log(
    `docx: 200 questionnaires x ${QUESTIONS} questions: ${word.seconds.toFixed(1)} s, peak RSS ${word.rssMiB.toFixed(0)} MiB`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
