import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PseudonymisePreview, PseudonymiseReport } from "../../shared/api/safety-api.ts";
import type { SearchResult } from "../../shared/api/search-api.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { codeAnswer, importedSurvey, surveyMapping } from "../helpers/coding-project.ts";
import { fileHash, newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const Q1 =
  "Anna Schmidt told me that Anna's shelter in Dublin is full. Call +44 20 7946 0958 or " +
  "write to anna@example.org.";
const Q1_AFTER =
  "[name 1] told me that [name 2]'s shelter in City X is full. Call [phone] or write to [email].";

const CSV = [
  "id,Country,Q1,Q2",
  `Anna Schmidt,Ireland,"${Q1}",Boris says hi`,
  `R2,Dublin,"Nothing about anyone.",n/a`,
].join("\n");

const TERMS = [
  { find: "Anna Schmidt", replace: "[name 1]" },
  { find: "Anna", replace: "[name 2]" },
  { find: "Dublin", replace: "City X" },
  { find: "Boris", replace: "[name 3]" },
];
const OPTIONS = { terms: TERMS, phones: true, emails: true };

/** A survey whose first respondent names people; a coder has coded some of it. */
async function namedSurvey(dir: string) {
  const project = await importedSurvey(dir, CSV, surveyMapping("Who helped you?"));
  const q1 = project.answer("Anna Schmidt", "Q1");
  const coder = { coder: "Coder One" };
  codeAnswer(project, q1, "People", [0, 12], { ...coder, memo: "Anna is the director" });
  codeAnswer(project, q1, "Shelter", [Q1.indexOf("Anna's"), Q1.indexOf(" is full")], coder);
  codeAnswer(project, q1, "Partial", [2, 9], coder); // "na Schm": both edges inside the name
  codeAnswer(project, q1, "Contact", [Q1.indexOf("Call"), Q1.length], coder);
  const db = project.db();
  db.prepare("UPDATE codes SET description = 'as Anna puts it' WHERE name = 'People'").run();
  db.prepare(
    `INSERT INTO memos (respondent_id, text, created_at, updated_at)
     VALUES (?, 'Met Boris in Dublin', 'now', 'now')`,
  ).run(project.respondent("R2"));
  project.session.close();
  return project;
}

function spansOf(path: string) {
  const session = newSession();
  session.open(path);
  try {
    return session
      .db()
      .prepare(
        `SELECT c.name AS code, substr(a.text, s.start + 1, s."end" - s.start) AS passage, s.memo
           FROM segments s JOIN codes c ON c.id = s.code_id JOIN answers a ON a.id = s.answer_id
          ORDER BY c.name`,
      )
      .all();
  } finally {
    session.close();
  }
}

describe("a pseudonymised copy for a second coder or an archive", () => {
  const tempDir = useTempDir();
  const open = useCoreProject();

  it("replaces the names and moves every coded passage onto the pseudonyms", async () => {
    const dir = tempDir();
    const { path } = await namedSurvey(dir);
    const core = open(dir, path);
    const target = join(dir, "survey pseudonymised.cairn");
    const report = coreValue<PseudonymiseReport>(
      await core.call("project.pseudonymise", { ...OPTIONS, target }),
    );
    core.shutdown();
    expect(report).toEqual({
      path: target,
      // Q1 5 (the address goes whole, "anna" in it too), Q2 1, the segment's memo 1, the
      // code's description 1, the respondent's memo 2, the respondent's id 1, Country 1.
      replacements: 12,
      byTerm: [
        { find: "Anna Schmidt", replace: "[name 1]", count: 2 },
        { find: "Anna", replace: "[name 2]", count: 3 },
        { find: "Dublin", replace: "City X", count: 3 },
        { find: "Boris", replace: "[name 3]", count: 2 },
        { find: "e-mail addresses", replace: "[email]", count: 1 },
        { find: "telephone numbers", replace: "[phone]", count: 1 },
      ],
      answersChanged: 2,
      segmentsReanchored: 4,
      memosChanged: 2,
      attributeValuesChanged: 1,
      respondentIdsChanged: 1,
    });
    expect(spansOf(target)).toEqual([
      { code: "Contact", passage: "Call [phone] or write to [email].", memo: "" },
      { code: "Partial", passage: "[name 1]", memo: "" },
      { code: "People", passage: "[name 1]", memo: "[name 2] is the director" },
      { code: "Shelter", passage: "[name 2]'s shelter in City X", memo: "" },
    ]);
    const session = newSession();
    session.open(target);
    const copy = session.db();
    expect(copy.prepare("SELECT text FROM answers ORDER BY id").pluck().all()).toEqual([
      Q1_AFTER,
      "[name 3] says hi",
      "Nothing about anyone.",
      "n/a",
    ]);
    expect(copy.prepare("SELECT external_id FROM respondents ORDER BY id").pluck().all()).toEqual([
      "[name 1]",
      "R2",
    ]);
    expect(
      copy.prepare("SELECT value FROM respondent_attributes ORDER BY 1").pluck().all(),
    ).toEqual(["City X", "Ireland"]);
    expect(copy.prepare("SELECT text FROM memos").pluck().all()).toEqual([
      "Met [name 3] in City X",
    ]);
    expect(copy.prepare("SELECT description FROM codes WHERE name = 'People'").pluck().get()).toBe(
      "as [name 2] puts it",
    );
    expect(copy.prepare("SELECT count(*) FROM history_steps").pluck().get()).toBe(0);
    session.close();
  });

  it("leaves no trace of a name in the copy's file: not in the search index, history or free pages", async () => {
    const dir = tempDir();
    const { path } = await namedSurvey(dir);
    const core = open(dir, path);
    const target = join(dir, "copy.cairn");
    coreValue(await core.call("project.pseudonymise", { ...OPTIONS, target }));
    core.shutdown();
    const bytes = readFileSync(target);
    for (const word of ["Schmidt", "Dublin", "Boris", "example.org", "7946"]) {
      expect(bytes.includes(Buffer.from(word)), word).toBe(false);
    }
    const search = open(dir, target);
    const found = (query: string) =>
      search.call("search.run", { query }).then((r) => coreValue<SearchResult>(r).answers);
    expect(await found("Anna")).toBe(0);
    expect(await found("shelter")).toBe(1);
    expect(await found("City X")).toBe(1);
    expect(readdirSync(dir).filter((name) => name.includes("partial"))).toEqual([]);
  });

  it("never changes the open project, and previews the same figures it then writes", async () => {
    const dir = tempDir();
    const { path } = await namedSurvey(dir);
    const before = fileHash(path);
    const core = open(dir, path);
    const preview = coreValue<PseudonymisePreview>(
      await core.call("project.pseudonymisePreview", OPTIONS),
    );
    const report = coreValue<PseudonymiseReport>(
      await core.call("project.pseudonymise", { ...OPTIONS, target: join(dir, "copy.cairn") }),
    );
    core.shutdown();
    expect(fileHash(path)).toBe(before);
    expect(preview.replacements).toBe(report.replacements);
    expect(preview.byTerm).toEqual(report.byTerm);
    expect(preview.answersChanged).toBe(report.answersChanged);
    expect(preview.examples[0]).toEqual({
      before: "Anna Schmidt told me that Anna's shelter in Dublin is…",
      after: "[name 1] told me that [name 2]'s shelter in City X is…",
    });
  });

  it("refuses a target that exists, the project itself included, and writes nothing", async () => {
    const dir = tempDir();
    const { path } = await namedSurvey(dir);
    const core = open(dir, path);
    const taken = join(dir, "taken.cairn");
    writeFileSync(taken, "mine");
    for (const target of [taken, path]) {
      const result = await core.call("project.pseudonymise", { ...OPTIONS, target });
      expect(result).toMatchObject({
        ok: false,
        error: { code: "bad_input", message: `${target} already exists; choose a new file name` },
      });
    }
    expect(readFileSync(taken, "utf8")).toBe("mine");
    const missing = await core.call("project.pseudonymise", {
      ...OPTIONS,
      target: join(dir, "no such folder", "copy.cairn"),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: "not_found" } });
    const empty = await core.call("project.pseudonymise", {
      terms: [{ find: "Anna", replace: "" }],
      target: join(dir, "copy.cairn"),
    });
    expect(empty).toMatchObject({ ok: false, error: { code: "bad_input" } });
    expect(existsSync(join(dir, "copy.cairn"))).toBe(false);
  });
});
