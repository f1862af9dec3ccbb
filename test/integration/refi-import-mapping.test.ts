/**
 * The REFI-QDA mapping (decision 0016) on projects built by hand, as the reader would
 * produce them: a Cairn-shaped file rebuilds its survey grid, any other file becomes one
 * respondent per source; codes, coders, segments and memos follow.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../../electron/core/db/project-file.ts";
import type {
  RefiCode,
  RefiProject,
  RefiSelection,
  RefiTextSource,
} from "../../electron/core/refi/model.ts";
import { importRefiModel } from "../../electron/core/refi/import/refi-import-service.ts";
import { NON_RESPONSE_MARK } from "../../shared/refi/code-description.ts";
import type { DetectedReading } from "../../shared/refi/position-detect.ts";
import { newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const NOW = "2026-11-24T09:00:00.000Z";
const STANDARD: DetectedReading = {
  reading: { unit: "codepoints", crlf: 2 },
  onWordBoundaries: 0,
  selections: 0,
  explanation: "code points",
};

function newProject(name = "imported.cairn"): Db {
  const session = newSession();
  session.create(join(tempDir(), name));
  return session.db();
}

function project(parts: Partial<RefiProject>): RefiProject {
  return {
    name: "",
    origin: null,
    users: [],
    codes: [],
    variables: [],
    cases: [],
    sources: [],
    notes: [],
    sets: [],
    description: null,
    skippedSources: {},
    warnings: [],
    ...parts,
  };
}

function code(guid: string, name: string, more: Partial<RefiCode> = {}): RefiCode {
  return {
    guid,
    name,
    isCodable: true,
    color: null,
    description: null,
    noteGuids: [],
    children: [],
    ...more,
  };
}

function source(
  guid: string,
  name: string,
  text: string | null,
  more: Partial<RefiTextSource> = {},
): RefiTextSource {
  return {
    guid,
    name,
    description: null,
    text,
    textProblem: null,
    lineEndsFromXml: false,
    creatingUser: null,
    creationDateTime: null,
    selections: [],
    codings: [],
    noteGuids: [],
    values: [],
    ...more,
  };
}

function selection(
  guid: string,
  start: number,
  end: number,
  codings: { code: string; user?: string; date?: string; notes?: string[] }[],
  more: Partial<RefiSelection> = {},
): RefiSelection {
  return {
    guid,
    name: null,
    start,
    end,
    creatingUser: null,
    creationDateTime: null,
    description: null,
    noteGuids: [],
    codings: codings.map((c, i) => ({
      guid: `${guid}-c${i}`,
      codeGuid: c.code,
      creatingUser: c.user ?? null,
      creationDateTime: c.date ?? null,
      noteGuids: c.notes ?? [],
    })),
    ...more,
  };
}

function rows(db: Db, sql: string): unknown[] {
  return db.prepare(sql).all();
}

/** Each segment's coded text (sliced in UTF-16 units, as Cairn's offsets count). */
function codedPassages(db: Db) {
  const segments = db
    .prepare(
      `SELECT a.text, s.start, s.end, c.name AS code, k.name AS coder, s.memo, s.created_at
         FROM segments s JOIN answers a ON a.id = s.answer_id
         JOIN codes c ON c.id = s.code_id JOIN coders k ON k.id = s.coder_id
        ORDER BY s.answer_id, s.start`,
    )
    .all() as { text: string; start: number; end: number }[];
  return segments.map(({ text, start, end, ...rest }) => ({
    coded: text.slice(start, end),
    ...rest,
  }));
}

