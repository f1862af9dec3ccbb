/**
 * The frequency panel's figures computed the plain way, straight from the definitions in
 * DESIGN.md ("Definitions the numbers must follow") and decision 0012, by walking every
 * row of the project: no index, no typed array, no cache. The property tests hold the
 * core's tallies against it.
 */
import type { Tally, TallyCode, TallyScope } from "../../shared/api/tally-api.ts";
import type { CodeId, CoderId, QuestionId } from "../../shared/domain.ts";
import type { Db } from "../../electron/core/db/project-file.ts";

export interface Survey {
  readonly respondents: readonly number[];
  /** Attribute name, then respondent id, then value (blank values included). */
  readonly values: ReadonlyMap<string, ReadonlyMap<number, string>>;
  readonly questions: readonly { id: number; label: string; text: string; position: number }[];
  readonly answers: readonly { id: number; respondent: number; question: number; status: string }[];
  readonly segments: readonly { answer: number; code: number; coder: number }[];
  readonly codes: readonly { id: number; parent: number | null; name: string; position: number }[];
  readonly coders: ReadonlyMap<number, string>;
}

/** Every row the figures depend on. */
export function readSurvey(db: Db): Survey {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  const values = new Map<string, Map<number, string>>();
  for (const row of all<{ name: string; respondent: number; value: string }>(
    `SELECT at.name, ra.respondent_id AS respondent, ra.value
       FROM respondent_attributes ra JOIN attributes at ON at.id = ra.attribute_id`,
  )) {
    const byRespondent = values.get(row.name) ?? new Map<number, string>();
    byRespondent.set(row.respondent, row.value);
    values.set(row.name, byRespondent);
  }
  for (const { name } of all<{ name: string }>("SELECT name FROM attributes")) {
    if (!values.has(name)) values.set(name, new Map());
  }
  return {
    respondents: all<{ id: number }>("SELECT id FROM respondents").map((row) => row.id),
    values,
    questions: all("SELECT id, label, text, position FROM questions ORDER BY position"),
    answers: all(
      "SELECT id, respondent_id AS respondent, question_id AS question, status FROM answers",
    ),
    segments: all("SELECT answer_id AS answer, code_id AS code, coder_id AS coder FROM segments"),
    codes: all("SELECT id, parent_id AS parent, name, position FROM codes"),
    coders: new Map(
      all<{ id: number; name: string }>("SELECT id, name FROM coders").map((c) => [c.id, c.name]),
    ),
  };
}

/** Whether the respondent has, for every entry of the filter, one of its values. */
export function passes(survey: Survey, filter: TallyScope["attributes"], respondent: number) {
  return (filter ?? []).every(({ name, values }) => {
    const value = survey.values.get(name)?.get(respondent);
    return value !== undefined && values.includes(value);
  });
}

/** The codes in tree order: a parent, then its children by position (then id), depth first. */
export function treeOrder(survey: Survey): Survey["codes"][number][] {
  const order: Survey["codes"][number][] = [];
  const visit = (parent: number | null) => {
    const children = survey.codes
      .filter((code) => code.parent === parent)
      .sort((a, b) => a.position - b.position || a.id - b.id);
    for (const child of children) {
      order.push(child);
      visit(child.id);
    }
  };
  visit(null);
  return order;
}

/** The code and every code below it. */
export function subtreeOf(survey: Survey, codeId: number): Set<number> {
  const below = new Set([codeId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const code of survey.codes) {
      if (code.parent !== null && below.has(code.parent) && !below.has(code.id)) {
        below.add(code.id);
        grew = true;
      }
    }
  }
  return below;
}

type Segment = Survey["segments"][number] & { respondent: number; question: number };

/** The tally as the definitions say it, for a scope as `tally.get` takes it. */
export function oracleTally(survey: Survey, scope: TallyScope): Tally {
  const inFilter = new Set(survey.respondents.filter((r) => passes(survey, scope.attributes, r)));
  const questions = survey.questions.filter(
    (q) => scope.questionId === undefined || q.id === scope.questionId,
  );
  const answerOf = new Map(survey.answers.map((a) => [a.id, a]));
  const segments: Segment[] = survey.segments.flatMap((s) => {
    const answer = answerOf.get(s.answer)!;
    const counts =
      inFilter.has(answer.respondent) && (scope.coderId === undefined || s.coder === scope.coderId);
    return counts ? [{ ...s, respondent: answer.respondent, question: answer.question }] : [];
  });
  const withStatus = (question: number, status: string) =>
    survey.answers.filter(
      (a) => a.question === question && a.status === status && inFilter.has(a.respondent),
    ).length;
  const answeredAny = new Set(
    survey.answers
      .filter(
        (a) =>
          a.status === "answered" &&
          inFilter.has(a.respondent) &&
          questions.some((q) => q.id === a.question),
      )
      .map((a) => a.respondent),
  ).size;
  const filter = (scope.attributes ?? []).map(({ name, values }) => ({
    name,
    values: [...new Set(values)],
  }));
  return {
    coderId: (scope.coderId ?? null) as CoderId | null,
    coder: scope.coderId === undefined ? null : survey.coders.get(scope.coderId)!,
    filter,
    respondents: inFilter.size,
    questions: questions.map((q) => {
      const answered = withStatus(q.id, "answered");
      const rows = survey.answers.filter((a) => a.question === q.id && inFilter.has(a.respondent));
      return {
        questionId: q.id as QuestionId,
        label: q.label,
        text: q.text,
        position: survey.questions.indexOf(q) + 1,
        answered,
        empty: withStatus(q.id, "empty"),
        nonResponse: withStatus(q.id, "non_response"),
        missing: inFilter.size - rows.length,
        codes: codeFigures(
          survey,
          segments.filter((s) => s.question === q.id),
          answered,
        ),
      };
    }),
    overall: {
      answered: answeredAny,
      codes: codeFigures(
        survey,
        segments.filter((s) => questions.some((q) => q.id === s.question)),
        answeredAny,
      ),
    },
  };
}

function codeFigures(survey: Survey, segments: readonly Segment[], answered: number) {
  const of = (codeId: number) => {
    const below = subtreeOf(survey, codeId);
    const mine = segments.filter((s) => below.has(s.code));
    return { nSegments: mine.length, nRespondents: new Set(mine.map((s) => s.respondent)).size };
  };
  const pathOf = (codeId: number | null): string[] => {
    const code = survey.codes.find((c) => c.id === codeId);
    return code ? [...pathOf(code.parent), code.name] : [];
  };
  const rows: TallyCode[] = [];
  for (const code of treeOrder(survey)) {
    const { nSegments, nRespondents } = of(code.id);
    if (nSegments === 0) continue;
    const siblings = survey.codes
      .filter((c) => c.parent === code.parent)
      .reduce((sum, c) => sum + of(c.id).nSegments, 0);
    rows.push({
      codeId: code.id as CodeId,
      parentId: code.parent as CodeId | null,
      path: pathOf(code.id),
      nRespondents,
      nSegments,
      pctOfAnswered: answered === 0 ? null : nRespondents / answered,
      pctOfSegments: siblings === 0 ? null : nSegments / siblings,
    });
  }
  return rows;
}
