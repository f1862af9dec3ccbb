/**
 * Cairn -> .qdpx -> Cairn: a project exported as REFI-QDA and imported into a new project
 * comes back whole: answers (text exactly), respondents, attributes, questions, codes
 * with colours and descriptions, coders, memos, and every segment's exact coded text,
 * coder and code path; in code points (the standard) and in UTF-16 units (NVivo's).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../../electron/core/db/project-file.ts";
import {
  insertAnswerRow,
  insertCodeRow,
  insertQuestionRow,
  insertRespondentRow,
  insertSegmentRow,
} from "../../electron/core/db/refi-import-write.ts";
import { ensureCoder } from "../../electron/core/db/coders.ts";
import { runExport } from "../../electron/core/export/export-service.ts";
import { importRefiProject } from "../../electron/core/refi/import/refi-import-service.ts";
import type { RefiPositions } from "../../shared/api/export-api.ts";
import { cairnInProcess } from "../helpers/cli.ts";
import { exportProject } from "../helpers/export-project.ts";
import { newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { expectValidExport } from "../helpers/xmllint.ts";

const tempDir = useTempDir();
const NOW = "2026-11-24T09:00:00.000Z";

/** Everything the round trip must keep, by names and texts (ids differ between files). */
function contents(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    questions: all("SELECT position, label, text, section FROM questions ORDER BY position"),
    respondents: all("SELECT position, external_id FROM respondents ORDER BY position"),
    attributes: all(
      `SELECT r.external_id, a.name, v.value FROM respondent_attributes v
         JOIN respondents r ON r.id = v.respondent_id JOIN attributes a ON a.id = v.attribute_id
        ORDER BY r.position, a.position`,
    ),
    answers: all(
      `SELECT r.external_id, q.label, a.text, a.status FROM answers a
         JOIN respondents r ON r.id = a.respondent_id JOIN questions q ON q.id = a.question_id
        ORDER BY r.position, q.position`,
    ),
    codes: codePaths(db),
    coders: all("SELECT name FROM coders ORDER BY name"),
    segments: segments(db),
    memos: all(
      `SELECT coalesce(r.external_id, ar.external_id) AS respondent, q.label, k.name, m.text
         FROM memos m JOIN coders k ON k.id = m.coder_id
         LEFT JOIN respondents r ON r.id = m.respondent_id
         LEFT JOIN answers a ON a.id = m.answer_id
         LEFT JOIN respondents ar ON ar.id = a.respondent_id
         LEFT JOIN questions q ON q.id = a.question_id
        WHERE m.code_id IS NULL
        ORDER BY 1, 2, 3`,
    ),
  };
}