/** Two respondents, two questions, as Cairn exports them. */
function cairnShaped(): RefiProject {
  return project({
    name: "Night survey",
    origin: "Cairn 1.0",
    users: [
      { guid: "U-A", name: "Aoife" },
      { guid: "u-b", name: " Brian " },
    ],
    codes: [
      code("c-safety", "Safety", {
        color: "#1f77b4",
        description: "Feeling safe\n\nWhen to use: any risk\n\nExample: dark streets",
        children: [code("c-night", "At night"), code("c-day", "By day")],
      }),
    ],
    variables: [
      { guid: "v-country", name: "Country", type: "Text", description: null },
      { guid: "v-age", name: "Age", type: "Integer", description: null },
    ],
    cases: [
      {
        guid: "case-1",
        name: "R001",
        description: "Aoife: called back\n\nsecond line\n\nBrian: follow up",
        values: [
          { variableGuid: "V-COUNTRY", value: "Ireland" },
          { variableGuid: "v-age", value: 42 },
        ],
        sourceGuids: ["s-1-1", "s-1-2"],
      },
      {
        guid: "case-2",
        name: "R002",
        description: null,
        values: [{ variableGuid: "v-country", value: "Wales" }],
        sourceGuids: ["s-2-1"],
      },
    ],
    sources: [
      source("s-1-1", "R001 · Q1", "I feel 😀 safe\r\nat night", {
        selections: [
          selection("sel-1", 9, 15, [{ code: "c-night", user: "u-a", notes: ["n-1"] }]),
          selection("sel-2", 15, 23, [{ code: "C-NIGHT", user: "u-a" }]),
          selection("sel-3", 0, 6, [{ code: "c-day", user: "u-b", date: "2025-01-02T03:04:05Z" }]),
        ],
        noteGuids: ["n-2"],
      }),
      source("s-1-2", "R001 · Q2", "n/a", { description: NON_RESPONSE_MARK }),
      source("s-2-1", "R002 · Q1", "Never", {
        codings: [
          {
            guid: "w",
            codeGuid: "c-safety",
            creatingUser: null,
            creationDateTime: null,
            noteGuids: [],
          },
        ],
      }),
    ],
    notes: [
      { guid: "n-1", name: null, text: "emoji", creatingUser: "u-a", creationDateTime: null },
      { guid: "n-2", name: null, text: "asked twice", creatingUser: "u-b", creationDateTime: null },
    ],
    sets: [
      {
        guid: "set-1",
        name: "Q1",
        description: "How safe do you feel?",
        memberCodeGuids: [],
        memberSourceGuids: ["s-1-1", "s-2-1"],
      },
      {
        guid: "set-2",
        name: "Q2",
        description: "Anything else?\n\nSection: PART B",
        memberCodeGuids: [],
        memberSourceGuids: ["s-1-2"],
      },
    ],
  });
}

