/**
 * The counts beside each node of the codebook: segments and respondents, of the code
 * itself and of its subtree (a respondent counted once however many of its codes they
 * have), for one coder or all.
 *
 * Why not GROUP BY: respondents per code need (code, respondent) pairs made distinct,
 * and SQLite does that by sorting every segment; with a million segments that is one to
 * three seconds, most of it sorting and reading answers out of order. Instead one scan
 * reads each segment's (respondent, code) in answer order (the segments_by_answer index,
 * answers read in order) into typed arrays through an aggregate function
 * (db/pair-collector.ts), which costs
 * a fraction of returning a million rows; a pass in JavaScript then counts. Answers are
 * stored respondent by respondent, so respondents come in order and counting distinct
 * ones needs only the last one seen per code; a project where they do not (answers
 * added later) is counted with sets instead.
 */
import type { CodeCount } from "../../../shared/api/codebook-api.ts";
import type { CodeId, CoderId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { collectIntRows } from "./pair-collector.ts";
import { sql } from "./sql.ts";
import { statement } from "./statements.ts";

/** Each segment's respondent and code, in scan order; valid until the next read. */
interface Pairs {
  readonly respondents: Int32Array;
  readonly codes: Int32Array;
  readonly length: number;
}

function readPairs(db: Db, coderId: CoderId | null): Pairs {
  const rows = collectIntRows(
    db,
    sql`SELECT cairn_int_rows(a.respondent_id, s.code_id, 0)
          FROM segments s INDEXED BY segments_by_answer JOIN answers a ON a.id = s.answer_id
         WHERE ${coderId} IS NULL OR s.coder_id = ${coderId}`,
  );
  return { respondents: rows.a, codes: rows.b, length: rows.length };
}

/** The tree as arrays: node index by code id, and each node's chain up to the top. */
export interface Tree {
  readonly ids: readonly CodeId[];
  readonly index: ReadonlyMap<number, number>;
  /** For each node, its own index then its ancestors'. */
  readonly chains: readonly Int32Array[];
}

export function readTree(db: Db): Tree {
  const rows = statement(db, "SELECT id, parent_id FROM codes ORDER BY id").all() as {
    id: CodeId;
    parent_id: CodeId | null;
  }[];
  const index = new Map(rows.map((row, i) => [row.id as number, i]));
  const parent = rows.map((row) =>
    row.parent_id === null ? -1 : (index.get(row.parent_id) ?? -1),
  );
  const chains = rows.map((_, i) => {
    const chain: number[] = [];
    // The schema cannot hold a cycle through parent_id updates we make, but a file
    // edited by hand could: stop at the number of codes.
    for (let at = i; at >= 0 && chain.length <= rows.length; at = parent[at] ?? -1) chain.push(at);
    return Int32Array.from(chain);
  });
  return { ids: rows.map((row) => row.id), index, chains };
}

/** Each node's counts, by its index in the tree. */
export interface Tallies {
  readonly segments: Float64Array;
  readonly respondents: Float64Array;
  readonly subtreeSegments: Float64Array;
  readonly subtreeRespondents: Float64Array;
}

export function countCodes(db: Db, tree: Tree, coderId: CoderId | null): Tallies {
  const pairs = readPairs(db, coderId);
  const n = tree.ids.length;
  const segments = new Float64Array(n);
  const subtreeSegments = new Float64Array(n);
  const node = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const at = tree.index.get(pairs.codes[i] ?? 0) ?? -1;
    node[i] = at;
    if (at < 0) continue;
    segments[at]!++;
    for (const up of tree.chains[at]!) subtreeSegments[up]!++;
  }
  const respondents = inOrder(pairs)
    ? respondentsInOrder(pairs, node, tree)
    : respondentsWithSets(pairs, node, tree);
  return { segments, subtreeSegments, ...respondents };
}

export function talliesToCounts(tree: Tree, tallies: Tallies): CodeCount[] {
  return tree.ids.map((codeId, i) => ({
    codeId,
    segments: tallies.segments[i]!,
    respondents: tallies.respondents[i]!,
    subtreeSegments: tallies.subtreeSegments[i]!,
    subtreeRespondents: tallies.subtreeRespondents[i]!,
  }));
}

/** One respondent's segments by code (one coder's, or all). */
export function respondentCodeCounts(
  db: Db,
  respondentId: number,
  coderId: CoderId | null,
): Map<number, number> {
  const rows = statement(
    db,
    `SELECT s.code_id AS code, count(*) AS n
       FROM answers a JOIN segments s ON s.answer_id = a.id
      WHERE a.respondent_id = ? AND (? IS NULL OR s.coder_id = ?)
      GROUP BY s.code_id`,
  ).all(respondentId, coderId, coderId) as { code: number; n: number }[];
  return new Map(rows.map((row) => [row.code, row.n]));
}

/** Changes when a code is added, removed or moved to another parent. */
export function treeShape(db: Db): string {
  return statement(
    db,
    `SELECT ifnull(group_concat(id || ':' || ifnull(parent_id, ''), ','), '')
       FROM (SELECT id, parent_id FROM codes ORDER BY id)`,
  )
    .pluck()
    .get() as string;
}

function inOrder(pairs: Pairs): boolean {
  for (let i = 1; i < pairs.length; i++) {
    if (pairs.respondents[i]! < pairs.respondents[i - 1]!) return false;
  }
  return true;
}

interface RespondentCounts {
  readonly respondents: Float64Array;
  readonly subtreeRespondents: Float64Array;
}

/** Respondents come in order: a node counts one when it sees a respondent it did not last. */
function respondentsInOrder(pairs: Pairs, node: Int32Array, tree: Tree): RespondentCounts {
  const n = tree.ids.length;
  const respondents = new Float64Array(n);
  const subtreeRespondents = new Float64Array(n);
  const lastOwn = new Float64Array(n).fill(-1);
  const lastSub = new Float64Array(n).fill(-1);
  for (let i = 0; i < pairs.length; i++) {
    const at = node[i]!;
    if (at < 0) continue;
    const respondent = pairs.respondents[i]!;
    if (lastOwn[at] !== respondent) {
      lastOwn[at] = respondent;
      respondents[at]!++;
    }
    for (const up of tree.chains[at]!) {
      if (lastSub[up] === respondent) break; // and so is every node above it
      lastSub[up] = respondent;
      subtreeRespondents[up]!++;
    }
  }
  return { respondents, subtreeRespondents };
}

function respondentsWithSets(pairs: Pairs, node: Int32Array, tree: Tree): RespondentCounts {
  const own = tree.ids.map(() => new Set<number>());
  const sub = tree.ids.map(() => new Set<number>());
  for (let i = 0; i < pairs.length; i++) {
    const at = node[i]!;
    if (at < 0) continue;
    const respondent = pairs.respondents[i]!;
    own[at]!.add(respondent);
    for (const up of tree.chains[at]!) sub[up]!.add(respondent);
  }
  return {
    respondents: Float64Array.from(own, (set) => set.size),
    subtreeRespondents: Float64Array.from(sub, (set) => set.size),
  };
}
