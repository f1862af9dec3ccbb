import { describe, expect, it } from "vitest";
import { bundledMigrations } from "../../electron/core/db/migrations.ts";
import { markSearchIndexStale } from "../../electron/core/db/search-index.ts";
import { runSearch } from "../../electron/core/search/search-service.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import type { QuestionId } from "../../shared/domain.ts";
import { appMigrations, newSession } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { importRows, searchProject } from "./search-project.ts";

const tempDir = useTempDir();

interface Options {
  regex?: boolean;
  caseSensitive?: boolean;
  questionId?: QuestionId;
}

/** "R1 Q1 Évaluation" for each hit. */
function found(session: ProjectSession, query: string, options: Options = {}): string[] {
  const result = runSearch(session.db(), {
    query,
    regex: options.regex ?? false,
    caseSensitive: options.caseSensitive ?? false,
    questionId: options.questionId,
    offset: 0,
    limit: 1000,
  });
  return result.rows.map((hit) => `${hit.respondent} ${hit.question} ${hit.match}`);
}

async function project(): Promise<ProjectSession> {
  return (await searchProject(tempDir())).session;
}

describe("searching a survey's answers", () => {
  it("ignores accents and case: evaluation finds Évaluation, Straße finds STRASSE", async () => {
    const session = await project();
    expect(found(session, "evaluation")).toEqual(["R1 Q1 Évaluation", "R4 Q2 evaluation"]);
    expect(found(session, "ÉVALUATION")).toEqual(["R1 Q1 Évaluation", "R4 Q2 evaluation"]);
    expect(found(session, "strasse")).toEqual(["R1 Q2 Straße"]);
    expect(found(session, "securite")).toEqual(["R1 Q1 sécurité"]);
  });

  it("finds Russian words whatever their case, and their prefixes", async () => {
    const session = await project();
    expect(found(session, "оплата")).toEqual(["R2 Q1 Оплата"]);
    expect(found(session, "ОПЛАТ*")).toEqual(["R2 Q1 оплатой", "R2 Q1 Оплата"]);
  });

  it("finds Japanese words written without spaces as adjacent characters", async () => {
    const session = await project();
    expect(found(session, "東京")).toEqual(["R3 Q1 東京"]);
    expect(found(session, "病院")).toEqual(["R3 Q1 病院"]);
    expect(found(session, "京")).toEqual(["R3 Q1 京", "R3 Q2 京"]);
  });

  it("tells a phrase from words that are merely all there", async () => {
    const session = await project();
    expect(found(session, '"new york"')).toEqual(["R4 Q1 New York"]);
    expect(found(session, "york police")).toEqual([
      "R4 Q1 York",
      "R4 Q1 police",
      "R4 Q1 police",
      "R4 Q2 police",
      "R4 Q2 York",
    ]);
    expect(found(session, '"police york"')).toEqual([]);
  });

  it("combines words with OR and leaves answers out with NOT", async () => {
    const session = await project();
    expect(found(session, "schule OR kind")).toEqual(["R4 Q1 kind", "R1 Q2 Schule"]);
    expect(found(session, "police -evaluation")).toEqual(["R4 Q1 police", "R4 Q1 police"]);
    expect(found(session, "police NOT (calls OR nothing)")).toEqual(["R4 Q2 police"]);
  });

  it("searches one question when asked", async () => {
    const session = await project();
    const q2 = session.db().prepare("SELECT id FROM questions WHERE label = 'Q2'").pluck().get();
    expect(found(session, "police", { questionId: q2 as QuestionId })).toEqual(["R4 Q2 police"]);
  });

  it("does not search non-responses", async () => {
    const session = await project();
    expect(found(session, "n")).toEqual([]);
    expect(found(session, "n/a", { regex: true })).toEqual([]);
  });

  it("counts answers and hits over the whole project and pages through the hits", async () => {
    const session = await project();
    const page = (offset: number, limit: number) =>
      runSearch(session.db(), {
        query: "police OR york",
        regex: false,
        caseSensitive: false,
        offset,
        limit,
      });
    const all = page(0, 100);
    expect([all.answers, all.hits]).toEqual([2, 5]);
    expect(page(1, 3).rows).toEqual(all.rows.slice(1, 4));
    expect(page(4, 10).rows).toEqual(all.rows.slice(4));
    expect(all.rows[0]).toMatchObject({
      respondent: "R4",
      question: "Q1",
      questionPosition: 1,
      before: "We stopped counting the calls. New ",
      match: "York",
      after: " police came; the police were kind.",
    });
  });

  it("finds a regular expression, ignoring case unless asked not to", async () => {
    const session = await project();
    expect(found(session, "\\bpol\\w+ (came|were)", { regex: true })).toEqual([
      "R4 Q1 police came",
      "R4 Q1 police were",
    ]);
    expect(found(session, "new york", { regex: true })).toEqual(["R4 Q1 New York"]);
    expect(found(session, "new york", { regex: true, caseSensitive: true })).toEqual([]);
    expect(found(session, "x*", { regex: true })).toEqual([]);
  });

  it("refuses an invalid regular expression or a malformed query with one sentence", async () => {
    const session = await project();
    expect(() => found(session, "(police", { regex: true })).toThrow(
      "that regular expression is not valid: Unterminated group",
    );
    expect(() => found(session, '"new york')).toThrow('a quote (") is not closed');
  });
});

describe("keeping the index in step with the answers", () => {
  it("finds the answers of a second import, and the new text of a replaced answer", async () => {
    const dir = tempDir();
    const { session } = await searchProject(dir);
    await importRows(session, dir, { R5: { Q1: "Zebra crossings at night", Q2: "-" } });
    expect(found(session, "zebra")).toEqual(["R5 Q1 Zebra"]);
    await importRows(
      session,
      dir,
      { R1: { Q1: "Tout a changé.", Q2: "Straße und Schule" } },
      "replace",
    );
    expect(found(session, "evaluation")).toEqual(["R4 Q2 evaluation"]);
    expect(found(session, "change")).toEqual(["R1 Q1 changé"]);
  });

  it("still finds every answer after the project is closed and opened again", async () => {
    const { session, path } = await searchProject(tempDir());
    session.close();
    const reopened = newSession();
    reopened.openFile(path);
    expect(found(reopened, "東京")).toEqual(["R3 Q1 東京"]);
    expect(found(reopened, "evaluation")).toHaveLength(2);
    reopened.close();
  });

  it("builds the index when a project made before search is opened", async () => {
    const dir = tempDir();
    const before = appMigrations().filter((m) => m.version < 5);
    const { session, path } = await searchProject(dir, before);
    expect(
      session.db().prepare("SELECT 1 FROM sqlite_schema WHERE name = 'answers_fts'").get(),
    ).toBeUndefined();
    session.close();

    const upgraded = newSession(bundledMigrations());
    upgraded.openFile(path);
    expect(found(upgraded, "evaluation")).toEqual(["R1 Q1 Évaluation", "R4 Q2 evaluation"]);
    expect(found(upgraded, "оплата")).toEqual(["R2 Q1 Оплата"]);
    upgraded.close();
  });

  it("builds the index again when it is marked stale", async () => {
    const { session, path } = await searchProject(tempDir());
    const db = session.db();
    db.exec("INSERT INTO answers_fts (answers_fts) VALUES ('delete-all')");
    markSearchIndexStale(db);
    expect(found(session, "evaluation")).toEqual([]);
    session.close();
    const reopened = newSession();
    reopened.openFile(path);
    expect(found(reopened, "evaluation")).toHaveLength(2);
    reopened.close();
  });
});