describe("a Cairn-shaped file", () => {
  it("takes answers' statuses from Cairn's marks, and detects them in another program's file", () => {
    let imports = 0;
    const statuses = (origin: string, mark: string | null) => {
      const file = cairnShaped();
      const db = newProject(`imported-${++imports}.cairn`);
      const sources = file.sources.map((s) =>
        s.guid === "s-2-1" ? { ...s, text: "-", description: mark } : s,
      );
      importRefiModel(db, { ...file, origin, sources }, { now: NOW }, STANDARD);
      return rows(db, "SELECT text, status FROM answers ORDER BY id");
    };
    // Cairn wrote it: "-" was an answer there (no mark), "n/a" was marked as none.
    expect(statuses("Cairn 0.1.0", null)).toEqual([
      { text: "I feel 😀 safe\r\nat night", status: "answered" },
      { text: "n/a", status: "non_response" },
      { text: "-", status: "answered" },
      { text: "", status: "empty" },
    ]);
    expect(statuses("Cairn 0.1.0", NON_RESPONSE_MARK)[2]).toEqual({
      text: "-",
      status: "non_response",
    });
    // Another program's file has no statuses: the placeholder rule decides.
    expect(statuses("MAXQDA 2022", null)).toEqual([
      { text: "I feel 😀 safe\r\nat night", status: "answered" },
      { text: "n/a", status: "non_response" },
      { text: "-", status: "non_response" },
      { text: "", status: "empty" },
    ]);
  });

  it("rebuilds the grid: questions from sets, respondents from cases, an empty answer for a blank cell", () => {
    const db = newProject();
    const report = importRefiModel(db, cairnShaped(), { now: NOW }, STANDARD);
    expect(report).toMatchObject({ respondents: 2, questions: 2, answers: 4, codes: 3, users: 2 });
    expect(
      rows(db, "SELECT position, label, text, section FROM questions ORDER BY position"),
    ).toEqual([
      { position: 1, label: "Q1", text: "How safe do you feel?", section: "" },
      { position: 2, label: "Q2", text: "Anything else?", section: "PART B" },
    ]);
    expect(
      rows(
        db,
        `SELECT r.external_id AS r, q.label AS q, a.text, a.status FROM answers a
           JOIN respondents r ON r.id = a.respondent_id JOIN questions q ON q.id = a.question_id
          ORDER BY r.position, q.position`,
      ),
    ).toEqual([
      { r: "R001", q: "Q1", text: "I feel 😀 safe\r\nat night", status: "answered" },
      { r: "R001", q: "Q2", text: "n/a", status: "non_response" },
      { r: "R002", q: "Q1", text: "Never", status: "answered" },
      { r: "R002", q: "Q2", text: "", status: "empty" },
    ]);
    expect(
      rows(
        db,
        `SELECT r.external_id AS r, a.name, v.value FROM respondent_attributes v
           JOIN respondents r ON r.id = v.respondent_id JOIN attributes a ON a.id = v.attribute_id
          ORDER BY r.position, a.position`,
      ),
    ).toEqual([
      { r: "R001", name: "Country", value: "Ireland" },
      { r: "R001", name: "Age", value: "42" },
      { r: "R002", name: "Country", value: "Wales" },
    ]);
    expect(db.prepare("SELECT value FROM project_meta WHERE key = 'name'").pluck().get()).toBe(
      "Night survey",
    );
  });

  it("keeps the code tree with colours, the palette for the rest, and splits descriptions", () => {
    const db = newProject();
    importRefiModel(db, cairnShaped(), { now: NOW }, STANDARD);
    const codes = rows(
      db,
      `SELECT c.name, p.name AS parent, c.color, c.description, c.when_to_use, c.example
         FROM codes c LEFT JOIN codes p ON p.id = c.parent_id ORDER BY c.id`,
    ) as { name: string; parent: string | null; color: string }[];
    expect(codes[0]).toEqual({
      name: "Safety",
      parent: null,
      color: "#1f77b4",
      description: "Feeling safe",
      when_to_use: "any risk",
      example: "dark streets",
    });
    expect(codes.slice(1).map((c) => [c.name, c.parent])).toEqual([
      ["At night", "Safety"],
      ["By day", "Safety"],
    ]);
    expect(new Set(codes.map((c) => c.color)).size).toBe(3);
  });

  it("codes the passages the positions meant, merges one coder's touching codings, and keeps memos", () => {
    const db = newProject();
    const report = importRefiModel(db, cairnShaped(), { now: NOW }, STANDARD);
    const segments = codedPassages(db);
    // Code points: the emoji is one position and CRLF two, so 9..15 is "safe\r\n" and
    // 15..23 "at night"; the two of Aoife's "At night" touch and merge into one.
    expect(segments).toEqual([
      {
        coded: "I feel",
        code: "By day",
        coder: "Brian",
        memo: "",
        created_at: "2025-01-02T03:04:05.000Z",
      },
      {
        coded: "safe\r\nat night",
        code: "At night",
        coder: "Aoife",
        memo: "emoji",
        created_at: NOW,
      },
      { coded: "Never", code: "Safety", coder: "Cairn", memo: "", created_at: NOW },
    ]);
    expect(report.segments).toBe(3);
    expect(report.warnings.join(" ")).toContain("1 coding overlapped or touched");
    expect(rows(db, "SELECT name FROM coders ORDER BY id")).toEqual([
      { name: "Aoife" },
      { name: "Brian" },
      { name: "Cairn" },
    ]);
    const memos = rows(
      db,
      `SELECT m.text, k.name AS coder, m.answer_id IS NOT NULL AS onAnswer FROM memos m
         JOIN coders k ON k.id = m.coder_id ORDER BY m.id`,
    );
    expect(memos).toEqual([
      { text: "asked twice", coder: "Brian", onAnswer: 1 },
      { text: "called back\n\nsecond line", coder: "Aoife", onAnswer: 0 },
      { text: "follow up", coder: "Brian", onAnswer: 0 },
    ]);
  });

  it("is not an undo step", () => {
    const db = newProject();
    importRefiModel(db, cairnShaped(), { now: NOW }, STANDARD);
    expect(db.prepare("SELECT count(*) FROM history_steps").pluck().get()).toBe(0);
  });
});

