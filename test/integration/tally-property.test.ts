/**
 * Seeded random small surveys, coded at random by two coders, held against the
 * definitions computed the plain way (tally-oracle.ts): every figure of `tally.get` for
 * each question and all, each coder and all, with and without attribute filters; and
 * the other views that count the same thing agree with it (the crosstab's row totals,
 * the co-occurrence table's diagonal, the codebook's counts, the passages behind a
 * number, the grid's answers). Then random edits through the API, each followed by the
 * kept tallies checked again. A failure names its seed, so it repeats.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Crosstab, Tally, TallyScope } from "../../shared/api/tally-api.ts";
import type { CodeCounts } from "../../shared/api/codebook-api.ts";
import type { CooccurrenceTable, PassagePage } from "../../shared/api/retrieval-api.ts";
import type { Core } from "../../electron/core/core.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import {
  oracleTally,
  passes,
  readSurvey,
  subtreeOf,
  treeOrder,
  type Survey,
} from "./tally-oracle.ts";
import { generator, randomEdit, randomSurvey, scopes, type Random } from "./tally-random.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();
const SEEDS = Number(process.env.CAIRN_TALLY_SEEDS ?? 24);

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  return coreValue<T>(await core.call(name, input));
}

/** The figures a scope's codes show: the question's, or across questions (all of them). */
function codesOf(tally: Tally) {
  return tally.questions.length === 1 ? tally.questions[0]!.codes : tally.overall.codes;
}

async function checkCrosstab(core: Core, survey: Survey, scope: TallyScope, tally: Tally) {
  const attribute = scope.attributes?.[0]?.name === "Country" ? "Type" : "Country";
  const table = await call<Crosstab>(core, "tally.crosstab", { ...scope, attribute });
  const codes = codesOf(tally);
  expect(table.rows.map((row) => [row.codeId, row.total])).toEqual(
    codes.map((code) => [code.codeId, code.nRespondents]),
  );
  const answered =
    scope.questionId === undefined ? tally.overall.answered : tally.questions[0]!.answered;
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  expect(sum(table.columns.map((c) => c.respondents))).toBe(tally.respondents);
  expect(sum(table.columns.map((c) => c.answered))).toBe(answered);
  // Each cell: the row's respondents with the column's value (blank: no value).
  const valueOf = (r: number) => survey.values.get(attribute)?.get(r) || null;
  const answerOf = new Map(survey.answers.map((a) => [a.id, a]));
  for (const row of table.rows) {
    const below = subtreeOf(survey, row.codeId);
    const respondents = new Set(
      survey.segments
        .filter((s) => below.has(s.code) && (scope.coderId ?? s.coder) === s.coder)
        .map((s) => answerOf.get(s.answer)!)
        .filter((a) => (scope.questionId ?? a.question) === a.question)
        .map((a) => a.respondent)
        .filter((r) => passes(survey, scope.attributes, r)),
    );
    const cells = table.columns.map(
      (column) => [...respondents].filter((r) => valueOf(r) === column.value).length,
    );
    expect(row.cells, row.path.join(">")).toEqual(cells);
  }
}

async function checkPassages(core: Core, scope: TallyScope, tally: Tally) {
  for (const code of codesOf(tally)) {
    const page = await call<PassagePage>(core, "passages.list", {
      ...scope,
      codeId: code.codeId,
      limit: 1,
    });
    expect(page.total, code.path.join(">")).toBe(code.nSegments);
  }
}

/**
 * The grid shows, for the same attribute filter, every answer the tally's statuses
 * count: the same respondents (an attribute named twice: both must match, in both).
 */
async function checkGrid(core: Core, scope: TallyScope, tally: Tally) {
  for (const question of tally.questions) {
    const page = await call<{ total: number }>(core, "answers.list", {
      questionId: question.questionId,
      limit: 1,
      ...(scope.attributes && { filter: { attributes: scope.attributes } }),
    });
    expect(page.total).toBe(question.answered + question.empty + question.nonResponse);
  }
}

/** Without a filter: the co-occurrence diagonal and the codebook's counts. */
async function checkUnfiltered(core: Core, survey: Survey, scope: TallyScope, tally: Tally) {
  const table = await call<CooccurrenceTable>(core, "cooccurrence.table", {
    ...(scope.questionId !== undefined && { questionId: scope.questionId }),
    ...(scope.coderId !== undefined && { coderId: scope.coderId }),
  });
  const figures = new Map(codesOf(tally).map((code) => [code.codeId as number, code]));
  expect(table.codes.map((code) => code.codeId)).toEqual(treeOrder(survey).map((c) => c.id));
  table.codes.forEach((code, i) => {
    expect(table.cells[i]![i], code.path.join(">")).toBe(
      figures.get(code.codeId)?.nRespondents ?? 0,
    );
  });
  if (scope.questionId !== undefined) return;
  const counts = await call<CodeCounts>(
    core,
    "codes.counts",
    scope.coderId === undefined ? {} : { coderId: scope.coderId },
  );
  for (const count of counts.counts) {
    const code = figures.get(count.codeId);
    expect([count.subtreeRespondents, count.subtreeSegments]).toEqual([
      code?.nRespondents ?? 0,
      code?.nSegments ?? 0,
    ]);
  }
}

async function checkEverything(core: Core, random: Random, seed: number) {
  const survey = readSurvey(core.session.db());
  for (const scope of scopes(survey, random)) {
    const about = `seed ${seed}, scope ${JSON.stringify(scope)}`;
    const tally = await call<Tally>(core, "tally.get", scope);
    expect(tally, about).toEqual(oracleTally(survey, scope));
    await checkCrosstab(core, survey, scope, tally);
    await checkPassages(core, scope, tally);
    await checkGrid(core, scope, tally);
    if (scope.attributes === undefined) await checkUnfiltered(core, survey, scope, tally);
  }
}

describe("tally.get against the definitions, on random surveys", () => {
  it("gives every figure as counted by hand, and the other views agree with it", async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const dir = join(tempDir(), `seed-${seed}`);
      mkdirSync(dir);
      const random = generator(seed);
      const core = openCore(dir, await randomSurvey(dir, random));
      await checkEverything(core, random, seed);
      core.shutdown();
    }
  }, 120_000);

  it("keeps its figures right through random edits, undo and redo", async () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const dir = join(tempDir(), `edits-${seed}`);
      mkdirSync(dir);
      const random = generator(seed);
      const core = openCore(dir, await randomSurvey(dir, random));
      const watched = scopes(readSurvey(core.session.db()), random).filter(
        () => random.next() < 0.4,
      );
      const edits: string[] = [];
      for (let step = 0; step < 12; step++) {
        for (const scope of watched) {
          const about = `seed ${seed} after ${edits.join("; ")}; scope ${JSON.stringify(scope)}`;
          const tally = await call<Tally>(core, "tally.get", scope);
          expect(tally, about).toEqual(oracleTally(readSurvey(core.session.db()), scope));
        }
        edits.push(await randomEdit(core, random));
      }
      core.shutdown();
    }
  }, 120_000);
});
