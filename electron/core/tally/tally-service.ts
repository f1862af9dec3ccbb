/**
 * The frequency panel's figures (`tally.get`): per question, who answered and every code
 * node's respondents and segments with their percentages; and the same across the
 * questions in scope, each respondent once. Definitions: DESIGN.md, "Definitions the
 * numbers must follow"; decision 0012. The node counts are kept and updated from
 * coding actions (tally-counts.ts); the answer figures are kept until a status or the
 * project's respondents change.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { QuestionTally, Tally, TallyCode, TallyScope } from "../../../shared/api/tally-api.ts";
import type { CodeId, QuestionId } from "../../../shared/domain.ts";
import { indexTree, type TallyTree } from "../../../shared/tally/code-tree.ts";
import { nodeFigures, type NodeCounts } from "../../../shared/tally/figures.ts";
import { attributeIdsByName } from "../db/grid-lookups.ts";
import type { Db } from "../db/project-file.ts";
import {
  answeredAnyCount,
  coderName,
  respondentCount,
  statusCounts,
  tallyCodes,
  tallyQuestions,
  type TallyFilter,
  type TallyQuestion,
} from "../db/tally.ts";
import { tallyVersions } from "../db/tally-changes.ts";
import { countScope, scopeCounts, type CountScope } from "./tally-counts.ts";
import { attributeId } from "../retrieval/passages.ts";

type AttributeFilter = NonNullable<TallyScope["attributes"]>;

/** Options for tests and benchmarks: `fresh` counts everything again, keeping nothing. */
export interface TallyOptions {
  readonly fresh?: boolean;
}

export function tallyOf(db: Db, scope: TallyScope, options: TallyOptions = {}): Tally {
  const questions = tallyQuestions(db);
  const questionId = scope.questionId ?? null;
  const inScope =
    questionId === null ? questions : questions.filter((question) => question.id === questionId);
  if (questionId !== null && inScope.length === 0) {
    throw new CairnError("not_found", `question ${questionId} is not in this project`);
  }
  const coderId = scope.coderId ?? null;
  const coder = coderId === null ? null : coderName(db, coderId);
  if (coder === undefined) {
    throw new CairnError("not_found", `coder ${coderId} is not in this project`);
  }
  const applied = appliedFilter(scope.attributes ?? []);
  const counted: CountScope = { questionId, coderId, filter: resolveFilter(db, applied) };
  const tree = indexTree(tallyCodes(db));
  // Inside a transaction (an import in progress) what is read may yet be rolled back,
  // and a rollback fires no trigger to say so: count without keeping anything.
  const fresh = options.fresh === true || db.inTransaction;
  const counts = fresh ? countScope(db, tree, counted) : scopeCounts(db, tree, counted);
  const answers = fresh
    ? countAnswers(db, counted.questionId, counted.filter)
    : answerFigures(db, counted);
  const positions = new Map(questions.map((question, i) => [question.id as number, i + 1]));
  return {
    coderId,
    coder,
    filter: applied,
    respondents: answers.respondents,
    questions: inScope.map((question) =>
      questionTally(question, positions.get(question.id)!, answers, tree, counts.byQuestion),
    ),
    overall: {
      answered: answers.answeredAny,
      codes: codesOf(tree, counts.overall, answers.answeredAny),
    },
  };
}

/** The filter as it applies: entries and values in the order given, repeats dropped. */
function appliedFilter(attributes: AttributeFilter): Tally["filter"] {
  return attributes.map(({ name, values }) => ({ name, values: [...new Set(values)] }));
}

function resolveFilter(db: Db, filter: Tally["filter"]): TallyFilter {
  if (filter.length === 0) return [];
  const ids = attributeIdsByName(db);
  return filter.map(({ name, values }) => ({ attributeId: attributeId(ids, name), values }));
}

function questionTally(
  question: TallyQuestion,
  position: number,
  answers: AnswerFigures,
  tree: TallyTree,
  byQuestion: ReadonlyMap<number, NodeCounts>,
): QuestionTally {
  const statuses = answers.byQuestion.get(question.id) ?? { answered: 0, empty: 0, nonResponse: 0 };
  const counts = byQuestion.get(question.id);
  const withStatus = statuses.answered + statuses.empty + statuses.nonResponse;
  return {
    questionId: question.id,
    label: question.label,
    text: question.text,
    position,
    ...statuses,
    missing: Math.max(0, answers.respondents - withStatus),
    codes: counts ? codesOf(tree, counts, statuses.answered) : [],
  };
}

function codesOf(tree: TallyTree, counts: NodeCounts, answered: number): TallyCode[] {
  return nodeFigures(tree, counts, answered).map((row) => ({
    codeId: row.codeId as CodeId,
    parentId: row.parentId as CodeId | null,
    path: row.path,
    nRespondents: row.nRespondents,
    nSegments: row.nSegments,
    pctOfAnswered: row.pctOfAnswered,
    pctOfSegments: row.pctOfSegments,
  }));
}

interface StatusFigures {
  readonly answered: number;
  readonly empty: number;
  readonly nonResponse: number;
}

interface AnswerFigures {
  readonly respondents: number;
  readonly byQuestion: ReadonlyMap<number, StatusFigures>;
  readonly answeredAny: number;
}

interface KeptAnswers {
  readonly statuses: number;
  readonly structure: number;
  readonly figures: AnswerFigures;
}

/** Per connection, by scope (question and filter): the answer figures and when taken. */
const keptAnswers = new WeakMap<Db, Map<string, KeptAnswers>>();
const MOST_KEPT = 24;

/** Respondents in the filter, each question's answers by status, who answered any. */
function answerFigures(db: Db, scope: CountScope): AnswerFigures {
  let kept = keptAnswers.get(db);
  if (!kept) keptAnswers.set(db, (kept = new Map()));
  const { statuses, structure } = tallyVersions(db);
  const key = JSON.stringify([scope.questionId, scope.filter]);
  const found = kept.get(key);
  kept.delete(key);
  if (found && found.statuses === statuses && found.structure === structure) {
    kept.set(key, found);
    return found.figures;
  }
  const figures = countAnswers(db, scope.questionId, scope.filter);
  if (kept.size >= MOST_KEPT) kept.delete(kept.keys().next().value!);
  kept.set(key, { statuses, structure, figures });
  return figures;
}

function countAnswers(db: Db, questionId: QuestionId | null, filter: TallyFilter): AnswerFigures {
  const byQuestion = new Map<number, { answered: number; empty: number; nonResponse: number }>();
  for (const row of statusCounts(db, questionId, filter)) {
    const figures = byQuestion.get(row.questionId) ?? { answered: 0, empty: 0, nonResponse: 0 };
    if (row.status === "answered") figures.answered += row.n;
    else if (row.status === "empty") figures.empty += row.n;
    else figures.nonResponse += row.n;
    byQuestion.set(row.questionId, figures);
  }
  const answeredAny =
    questionId === null
      ? answeredAnyCount(db, filter)
      : (byQuestion.get(questionId)?.answered ?? 0);
  return { respondents: respondentCount(db, filter), byQuestion, answeredAny };
}
