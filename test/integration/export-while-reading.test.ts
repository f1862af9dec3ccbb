/**
 * A long export does not lock the user out: while the Segments sheet of 10,000 passages
 * is being written (in several batches, awaiting the file between them), the app goes on
 * reading the same project through the same core (the frequency panel, the answer grid),
 * and the file still lists every segment exactly, in the table's order.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExportProgress, ExportReport } from "../../shared/api/export-api.ts";
import type { Result } from "../../shared/api/errors.ts";
import type { Tally } from "../../shared/api/tally-api.ts";
import type { AnswerPage } from "../../shared/domain.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { largeExportProject } from "../helpers/export-project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { readWorkbook, sheetRows } from "./export-read.ts";

const tempDir = useTempDir();
const open = useCoreProject();

/** UTF-16 offset to code points. */
const points = (text: string, utf16: number) => [...text.slice(0, utf16)].length;

describe("reading the project while an export runs", () => {
  it("answers the tally and the answer grid between batches, and the file is still exact", async () => {
    const dir = tempDir();
    const core = open(dir, largeExportProject(dir, 1250));
    const db = core.session.db();
    const tallyBefore = coreValue<Tally>(await core.call("tally.get", {}));

    const progress: ExportProgress[] = [];
    const reads: Promise<[Result<unknown>, Result<unknown>]>[] = [];
    core.onEvent((event, payload) => {
      if (event !== "export.progress") return;
      const step = payload as ExportProgress;
      progress.push(step);
      // Midway: what a click on another tab would ask, once the export is awaiting.
      if (step.phase === "Segments" && step.done > 0 && step.done < step.total) {
        reads.push(
          Promise.resolve().then(() =>
            Promise.all([
              core.call("tally.get", {}),
              core.call("answers.list", { questionId: 2, offset: 600, limit: 50 }),
            ]),
          ),
        );
      }
    });
    const path = join(dir, "large.xlsx");
    const report = coreValue<ExportReport>(
      await core.call("export.run", { format: "xlsx", path, sheets: ["segments"] }),
    );

    expect(reads.length).toBeGreaterThanOrEqual(3);
    for (const [tally, answers] of await Promise.all(reads)) {
      expect(tally).toEqual({ ok: true, value: tallyBefore });
      expect(answers.ok).toBe(true);
      const page = coreValue<AnswerPage>(answers);
      expect(page.rows).toHaveLength(50);
    }
    const last = progress.at(-1)!;
    expect(last).toEqual({ phase: "Segments", done: 10_000, total: 10_000 });
    expect(report.sheets).toEqual([{ name: "Segments", rows: 10_000 }]);

    // Every segment once, in questionnaire and respondent order, ties by code then coder.
    const expected = (
      db
        .prepare(
          `SELECT r.external_id, ra.value, q.label, c.name, k.name AS coder, s.start, s."end",
                  a.text, s.memo, s.created_at
             FROM segments s JOIN answers a ON a.id = s.answer_id
             JOIN respondents r ON r.id = a.respondent_id
             JOIN respondent_attributes ra ON ra.respondent_id = r.id
             JOIN questions q ON q.id = a.question_id
             JOIN codes c ON c.id = s.code_id JOIN coders k ON k.id = s.coder_id
            ORDER BY q.position, r.position, s.start, c.position, k.name`,
        )
        .raw()
        .all() as [string, string, string, string, string, number, number, string, string, string][]
    ).map(([rid, country, question, code, coder, start, end, text, memo, created]) => [
      rid,
      country,
      question,
      code,
      code,
      coder,
      points(text, start),
      points(text, end),
      text.slice(start, end),
      memo === "" ? null : memo,
      created,
    ]);
    const segments = sheetRows(await readWorkbook(path), "Segments");
    expect(segments.header).toEqual([
      "Respondent",
      "Country",
      "Question",
      "Code",
      "Level 1",
      "Coder",
      "Start",
      "End",
      "Coded text",
      "Memo",
      "Created",
    ]);
    expect(segments.data).toEqual(expected);
    // Answers with an emoji before their passages count it as one character.
    expect(segments.data.filter((row) => row[6] === 2).length).toBeGreaterThan(0);
    // The tie order in the test's own words: same start and code, Anna before Ben.
    expect(segments.data.slice(2, 4).map((row) => [row[6], row[5]])).toEqual([
      [10, "Anna"],
      [10, "Ben"],
    ]);
  });
});
