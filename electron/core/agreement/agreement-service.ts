/**
 * The agreement report (`agreement.get`): the chosen coders' agreement at answer level
 * (every code and category, and pooled) and, for two coders, at segment level, over the
 * answers every one of them has seen. Definitions: DESIGN.md ("Inter-coder agreement"),
 * ../shared/agreement/README.md and decision 0015.
 *
 * Segments are read into typed arrays (db/agreement-codings.ts), grouped by answer, and
 * kept per code as sparse lists of the answers it was used on, so 100,000 answers and 200
 * codes take well under a second and the bootstrap costs the codings, not answers x codes.
 */
import type { AgreementReport, AgreementScope } from "../../../shared/api/agreement-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { indexTree } from "../../../shared/tally/code-tree.ts";
import type { QuestionId } from "../../../shared/domain.ts";
import { readCodings } from "../db/agreement-codings.ts";
import { codersById, questionsInOrder, type ScopeQuestion } from "../db/agreement-scope.ts";
import type { Db } from "../db/project-file.ts";
import { seenAnswers } from "../db/seen-answers.ts";
import { tallyCodes } from "../db/tally.ts";
import { answerLevel } from "./answer-level.ts";
import { codedUnits } from "./coded-units.ts";
import { presenceLists } from "./presence-lists.ts";
import { SEGMENT_TWO_CODERS, segmentLevel } from "./segment-level.ts";

export function agreementReport(
  db: Db,
  scope: AgreementScope,
  computedAt: string,
): AgreementReport {
  const coders = scopeCoders(db, scope);
  const questions = scopeQuestions(db, scope.questionIds);
  const questionIds = questions.map((question) => question.id);
  const seen = seenAnswers(db, scope.coderIds, questionIds);
  const twoCoders = scope.coderIds.length === 2;
  const tree = indexTree(tallyCodes(db));
  const codings = readCodings(db, scope.coderIds);
  const coded = codedUnits(codings, seen.ids, tree, scope.coderIds);
  const lists = presenceLists(tree, coded);
  const bootstrap = { resamples: scope.resamples, seed: scope.seed };
  return {
    coders,
    questions,
    answers: seen.ids.length,
    answersNotSeen: seen.notSeen,
    threshold: scope.threshold,
    resamples: scope.resamples,
    seed: scope.seed,
    computedAt,
    answerLevel: answerLevel(tree, lists, bootstrap),
    segmentLevel: twoCoders ? segmentLevel(tree, coded, codings, lists, scope.threshold) : null,
    segmentLevelReason: twoCoders ? null : SEGMENT_TWO_CODERS,
  };
}

function scopeCoders(db: Db, scope: AgreementScope): AgreementReport["coders"] {
  const known = codersById(db);
  return scope.coderIds.map((id) => {
    const coder = known.get(id);
    if (!coder) throw new CairnError("not_found", `coder ${id} is not in this project`);
    return { id: coder.id, name: coder.name };
  });
}

/** The chosen questions in questionnaire order; absent or empty: every question. */
function scopeQuestions(db: Db, ids: readonly QuestionId[] | undefined): ScopeQuestion[] {
  const all = questionsInOrder(db);
  if (ids === undefined || ids.length === 0) return all;
  const known = new Set(all.map((question) => question.id as number));
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) {
    throw new CairnError("not_found", `question ${missing} is not in this project`);
  }
  const chosen = new Set<number>(ids);
  return all.filter((question) => chosen.has(question.id));
}