function codePaths(db: Db) {
  const rows = db
    .prepare(
      "SELECT id, parent_id, name, color, description, when_to_use, when_not_to_use, example FROM codes",
    )
    .all() as { id: number; parent_id: number | null; name: string }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pathOf = (id: number): string => {
    const row = byId.get(id)!;
    return row.parent_id === null ? row.name : `${pathOf(row.parent_id)} > ${row.name}`;
  };
  return rows
    .map(({ id, parent_id: _parent, name: _name, ...rest }) => ({ path: pathOf(id), ...rest }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

function segments(db: Db) {
  const paths = new Map(
    (db.prepare("SELECT id FROM codes").pluck().all() as number[]).map((id) => [
      id,
      codePathOf(db, id),
    ]),
  );
  const rows = db
    .prepare(
      `SELECT r.external_id, q.label, a.text, s.start, s.end, s.code_id, k.name AS coder, s.memo
         FROM segments s JOIN answers a ON a.id = s.answer_id
         JOIN respondents r ON r.id = a.respondent_id JOIN questions q ON q.id = a.question_id
         JOIN coders k ON k.id = s.coder_id`,
    )
    .all() as {
    external_id: string;
    label: string;
    text: string;
    start: number;
    end: number;
    code_id: number;
    coder: string;
    memo: string;
  }[];
  return rows
    .map((row) => ({
      where: `${row.external_id}/${row.label}`,
      start: row.start,
      end: row.end,
      coded: row.text.slice(row.start, row.end),
      code: paths.get(row.code_id),
      coder: row.coder,
      memo: row.memo,
    }))
    .sort((a, b) =>
      `${a.where}|${a.start}|${a.code}|${a.coder}`.localeCompare(
        `${b.where}|${b.start}|${b.code}|${b.coder}`,
      ),
    );
}

function codePathOf(db: Db, id: number): string {
  const row = db.prepare("SELECT parent_id, name FROM codes WHERE id = ?").get(id) as {
    parent_id: number | null;
    name: string;
  };
  return row.parent_id === null ? row.name : `${codePathOf(db, row.parent_id)} > ${row.name}`;
}

async function exported(path: string, out: string, positions: RefiPositions): Promise<void> {
  const session = newSession();
  session.open(path);
  try {
    await runExport(
      session.db(),
      { format: "qdpx", path: out, positions },
      { signal: new AbortController().signal, onProgress: () => {}, now: NOW },
    );
  } finally {
    session.close();
  }
  await expectValidExport(out);
}

async function imported(qdpx: string, name: string) {
  const session = newSession();
  session.create(join(tempDir(), name));
  const report = await importRefiProject(session.db(), qdpx, { now: NOW });
  return { db: session.db(), report, close: () => session.close() };
}

function contentsOf(path: string) {
  const session = newSession();
  session.open(path);
  try {
    return contents(session.db());
  } finally {
    session.close();
  }
}

describe("Cairn -> .qdpx -> Cairn", () => {
  for (const positions of ["codepoints", "utf16"] as const) {
    it(`keeps the survey, its codebook, coders, memos and every coded passage (${positions})`, async () => {
      const survey = await exportProject(tempDir());
      // A section heading over Q1, and a passage Anna coded from inside one word to inside
      // another ("ants bu" of "@x wants buses"): Cairn's own file keeps it exactly.
      const session = newSession();
      session.open(survey.path);
      session
        .db()
        .prepare("UPDATE questions SET section = ? WHERE label = ?")
        .run("PART A: APPROACH", "Q1");
      session.close();
      const coded = await cairnInProcess(
        "code",
        survey.path,
        "--coder",
        "Anna",
        "--respondent",
        "R1",
        "--question",
        "Q2",
        "--code",
        "Safety>Risk",
        "--start",
        "4",
        "--end",
        "11",
      );
      expect(coded.status, coded.stderr).toBe(0);
      const before = contentsOf(survey.path);
      expect(before.segments.map((s) => s.coded)).toContain("ants bu");
      const qdpx = join(tempDir(), `survey-${positions}.qdpx`);
      await exported(survey.path, qdpx, positions);

      const { db, report, close } = await imported(qdpx, `back-${positions}.cairn`);
      try {
        const after = contents(db);
        expect(after.questions).toEqual(before.questions);
        expect(after.questions).toContainEqual(
          expect.objectContaining({ label: "Q1", section: "PART A: APPROACH" }),
        );
        expect(after.respondents).toEqual(before.respondents);
        expect(after.attributes).toEqual(before.attributes);
        // Statuses too, as the user left them: "-" was taken for an answer, "n/a" is none.
        expect(after.answers).toEqual(before.answers);
        const statusOf = (text: string) =>
          db.prepare("SELECT status FROM answers WHERE text = ?").pluck().get(text);
        expect(statusOf("-")).toBe("answered");
        expect(statusOf("n/a")).toBe("non_response");
        expect(after.codes).toEqual(before.codes);
        expect(after.coders).toEqual(before.coders);
        expect(after.segments).toEqual(before.segments);
        expect(after.memos).toEqual(before.memos);
        expect(report.positions).toMatchObject({ unit: positions, crlf: 2, widened: 0 });
        // Every passage but Anna's mid-word one lies on word boundaries; none is widened.
        expect(report.positions?.onWordBoundaries).toBe((report.positions?.selections ?? 0) - 1);
        expect(report.segments).toBe(before.segments.length);
        expect(report.warnings).toEqual([]);
      } finally {
        close();
      }
    });
  }

  for (const positions of ["codepoints", "utf16"] as const) {
    it(`keeps answers with emoji and CRLF line ends exactly, passages included (${positions})`, async () => {
      const path = join(tempDir(), `crlf-${positions}.cairn`);
      const session = newSession();
      session.create(path);
      const db = session.db();
      const texts = [
        "First line 😀\r\nsecond 🎉🎉 line\r\nthird line",
        "\r\n\r\nAfter 😀😀😀 blank lines\r\nend 🎉",
      ];
      db.transaction(() => {
        const question = insertQuestionRow(db, 1, { label: "Q1", text: "Say something" });
        const code = insertCodeRow(db, {
          parentId: null,
          name: "Lines",
          color: "#1f77b4",
          position: 0,
          description: "",
          whenToUse: "",
          whenNotToUse: "",
          example: "",
        });
        const coder = ensureCoder(db, "Aoife");
        texts.forEach((text, index) => {
          const respondent = insertRespondentRow(db, index + 1, `R${index + 1}`);
          const answer = insertAnswerRow(db, respondent, question, text, "answered");
          for (const part of ["second 🎉🎉 line", "third line", "😀😀😀 blank", "end 🎉"]) {
            const start = text.indexOf(part);
            if (start < 0) continue;
            insertSegmentRow(db, {
              answerId: answer,
              codeId: code,
              coderId: coder,
              start,
              end: start + part.length,
              memo: "",
              createdAt: NOW,
            });
          }
        });
      })();
      const before = contents(db);
      session.close();
      const qdpx = join(tempDir(), `crlf-${positions}.qdpx`);
      await exported(path, qdpx, positions);

      const back = await imported(qdpx, `crlf-back-${positions}.cairn`);
      try {
        const after = contents(back.db);
        expect(after.answers).toEqual(before.answers);
        expect(after.segments).toEqual(before.segments);
        expect(after.segments.map((s) => s.coded)).toEqual([
          "second 🎉🎉 line",
          "third line",
          "😀😀😀 blank",
          "end 🎉",
        ]);
        expect(back.report.positions).toMatchObject({ unit: positions, crlf: 2 });
      } finally {
        back.close();
      }
    });
  }
});
