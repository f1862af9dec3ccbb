import { afterEach, describe, expect, it } from "vitest";
import type { QuestionTally, Tally, TallyCode, TallyScope } from "../../shared/api/tally-api.ts";
import type { CoderId, QuestionId } from "../../shared/domain.ts";
import { tallyOf } from "../../electron/core/tally/tally-service.ts";
import type { CodingProject } from "../helpers/coding-project.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { codedSurvey } from "./tally-survey.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();

/** A node as [path, n_respondents, n_segments, pct_of_answered, pct_of_segments]. */
type Row = [string, number, number, number | null, number | null];

function rows(codes: readonly TallyCode[]): Row[] {
  return codes.map((c) => [
    c.path.join(">"),
    c.nRespondents,
    c.nSegments,
    c.pctOfAnswered,
    c.pctOfSegments,
  ]);
}

function answers(q: QuestionTally) {
  return [q.answered, q.empty, q.nonResponse, q.missing];
}

function question(tally: Tally, label: string): QuestionTally {
  const found = tally.questions.find((q) => q.label === label);
  if (!found) throw new Error(`test: no ${label} in the tally`);
  return found;
}

function coderId(p: CodingProject, name: string): CoderId {
  return p.db().prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as CoderId;
}

let project: CodingProject | null = null;
afterEach(() => {
  project?.session.close();
  project = null;
});

async function survey(): Promise<CodingProject> {
  project = await codedSurvey(tempDir());
  return project;
}

function tally(p: CodingProject, scope: TallyScope = {}): Tally {
  return tallyOf(p.db(), scope);
}

describe("a question's figures", () => {
  it("counts a respondent with two sibling codes once for their category", async () => {
    const p = await survey();
    const q1 = question(tally(p, { questionId: p.question("Q1") as QuestionId }), "Q1");
    expect(q1.position).toBe(1);
    expect(q1.text).toBe("What is your approach?");
    expect(rows(q1.codes)).toEqual([
      ["Safety", 3, 5, 3 / 4, 5 / 8],
      ["Safety>Risk", 2, 3, 2 / 4, 3 / 5],
      ["Safety>Support", 2, 2, 2 / 4, 2 / 5],
      ["Funding", 2, 2, 2 / 4, 2 / 8],
      ["Unclear", 1, 1, 1 / 4, 1 / 8],
    ]);
  });

  it("leaves empty and non-response answers out of answered", async () => {
    const p = await survey();
    const all = tally(p);
    expect(all.respondents).toBe(6);
    // [answered, empty, non_response, missing]
    expect(answers(question(all, "Q1"))).toEqual([4, 1, 1, 0]);
    expect(answers(question(all, "Q2"))).toEqual([4, 1, 1, 0]);
  });

  it("does not list a code used only in another question", async () => {
    const p = await survey();
    const all = tally(p);
    expect(rows(question(all, "Q1").codes).map((row) => row[0])).not.toContain("Standards");
    expect(rows(question(all, "Q2").codes)).toEqual([
      ["Safety", 2, 2, 2 / 4, 2 / 4],
      ["Safety>Risk", 2, 2, 2 / 4, 2 / 2],
      ["Standards", 2, 2, 2 / 4, 2 / 4],
    ]);
  });

  it("counts one coder's segments, or every coder's merged", async () => {
    const p = await survey();
    const q1 = p.question("Q1") as QuestionId;
    const anna = tally(p, { questionId: q1, coderId: coderId(p, "Anna") });
    expect(anna.coder).toBe("Anna");
    expect(anna.coderId).toBe(coderId(p, "Anna"));
    expect(rows(question(anna, "Q1").codes)).toEqual([
      ["Safety", 2, 4, 2 / 4, 4 / 6],
      ["Safety>Risk", 1, 2, 1 / 4, 2 / 4],
      ["Safety>Support", 2, 2, 2 / 4, 2 / 4],
      ["Funding", 1, 1, 1 / 4, 1 / 6],
      ["Unclear", 1, 1, 1 / 4, 1 / 6],
    ]);
    const ben = tally(p, { questionId: q1, coderId: coderId(p, "Ben") });
    expect(rows(question(ben, "Q1").codes)).toEqual([
      ["Safety", 1, 1, 1 / 4, 1 / 2],
      ["Safety>Risk", 1, 1, 1 / 4, 1 / 1],
      ["Funding", 1, 1, 1 / 4, 1 / 2],
    ]);
    const merged = tally(p, { questionId: q1 });
    expect(merged.coder).toBeNull();
    expect(merged.coderId).toBeNull();
    // Funding: R2 by Anna, R3 by Ben.
    expect(rows(question(merged, "Q1").codes)[3]).toEqual(["Funding", 2, 2, 2 / 4, 2 / 8]);
  });

  it("names an unknown question or coder", async () => {
    const p = await survey();
    expect(() => tally(p, { questionId: 99 as QuestionId })).toThrow("question 99");
    expect(() => tally(p, { coderId: 99 as CoderId })).toThrow("coder 99");
    expect(() => tally(p, { attributes: [{ name: "Region", values: ["x"] }] })).toThrow(
      'no attribute "Region"',
    );
  });
});