describe("any other file", () => {
  function interviews(): RefiProject {
    return project({
      origin: "NVivo for Windows 12.6",
      users: [{ guid: "u1", name: null }],
      codes: [
        code("k1", "Trust > Doctors", {
          isCodable: false,
          children: [code("k2", "GP"), code("k3", "gp"), code("k4", "   ")],
        }),
      ],
      variables: [{ guid: "v1", name: "Site", type: "Text", description: null }],
      cases: [
        {
          guid: "case-a",
          name: "A",
          description: null,
          values: [{ variableGuid: "v1", value: "North" }],
          sourceGuids: ["s1", "s2"],
        },
        {
          guid: "case-b",
          name: "B",
          description: null,
          values: [{ variableGuid: "v1", value: "South" }],
          sourceGuids: ["s2"],
        },
      ],
      sources: [
        source("s1", "Interview", "My GP is kind", {
          selections: [
            selection("x1", 3, 5, [{ code: "k2", user: "u1" }, { code: "missing" }]),
            selection("x2", 3, 99, [{ code: "k3" }]),
            selection("x3", 4, 4, [{ code: "k4", user: "nobody" }]),
          ],
        }),
        source("s2", "Interview", "Fine"),
        source("s3", "Lost", null, { textProblem: "sources/s3.txt is not in the file" }),
      ],
    });
  }

  it("makes one respondent per source answering one question 'Text', with its case's attributes", () => {
    const db = newProject();
    const report = importRefiModel(db, interviews(), { now: NOW }, STANDARD);
    expect(report).toMatchObject({ respondents: 2, questions: 1, answers: 2 });
    expect(rows(db, "SELECT label, text FROM questions")).toEqual([{ label: "Text", text: "" }]);
    expect(rows(db, "SELECT external_id FROM respondents ORDER BY position")).toEqual([
      { external_id: "Interview" },
      { external_id: "Interview (2)" },
    ]);
    expect(rows(db, "SELECT value FROM respondent_attributes ORDER BY respondent_id")).toEqual([
      { value: "North" },
      { value: "North" },
    ]);
    const warnings = report.warnings.join("\n");
    expect(warnings).toContain("1 source is in several cases");
    expect(warnings).toContain("1 text source has no readable text");
    expect(warnings).toContain("1 coding names a code the file does not have");
    expect(warnings).toContain("1 selection lies outside");
    expect(warnings).toContain("1 selection is empty");
    expect(warnings).toContain('"Text"');
  });

  it("repairs code names, numbers twins, and names an unnamed user and the program's coder", () => {
    const db = newProject();
    const report = importRefiModel(db, interviews(), { now: NOW }, STANDARD);
    expect(rows(db, "SELECT name FROM codes ORDER BY id")).toEqual([
      { name: "Trust › Doctors" },
      { name: "GP" },
      { name: "gp (2)" },
      { name: "Unnamed code" },
    ]);
    expect(report.warnings.join("\n")).toMatch(
      /2 code names were not valid[^\n]*\n1 code has the name of a sibling/,
    );
    // The codings without a user were left out, so no "NVivo" coder was needed.
    expect(rows(db, "SELECT name FROM coders ORDER BY id")).toEqual([{ name: "User 1" }]);
    expect(
      rows(
        db,
        "SELECT k.name AS coder, s.start, s.end FROM segments s JOIN coders k ON k.id = s.coder_id",
      ),
    ).toEqual([{ coder: "User 1", start: 3, end: 5 }]);
  });

  it("a file of users only makes coders and nothing else", () => {
    const db = newProject();
    const report = importRefiModel(
      db,
      project({
        users: [
          { guid: "a", name: "Enric" },
          { guid: "b", name: "ATLAS.ti" },
        ],
        origin: "ATLAS.ti 23",
      }),
      { now: NOW },
      null,
    );
    expect(report).toMatchObject({
      users: 2,
      respondents: 0,
      questions: 0,
      answers: 0,
      segments: 0,
      positions: null,
    });
    expect(rows(db, "SELECT name FROM coders ORDER BY id")).toEqual([
      { name: "Enric" },
      { name: "ATLAS.ti" },
    ]);
  });
});

describe("refusals", () => {
  it("a project that has answers is refused and unchanged", () => {
    const db = newProject();
    importRefiModel(db, cairnShaped(), { now: NOW }, STANDARD);
    const before = snapshot(db);
    expect(() => importRefiModel(db, cairnShaped(), { now: NOW }, STANDARD)).toThrow(
      "this project already has answers; import a REFI-QDA project into a new project",
    );
    expect(snapshot(db)).toBe(before);
  });
});
