/**
 * The code x code co-occurrence table. Each unit (an answer to the question, or a
 * respondent across all questions) is read once as its distinct codes; units with the
 * same codes are counted together, and each distinct set is widened to its codes'
 * ancestors (a category carries what its subtree carries) and its pairs counted.
 * A unit counts once per cell however many segments it has, and for one question each
 * respondent has one answer, so every cell counts distinct respondents.
 */
import type { CooccurrenceTable } from "../../../shared/api/retrieval-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CodeId } from "../../../shared/domain.ts";
import { codeTree } from "../db/codes.ts";
import { forEachUnitCodes, unitCodeIds, type CooccurrenceScope } from "../db/cooccurrence.ts";
import { coderExists } from "../db/grid-lookups.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { flattenTree, type FlatCode } from "./code-paths.ts";

export function cooccurrenceTable(db: Db, scope: CooccurrenceScope): CooccurrenceTable {
  if (scope.questionId !== undefined && !questionExists(db, scope.questionId)) {
    throw new CairnError("not_found", `question ${scope.questionId} is not in this project`);
  }
  if (scope.coderId !== undefined && !coderExists(db, scope.coderId)) {
    throw new CairnError("not_found", `coder ${scope.coderId} is not in this project`);
  }
  const codes = flattenTree(codeTree(db));
  const units = new Map<string, number>();
  forEachUnitCodes(db, scope, (codeIds) => units.set(codeIds, (units.get(codeIds) ?? 0) + 1));
  const counts = countPairs(codes, units);
  const n = codes.length;
  return {
    codes: codes.map(({ codeId, path }) => ({ codeId, path })),
    cells: codes.map((_, i) =>
      Array.from({ length: n }, (_, j) => counts[i <= j ? i * n + j : j * n + i] as number),
    ),
  };
}

/** Counts in the upper triangle (i <= j) of an n x n matrix, row-major. */
function countPairs(codes: readonly FlatCode[], units: ReadonlyMap<string, number>): Float64Array {
  const n = codes.length;
  const indexOf = new Map<CodeId, FlatCode>(codes.map((code) => [code.codeId, code]));
  const counts = new Float64Array(n * n);
  const carried = new Uint8Array(n);
  for (const [codeIds, weight] of units) {
    const nodes: number[] = [];
    for (const id of unitCodeIds(codeIds)) {
      for (const index of indexOf.get(id)?.selfAndAncestors ?? []) {
        if (carried[index]) continue;
        carried[index] = 1;
        nodes.push(index);
      }
    }
    nodes.sort((a, b) => a - b);
    for (let x = 0; x < nodes.length; x++) {
      const row = (nodes[x] as number) * n;
      for (let y = x; y < nodes.length; y++) {
        const cell = row + (nodes[y] as number);
        counts[cell] = (counts[cell] as number) + weight;
      }
    }
    for (const index of nodes) carried[index] = 0;
  }
  return counts;
}
