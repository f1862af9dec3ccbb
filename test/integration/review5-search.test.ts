/**
 * Review of issue 5's search: queries a user can type that once broke it (an SQLite error
 * from the full-text index, or a minus that did the opposite of leaving words out).
 */
import { describe, expect, it } from "vitest";
import { runSearch } from "../../electron/core/search/search-service.ts";
import type { AutocodePreview } from "../../shared/api/search-api.ts";
import { findHits } from "../../shared/search/match.ts";
import { parseQuery } from "../../shared/search/query.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import { useCoreProject } from "../helpers/core.ts";
import { snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";
import { searchProject } from "./search-project.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();

/** The core of the app on the search survey, as the app would open it. */
async function searchCore() {
  const dir = tempDir();
  const { session, path } = await searchProject(dir);
  session.close();
  return openCore(dir, path);
}

function found(session: ProjectSession, query: string): string[] {
  const result = runSearch(session.db(), {
    query,
    regex: false,
    caseSensitive: false,
    offset: 0,
    limit: 1000,
  });
  return result.rows.map((hit) => `${hit.respondent} ${hit.question} ${hit.match}`);
}

describe("queries that nest deeply or leave groups out", () => {
  it("answers a deeply nested query instead of failing inside the index", async () => {
    const { session } = await searchProject(tempDir());
    // "police (police (police ...))": 60 groups, each an AND inside the one before.
    const nested = "police (".repeat(60) + "kind" + ")".repeat(60);
    expect(found(session, nested)).toEqual(["R4 Q1 police", "R4 Q1 police", "R4 Q1 kind"]);
    const alternating = "(police OR (york ".repeat(30) + "kind" + "))".repeat(30);
    expect(found(session, alternating)).toEqual([
      "R4 Q1 York",
      "R4 Q1 police",
      "R4 Q1 police",
      "R4 Q1 kind",
      "R4 Q2 police",
      "R4 Q2 York",
    ]);
  });

  it("leaves out a group written with a leading minus, as NOT does", async () => {
    const { session } = await searchProject(tempDir());
    expect(found(session, "police -(calls OR nothing)")).toEqual(["R4 Q2 police"]);
    expect(found(session, "police -(calls OR nothing)")).toEqual(
      found(session, "police NOT (calls OR nothing)"),
    );
  });
});

describe("regular expressions as people write them", () => {
  it("accepts an escaped punctuation mark that strict Unicode mode refuses", async () => {
    const { session } = await searchProject(tempDir());
    const regex = (query: string) =>
      runSearch(session.db(), {
        query,
        regex: true,
        caseSensitive: false,
        offset: 0,
        limit: 10,
      }).rows.map((hit) => hit.match);
    expect(regex("came\\;")).toEqual(["came;"]);
    expect(regex("york\\-?")).toEqual(["York", "York"]);
    // Unicode classes still work, and a pattern wrong either way is still refused.
    expect(regex("\\p{Script=Cyrillic}+ с")).toEqual(["Проблема с"]);
    expect(() => regex("(police")).toThrow("that regular expression is not valid");
  });
});

describe("the index never loses an answer the exact matcher finds", () => {
  it("agrees with matching every answer, for random queries", async () => {
    const { session } = await searchProject(tempDir());
    const db = session.db();
    const texts = db
      .prepare("SELECT text FROM answers WHERE status = 'answered'")
      .pluck()
      .all() as string[];
    const words = ["police", "york", "new", "kind", "東京", "京", "strasse", "oplat*", "é*", "x"];
    let seed = 7;
    const pick = <T>(items: readonly T[]): T => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return items[seed % items.length] as T;
    };
    const query = (depth: number): string => {
      const word = pick(words);
      if (depth > 3) return word;
      const form = pick(["word", "and", "or", "not", "minus", "group", "phrase"]);
      if (form === "and") return `${query(depth + 1)} ${query(depth + 1)}`;
      if (form === "or") return `${query(depth + 1)} OR ${query(depth + 1)}`;
      if (form === "not") return `${query(depth + 1)} NOT ${word.replace("*", "")}`;
      if (form === "minus") return `${query(depth + 1)} -(${query(depth + 1)})`;
      if (form === "group") return `(${query(depth + 1)})`;
      if (form === "phrase") return `"${pick(words).replace("*", "")} ${word}"`;
      return word;
    };
    for (let i = 0; i < 300; i++) {
      const typed = query(0);
      let expected: number;
      try {
        const parsed = parseQuery(typed);
        expected = texts.reduce((sum, text) => sum + findHits(parsed, text).length, 0);
      } catch {
        continue; // A query the parser refuses ("x NOT x" alone) is not the index's concern.
      }
      const result = runSearch(db, {
        query: typed,
        regex: false,
        caseSensitive: false,
        offset: 0,
        limit: 1,
      });
      expect([typed, result.hits]).toEqual([typed, expected]);
    }
  });
});

describe("auto-coding with every hit unchecked", () => {
  it("refuses, and creates no empty code and no undo step", async () => {
    const core = await searchCore();
    const request = { query: "police", code: { path: ["Actors", "Police"] }, coder: "Anna" };
    const preview = await core.call("autocode.preview", request);
    if (!preview.ok) throw new Error(preview.error.message);
    const skip = (preview.value as AutocodePreview).passages.map((passage) => passage.key);
    const before = snapshot(core.session.db());
    const applied = await core.call("autocode.apply", { ...request, skip });
    expect(applied).toMatchObject({
      ok: false,
      error: { code: "bad_input", message: expect.stringMatching(/every hit is unchecked/) },
    });
    expect(snapshot(core.session.db())).toBe(before);
  });
});

describe("searching in a question the project does not have", () => {
  it("says so instead of finding nothing", async () => {
    const core = await searchCore();
    for (const name of ["search.run", "autocode.preview"] as const) {
      expect(await core.call(name, { query: "police", questionId: 9999 })).toMatchObject({
        ok: false,
        error: { code: "not_found", message: "question 9999 does not exist in this project" },
      });
    }
  });
});