describe("filters on attributes", () => {
  it("change numerators and denominators together", async () => {
    const p = await survey();
    const ireland = tally(p, {
      questionId: p.question("Q1") as QuestionId,
      attributes: [{ name: "Country", values: ["Ireland"] }],
    });
    expect(ireland.filter).toEqual([{ name: "Country", values: ["Ireland"] }]);
    expect(ireland.respondents).toBe(2);
    const q1 = question(ireland, "Q1");
    expect(answers(q1)).toEqual([2, 0, 0, 0]);
    expect(rows(q1.codes)).toEqual([
      ["Safety", 2, 4, 1, 4 / 5],
      ["Safety>Risk", 1, 2, 1 / 2, 2 / 4],
      ["Safety>Support", 2, 2, 1, 2 / 4],
      ["Funding", 1, 1, 1 / 2, 1 / 5],
    ]);
  });

  it("takes any of an attribute's values, and every attribute", async () => {
    const p = await survey();
    const ngos = tally(p, {
      attributes: [
        { name: "Country", values: ["Malta", "Cyprus"] },
        { name: "Type", values: ["NGO"] },
      ],
    });
    // R3 (Malta) and R6 (Cyprus).
    expect(ngos.respondents).toBe(2);
    const q1 = question(ngos, "Q1");
    expect(answers(q1)).toEqual([2, 0, 0, 0]);
    expect(rows(q1.codes)).toEqual([
      ["Safety", 1, 1, 1 / 2, 1 / 2],
      ["Safety>Risk", 1, 1, 1 / 2, 1],
      ["Funding", 1, 1, 1 / 2, 1 / 2],
    ]);
  });

  it("gives null where nobody answered", async () => {
    const p = await survey();
    // R4 only: did not answer Q1 ("n/a", coded Unclear), left Q2 blank.
    const r4 = tally(p, {
      attributes: [
        { name: "Country", values: ["Malta"] },
        { name: "Type", values: ["Gov"] },
      ],
    });
    expect(r4.respondents).toBe(1);
    expect(answers(question(r4, "Q1"))).toEqual([0, 0, 1, 0]);
    expect(rows(question(r4, "Q1").codes)).toEqual([["Unclear", 1, 1, null, 1]]);
    expect(answers(question(r4, "Q2"))).toEqual([0, 1, 0, 0]);
    expect(question(r4, "Q2").codes).toEqual([]);
    expect(r4.overall.answered).toBe(0);
    expect(rows(r4.overall.codes)).toEqual([["Unclear", 1, 1, null, 1]]);
  });

  it("counts nobody for a value nobody has", async () => {
    const p = await survey();
    const none = tally(p, { attributes: [{ name: "Country", values: ["Austria"] }] });
    expect(none.respondents).toBe(0);
    expect(answers(question(none, "Q1"))).toEqual([0, 0, 0, 0]);
    expect(none.overall).toEqual({ answered: 0, codes: [] });
  });
});

describe("across all questions", () => {
  it("counts a respondent once however many questions they have a code in", async () => {
    const p = await survey();
    const all = tally(p);
    expect(all.questions.map((q) => q.label)).toEqual(["Q1", "Q2"]);
    // R4 answered nothing.
    expect(all.overall.answered).toBe(5);
    expect(rows(all.overall.codes)).toEqual([
      ["Safety", 4, 7, 4 / 5, 7 / 12],
      ["Safety>Risk", 3, 5, 3 / 5, 5 / 7],
      ["Safety>Support", 2, 2, 2 / 5, 2 / 7],
      ["Funding", 2, 2, 2 / 5, 2 / 12],
      ["Unclear", 1, 1, 1 / 5, 1 / 12],
      ["Standards", 2, 2, 2 / 5, 2 / 12],
    ]);
  });

  it("covers the one question asked for", async () => {
    const p = await survey();
    const q2 = tally(p, { questionId: p.question("Q2") as QuestionId });
    expect(q2.questions.map((q) => [q.label, q.position])).toEqual([["Q2", 2]]);
    expect(q2.overall.answered).toBe(4);
    expect(q2.overall.codes).toEqual(question(q2, "Q2").codes);
  });
});

describe("tally.get", () => {
  it("answers through the core as the panel asks", async () => {
    const p = await survey();
    const path = p.path;
    p.session.close();
    project = null;
    const core = openCore(tempDir(), path);
    const result = coreValue<Tally>(
      await core.call("tally.get", { attributes: [{ name: "Country", values: ["Ireland"] }] }),
    );
    expect(result.respondents).toBe(2);
    expect(result.filter).toEqual([{ name: "Country", values: ["Ireland"] }]);
    expect(result.overall.codes[0]).toMatchObject({ path: ["Safety"], nRespondents: 2 });
  });
});
