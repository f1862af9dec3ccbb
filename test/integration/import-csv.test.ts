import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../../electron/core/db/project-file.ts";
import { codeTree } from "../../electron/core/db/codes.ts";
import type { ConflictDecision } from "../../shared/import/mapping.ts";
import { importFiles, writeEncoded } from "../helpers/import.ts";
import { newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

function project() {
  const session = newSession();
  session.create(join(tempDir(), "survey.cairn"));
  return session;
}

function answersTo(db: Db, label: string) {
  return db
    .prepare(
      `SELECT r.external_id AS respondent, a.text, a.status
         FROM answers a JOIN respondents r ON r.id = a.respondent_id
         JOIN questions q ON q.id = a.question_id
        WHERE q.label = ? ORDER BY r.position`,
    )
    .all(label) as { respondent: string; text: string; status: string }[];
}

function attributesOf(db: Db, respondent: string): Record<string, string> {
  const rows = db
    .prepare(
      `SELECT a.name, ra.value FROM respondent_attributes ra
         JOIN attributes a ON a.id = ra.attribute_id
         JOIN respondents r ON r.id = ra.respondent_id
        WHERE r.external_id = ? ORDER BY a.position`,
    )
    .all(respondent) as { name: string; value: string }[];
  return Object.fromEntries(rows.map((row) => [row.name, row.value]));
}

function segmentsOf(db: Db) {
  return db
    .prepare(
      `SELECT r.external_id AS respondent, q.label AS question, c.name AS code,
              p.name AS parent, k.name AS coder, s.start, s.end
         FROM segments s JOIN answers a ON a.id = s.answer_id
         JOIN respondents r ON r.id = a.respondent_id JOIN questions q ON q.id = a.question_id
         JOIN codes c ON c.id = s.code_id LEFT JOIN codes p ON p.id = c.parent_id
         JOIN coders k ON k.id = s.coder_id
        ORDER BY r.position, q.position, c.name`,
    )
    .all();
}

/** A survey export as people write them: quoted multi-line cells, blanks, placeholders. */
const SURVEY = [
  "Respondent ID,Country,Organisation type,What works well in supporting victims?,Any other comments?",
  'R1,Ireland,NGO,"Shelters with trained staff.\r\nAnd a hotline that answers at night.",n/a',
  'R2,Bulgaria,Ministry,"Кризисные центры работают круглосуточно.",',
  'R3,Greece,NGO,"Volunteers 💪 and the police liaison, ""when it works""",-',
  "R4,Poland,Police,   Training for officers   ,Did not answer",
  "",
].join("\r\n");

describe("importing a survey export from CSV", () => {
  it("reads a UTF-8 file with a byte order mark and guesses the mapping", async () => {
    const file = join(tempDir(), "survey.csv");
    writeEncoded(file, SURVEY, "utf-8-bom");
    const session = project();
    const { inspection, report } = await importFiles(session, [file]);

    expect(inspection.encoding).toBe("utf-8");
    expect(inspection.delimiter).toBe(",");
    expect(inspection.guess.idColumn).toBe("Respondent ID");
    expect(inspection.guess.questions.map((q) => q.column)).toEqual([
      "What works well in supporting victims?",
      "Any other comments?",
    ]);
    expect(inspection.guess.attributeColumns).toEqual(["Country", "Organisation type"]);
    expect(report).toMatchObject({
      applied: true,
      respondents_added: 4,
      answers_added: 8,
      conflicts: [],
    });
    session.close();
  });

  it("keeps line breaks inside answers as LF, trims the ends and spots placeholders", async () => {
    const file = join(tempDir(), "survey.csv");
    writeEncoded(file, SURVEY, "utf-8");
    const session = project();
    const { report } = await importFiles(session, [file], {
      mapping: {
        attributeColumns: ["Country", "Organisation type"],
        questions: [
          {
            column: "What works well in supporting victims?",
            label: "Q1",
            text: "What works well?",
          },
          { column: "Any other comments?", label: "Q2", text: "Any other comments?" },
        ],
      },
    });
    expect(report).toMatchObject({ answers_added: 8, non_responses: 3 });
    const db = session.db();
    expect(answersTo(db, "Q1")).toEqual([
      {
        respondent: "R1",
        text: "Shelters with trained staff.\nAnd a hotline that answers at night.",
        status: "answered",
      },
      { respondent: "R2", text: "Кризисные центры работают круглосуточно.", status: "answered" },
      {
        respondent: "R3",
        text: 'Volunteers 💪 and the police liaison, "when it works"',
        status: "answered",
      },
      { respondent: "R4", text: "Training for officers", status: "answered" },
    ]);
    expect(answersTo(db, "Q2").map((a) => [a.text, a.status])).toEqual([
      ["n/a", "non_response"],
      ["", "empty"],
      ["-", "non_response"],
      ["Did not answer", "non_response"],
    ]);
    expect(attributesOf(db, "R2")).toEqual({
      Country: "Bulgaria",
      "Organisation type": "Ministry",
    });
    session.close();
  });

  it.each([
    ["UTF-16 LE with BOM, tab-separated (Excel's Unicode text)", "utf-16le-bom", "\t", "utf-16le"],
    ["UTF-16 BE with BOM, semicolons", "utf-16be-bom", ";", "utf-16be"],
    ["UTF-8 without BOM, semicolons (European Excel)", "utf-8", ";", "utf-8"],
  ] as const)("reads %s", async (_story, encoding, delimiter, expected) => {
    const file = join(tempDir(), "survey.txt");
    const text = SURVEY.replaceAll(",", delimiter).replace(`liaison${delimiter} `, "liaison, ");
    writeEncoded(file, text, encoding);
    const session = project();
    const { inspection } = await importFiles(session, [file]);
    expect(inspection.encoding).toBe(expected);
    expect(inspection.delimiter).toBe(delimiter);
    const answers = answersTo(session.db(), "What works well in supporting victims?");
    expect(answers.map((a) => a.text)).toEqual([
      "Shelters with trained staff.\nAnd a hotline that answers at night.",
      "Кризисные центры работают круглосуточно.",
      'Volunteers 💪 and the police liaison, "when it works"',
      "Training for officers",
    ]);
    session.close();
  });

  it("detects Windows-1252 and lets the user name the encoding instead", async () => {
    const file = join(tempDir(), "legacy.csv");
    const text =
      "ID;Land;Antwort auf die Frage nach der Unterstützung\r\n" +
      "1;Österreich;Die Beratungsstelle kostet 50 € pro Stunde – zu teuer für viele Frauen.\r\n" +
      "2;Deutschland;Keine Angabe\r\n";
    writeEncoded(file, text, "windows-1252");
    const session = project();
    const { inspection } = await importFiles(session, [file]);
    expect(inspection.encoding).toBe("windows-1252");
    const answers = answersTo(session.db(), "Antwort auf die Frage nach der Unterstützung");
    expect(answers).toEqual([
      {
        respondent: "1",
        text: "Die Beratungsstelle kostet 50 € pro Stunde – zu teuer für viele Frauen.",
        status: "answered",
      },
      { respondent: "2", text: "Keine Angabe", status: "non_response" },
    ]);
    session.close();

    const other = newSession();
    other.create(join(tempDir(), "other.cairn"));
    await expect(importFiles(other, [file], { source: { encoding: "utf-8" } })).rejects.toThrow(
      "legacy.csv is not valid UTF-8; choose its encoding, e.g. windows-1252",
    );
    other.close();
  });

  it("uses the user's own list of non-response placeholders", async () => {
    const file = join(tempDir(), "survey.csv");
    writeEncoded(
      file,
      "id,Anything to add?\n1,nothing to add\n2,n/a\n3,A real answer here\n",
      "utf-8",
    );
    const session = project();
    await importFiles(session, [file], { mapping: { nonResponses: ["nothing to add"] } });
    expect(answersTo(session.db(), "Anything to add?").map((a) => a.status)).toEqual([
      "non_response",
      "answered",
      "answered",
    ]);
    session.close();
  });
});

describe("pre-coded columns", () => {
  const CODED = [
    "id,Why?,Code 1,Code 2,Themes",
    '1,"Staff were kind and quick.",Staff>Kindness,Speed,',
    '2,"Long wait, but the nurse explained everything.",Waiting,Staff > Communication,',
    '3,"",Waiting,,',
    '4,"Parking is impossible.",,,"Access>Parking; access > Signage"',
  ].join("\n");

  it("imports code names as whole-answer segments for the named coder, creating codes", async () => {
    const file = join(tempDir(), "coded.csv");
    writeEncoded(file, CODED, "utf-8");
    const session = project();
    const { inspection, report } = await importFiles(session, [file], { coder: "Beatriz" });
    expect(inspection.guess.codeColumns).toEqual([
      { column: "Code 1", question: "Why?", coder: "Beatriz" },
      { column: "Code 2", question: "Why?", coder: "Beatriz" },
      { column: "Themes", question: "Why?", coder: "Beatriz" },
    ]);
    expect(report).toMatchObject({ codes_created: 8, segments_added: 6 });
    expect(report.warnings).toEqual([
      'codes in column "Code 1" for empty answers were skipped (1 time, first at line 4)',
    ]);
    const db = session.db();
    expect(codeTree(db).map((c) => [c.name, c.children.map((k) => k.name)])).toEqual([
      ["Staff", ["Kindness", "Communication"]],
      ["Speed", []],
      ["Waiting", []],
      ["Access", ["Parking", "Signage"]],
    ]);
    expect(segmentsOf(db)).toContainEqual({
      respondent: "4",
      question: "Why?",
      code: "Signage",
      parent: "Access",
      coder: "Beatriz",
      start: 0,
      end: "Parking is impossible.".length,
    });
    session.close();
  });

  it("changes nothing when the same coded sheet is imported twice", async () => {
    const file = join(tempDir(), "coded.csv");
    writeEncoded(file, CODED, "utf-8");
    const session = project();
    await importFiles(session, [file], { coder: "Beatriz" });
    const before = snapshot(session.db());
    const { report } = await importFiles(session, [file], { coder: " beatriz " });
    expect(report).toMatchObject({
      applied: true,
      respondents_added: 0,
      respondents_matched: 4,
      answers_unchanged: 4,
      codes_created: 0,
      segments_added: 0,
    });
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });

  it("reads a custom delimiter and sub-code separator", async () => {
    const file = join(tempDir(), "coded.csv");
    writeEncoded(
      file,
      'id,What happened?,Codes\n1,"Nothing much",Safety->Risk | Support\n',
      "utf-8",
    );
    const session = project();
    await importFiles(session, [file], {
      coder: "Ann",
      mapping: { codeDelimiter: "|", codeSeparator: "->" },
    });
    expect(codeTree(session.db()).map((c) => [c.name, c.children.map((k) => k.name)])).toEqual([
      ["Safety", ["Risk"]],
      ["Support", []],
    ]);
    session.close();
  });
});

describe("a second wave merges by respondent id", () => {
  const WAVE1 = "id,Country,What should change?\n1,Ireland,More shelters\n2,Greece,Faster courts\n";
  const WAVE2 =
    "id,Country,What should change?,Anything else?\n" +
    "2,Greece,Faster courts,Training for judges is needed\n" +
    "1,Ireland,More shelters and hotlines,\n" +
    "3,Cyprus,Better data,n/a\n";

  async function firstWave() {
    const dir = tempDir();
    writeFileSync(join(dir, "wave1.csv"), WAVE1);
    writeFileSync(join(dir, "wave2.csv"), WAVE2);
    const session = project();
    const mapping = {
      idColumn: "id",
      attributeColumns: ["Country"],
      questions: [{ column: "What should change?", label: "Q1", text: "What should change?" }],
    };
    await importFiles(session, [join(dir, "wave1.csv")], { mapping });
    const answerId = (
      session.db().prepare("SELECT id FROM answers WHERE text = 'More shelters'").get() as {
        id: number;
      }
    ).id;
    session
      .db()
      .prepare(
        "INSERT INTO codes (parent_id, name, color, description, position) VALUES (NULL, 'Shelters', '#4e79a7', '', 0)",
      )
      .run();
    session.db().prepare("INSERT INTO coders (name, name_key) VALUES ('Aoife', 'aoife')").run();
    session
      .db()
      .prepare(
        "INSERT INTO segments (answer_id, code_id, coder_id, start, end, memo, created_at) VALUES (?, 1, 1, 5, 13, '', 'x')",
      )
      .run(answerId);
    const wave2 = {
      idColumn: "id",
      attributeColumns: ["Country"],
      questions: [
        { column: "What should change?", label: "Q1", text: "What should change?" },
        { column: "Anything else?", label: "Q2", text: "Anything else?" },
      ],
    };
    return { session, wave2: join(dir, "wave2.csv"), mapping: wave2 };
  }

  it("shows every conflict and applies nothing until the user decides", async () => {
    const { session, wave2, mapping } = await firstWave();
    const before = snapshot(session.db());
    const { report } = await importFiles(session, [wave2], { mapping });
    expect(report.applied).toBe(false);
    expect(report.conflicts).toEqual([
      {
        kind: "answer",
        key: "answer\u00001\u0000Q1",
        respondent: "1",
        question: "Q1",
        existing: "More shelters",
        incoming: "More shelters and hotlines",
        segments: 1,
        line: 3,
      },
    ]);
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });

  it("keeps the old answer and its coding when the user says keep", async () => {
    const { session, wave2, mapping } = await firstWave();
    const { report } = await importFiles(session, [wave2], { mapping, onConflict: "keep" });
    expect(report).toMatchObject({
      applied: true,
      respondents_added: 1,
      respondents_matched: 2,
      questions_added: 1,
      answers_added: 4,
      answers_unchanged: 2,
      answers_replaced: 0,
      non_responses: 1,
    });
    const db = session.db();
    expect(answersTo(db, "Q1").map((a) => a.text)).toEqual([
      "More shelters",
      "Faster courts",
      "Better data",
    ]);
    expect(answersTo(db, "Q2").map((a) => [a.respondent, a.status])).toEqual([
      ["1", "empty"],
      ["2", "answered"],
      ["3", "non_response"],
    ]);
    expect(segmentsOf(db)).toHaveLength(1);
    session.close();
  });

  it("replaces the answer and drops its coding when the user says replace for it", async () => {
    const { session, wave2, mapping } = await firstWave();
    const { report } = await importFiles(session, [wave2], {
      mapping,
      decisions: [{ key: "answer\u00001\u0000Q1", choice: "replace" }],
    });
    expect(report).toMatchObject({ applied: true, answers_replaced: 1, segments_removed: 1 });
    expect(answersTo(session.db(), "Q1")[0]?.text).toBe("More shelters and hotlines");
    expect(segmentsOf(session.db())).toEqual([]);
    session.close();
  });
});

describe("a long export: one row per answer", () => {
  const LONG = [
    "Respondent,Country,Question,Answer text,Sentiment,Codes",
    '1,Ireland,Why?,"The staff listened, and the nurse explained everything.",positive,Staff',
    "1,Ireland,What could be better?,Parking near the entrance.,negative,Access>Parking",
    "2,Malta,Why?,Did not answer,,",
    '2,Malta,What could be better?,"Shorter waits in A&E, please.",negative,Waiting',
    "3,Cyprus,Why?,Quick and kind.,positive,Staff; Speed",
  ].join("\n");

  it("is recognised, and gathers each respondent's rows", async () => {
    const file = join(tempDir(), "long.csv");
    writeEncoded(file, LONG, "utf-8");
    const session = project();
    const { inspection, report } = await importFiles(session, [file], { coder: "Ann" });
    expect(inspection.guess).toMatchObject({
      idColumn: "Respondent",
      long: { questionColumn: "Question", answerColumn: "Answer text" },
      questions: [],
      attributeColumns: ["Country"],
      codeColumns: [{ column: "Codes", question: "Answer text", coder: "Ann" }],
    });
    expect(report).toMatchObject({
      applied: true,
      respondents_added: 3,
      questions_added: 2,
      answers_added: 5,
      non_responses: 1,
      segments_added: 5,
    });
    const db = session.db();
    expect(session.summary().questions.map((q) => [q.label, q.answered])).toEqual([
      ["Why?", 2],
      ["What could be better?", 2],
    ]);
    expect(answersTo(db, "What could be better?").map((a) => a.respondent)).toEqual(["1", "2"]);
    expect(attributesOf(db, "2")).toEqual({ Country: "Malta" });
    expect(segmentsOf(db)).toContainEqual(
      expect.objectContaining({
        respondent: "1",
        question: "What could be better?",
        code: "Parking",
      }),
    );
    session.close();
  });

  it("refuses a respondent who answers one question twice", async () => {
    const file = join(tempDir(), "long.csv");
    writeEncoded(file, LONG + "\n1,Ireland,Why?,Again,,", "utf-8");
    const session = project();
    const before = snapshot(session.db());
    await expect(importFiles(session, [file], { coder: "Ann" })).rejects.toThrow(
      'long.csv: respondent "1" answers "Why?" twice, on lines 2 and 7',
    );
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });

  it("keeps the first of differing attribute values and says so", async () => {
    const file = join(tempDir(), "long.csv");
    writeEncoded(file, LONG.replace("1,Ireland,What could", "1,Éire,What could"), "utf-8");
    const session = project();
    const { report } = await importFiles(session, [file], {
      coder: "Ann",
      mapping: {
        idColumn: "Respondent",
        attributeColumns: ["Country"],
        questions: [],
        codeColumns: [],
        long: { questionColumn: "Question", answerColumn: "Answer text" },
      },
    });
    expect(report.warnings).toEqual([
      '"Country" differs between rows of one respondent; the first value was kept (1 time, first at line 3)',
    ]);
    expect(attributesOf(session.db(), "1")).toEqual({ Country: "Ireland" });
    session.close();
  });
});

describe("a wave with more conflicts than one list shows", () => {
  it("lists the undecided ones first, so each round of decisions shows the next", async () => {
    const dir = tempDir();
    const wave = (suffix: string) =>
      ["id,Answer?", ...Array.from({ length: 600 }, (_, i) => `R${i},answer ${i}${suffix}`)].join(
        "\n",
      );
    writeFileSync(join(dir, "wave1.csv"), wave(""));
    writeFileSync(join(dir, "wave2.csv"), wave(" (revised)"));
    const session = project();
    await importFiles(session, [join(dir, "wave1.csv")]);

    const first = (await importFiles(session, [join(dir, "wave2.csv")])).report;
    expect(first).toMatchObject({ applied: false, conflicts_total: 600, conflicts_unsettled: 600 });
    expect(first.conflicts).toHaveLength(500);

    const decisions: ConflictDecision[] = first.conflicts.map((c) => ({
      key: c.key,
      choice: "keep",
    }));
    const second = (await importFiles(session, [join(dir, "wave2.csv")], { decisions })).report;
    expect(second).toMatchObject({
      applied: false,
      conflicts_total: 600,
      conflicts_unsettled: 100,
    });
    expect(second.conflicts.slice(0, 100).map((c) => c.key)).not.toContain(decisions[0]!.key);

    decisions.push(
      ...second.conflicts.slice(0, 100).map((c) => ({ key: c.key, choice: "replace" as const })),
    );
    const third = (await importFiles(session, [join(dir, "wave2.csv")], { decisions })).report;
    expect(third).toMatchObject({ applied: true, answers_replaced: 100, answers_unchanged: 500 });
    session.close();
  });
});

describe("bad input gets one clear message and changes nothing", () => {
  it.each([
    [
      "a duplicate respondent id",
      "id,Answer text\nR1,first answer\nR2,second\nR1,third\n",
      'duplicate respondent id "R1" on lines 2 and 4',
    ],
    [
      "an unbalanced quote",
      'id,Answer text\nR1,"fine"\nR2,"never closed\nR3,x\n',
      "unbalanced quote at line 3",
    ],
    [
      "a row wider than the header",
      "id,Answer text\nR1,a,b,c\n",
      "line 2 has 4 cells but the header has 2",
    ],
    ["an empty file", "", "is empty"],
    ["a file without a header row", "\n\n", "has no header row"],
  ])("%s", async (_story, content, message) => {
    const file = join(tempDir(), "bad.csv");
    writeFileSync(file, content);
    const session = project();
    const before = snapshot(session.db());
    await expect(
      importFiles(session, [file], {
        mapping: {
          idColumn: "id",
          questions: [{ column: "Answer text", label: "Q", text: "Q" }],
          attributeColumns: [],
        },
      }),
    ).rejects.toThrow(message);
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });

  it("refuses binary data that is not a text table", async () => {
    const file = join(tempDir(), "photo.csv");
    writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const session = project();
    await expect(importFiles(session, [file])).rejects.toThrow("photo.csv is not a text table");
    session.close();
  });

  it("rolls a failed import back whole, even after thousands of rows were written", async () => {
    const rows = Array.from(
      { length: 12_000 },
      (_, i) => `R${i},answer number ${i} with some words`,
    );
    rows.push("R5,a duplicate near the end");
    const file = join(tempDir(), "big.csv");
    writeFileSync(file, ["id,Answer text", ...rows].join("\n"));
    const session = project();
    const before = snapshot(session.db());
    await expect(importFiles(session, [file])).rejects.toThrow('duplicate respondent id "R5"');
    expect(snapshot(session.db())).toBe(before);
    session.close();
  });
});

describe("the NHS patient feedback export", () => {
  const NHS = join(
    import.meta.dirname,
    "../../../shared/fixtures/nhs-feedback/v6framework_230831.csv",
  );
  let available = true;
  try {
    readFileSync(NHS, { flag: "r" });
  } catch {
    available = false;
    console.warn(`skipping the NHS fixture tests: ${NHS} is not there (see ../shared/README.md)`);
  }

  it.skipIf(!available)("imports 7,908 comments with their blanks and non-responses", async () => {
    const session = project();
    const { report } = await importFiles(session, [NHS], {
      mapping: {
        idColumn: "Comment ID",
        attributeColumns: ["Trust", "Respondent ID", "FFT question"],
        questions: [{ column: "FFT answer", label: "FFT answer", text: "FFT answer" }],
        codeColumns: [],
        long: null,
      },
    });
    const Papa = (await import("papaparse")).default;
    const expected = Papa.parse<Record<string, string>>(readFileSync(NHS, "utf8"), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const blanks = expected.filter((row) => (row["FFT answer"] ?? "").trim() === "").length;
    const didNotAnswer = expected.filter(
      (row) => (row["FFT answer"] ?? "").trim().toLowerCase() === "did not answer",
    ).length;
    expect(report.respondents_added).toBe(7908);
    expect(blanks).toBe(508);
    const summary = session.summary().questions[0]!;
    expect(summary.empty).toBe(508);
    expect(summary.non_response).toBeGreaterThanOrEqual(didNotAnswer);
    expect(summary.answered + summary.empty + summary.non_response).toBe(7908);
    session.close();
  });

  it.skipIf(!available)("reads the export as one row per answer, by respondent", async () => {
    const session = project();
    const { inspection, report } = await importFiles(session, [NHS]);
    expect(inspection.guess).toMatchObject({
      idColumn: "Respondent ID",
      long: { questionColumn: "FFT question", answerColumn: "FFT answer" },
    });
    expect(inspection.guess.attributeColumns).toContain("Trust");
    const rows = (await import("papaparse")).default.parse<Record<string, string>>(
      readFileSync(NHS, "utf8"),
      { header: true, skipEmptyLines: true },
    ).data;
    expect(report).toMatchObject({
      applied: true,
      respondents_added: new Set(rows.map((r) => r["Respondent ID"])).size,
      // Two spellings differ only in a line break: one question.
      questions_added: new Set(
        rows.map((r) => (r["FFT question"] ?? "").replace(/\s+/g, " ").trim()),
      ).size,
      answers_added: 7908,
    });
    session.close();
  });

  const PHASE1 = join(NHS, "../phase1_text_data.csv");

  it.skipIf(!available)("imports 10,334 answers pre-coded into 44 sub-categories", async () => {
    const session = project();
    const { report } = await importFiles(session, [PHASE1], {
      coder: "NHS team",
      mapping: {
        idColumn: "row_index",
        attributeColumns: ["organization", "question"],
        questions: [{ column: "feedback", label: "Feedback", text: "What could be improved?" }],
        codeColumns: [{ column: "subcategory", question: "Feedback", coder: "NHS team" }],
      },
    });
    const expected = new Set(
      (await import("papaparse")).default
        .parse<Record<string, string>>(readFileSync(PHASE1, "utf8"), {
          header: true,
          skipEmptyLines: true,
        })
        .data.map((row) => (row.subcategory ?? "").trim().toLowerCase()),
    );
    expect(report).toMatchObject({
      applied: true,
      respondents_added: 10_334,
      codes_created: expected.size,
      segments_added: 10_334,
    });
    expect(expected.size).toBe(44);
    session.close();
  });
});
