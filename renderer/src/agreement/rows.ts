/**
 * The agreement report's rows as the table lists them: the pooled row first, then every
 * code in the codebook's tree order, indented by depth, categories marked (shown bold).
 * A row the codebook no longer has (a code deleted since) keeps the report's order at
 * the end rather than vanishing from the figures.
 */
import type { AgreementReport, PooledAnswerAgreement } from "../../../shared/api/agreement-api.ts";
import type { CodeId, CodeNode } from "../../../shared/domain.ts";
import type { SegmentFigures } from "./columns.ts";

export const POOLED_LABEL = "All codes (pooled)";

export interface AgreementRow<F> {
  /** "pooled", or the code's id. */
  readonly key: string;
  readonly codeId: CodeId | null;
  /** The code's own name; POOLED_LABEL for the pooled row. */
  readonly name: string;
  /** Names from the top level down ("Safety > Risk"); empty for the pooled row. */
  readonly path: readonly string[];
  readonly depth: number;
  readonly category: boolean;
  readonly pooled: boolean;
  readonly figures: F;
}

interface CodeRow<F> {
  readonly codeId: CodeId;
  readonly path: readonly string[];
  readonly category: boolean;
  readonly figures: F;
}

export function answerRows(
  report: AgreementReport,
  tree: readonly CodeNode[],
): AgreementRow<PooledAnswerAgreement>[] {
  const level = report.answerLevel;
  return withPooled(
    level.pooled,
    inTreeOrder(
      level.rows.map((row) => ({
        codeId: row.codeId,
        path: row.path,
        category: row.category,
        figures: row,
      })),
      tree,
    ),
  );
}

/** Null when the report has no segment level (more than two coders). */
export function segmentRows(
  report: AgreementReport,
  tree: readonly CodeNode[],
): AgreementRow<SegmentFigures>[] | null {
  const level = report.segmentLevel;
  if (level === null) return null;
  const parents = parentIds(tree);
  return withPooled(
    level.pooled,
    inTreeOrder(
      level.rows.map((row) => ({
        codeId: row.codeId,
        path: row.path,
        category: parents.has(row.codeId),
        figures: row,
      })),
      tree,
    ),
  );
}

function withPooled<F>(pooled: F, rows: AgreementRow<F>[]): AgreementRow<F>[] {
  return [
    {
      key: "pooled",
      codeId: null,
      name: POOLED_LABEL,
      path: [],
      depth: 0,
      category: false,
      pooled: true,
      figures: pooled,
    },
    ...rows,
  ];
}

function inTreeOrder<F>(rows: readonly CodeRow<F>[], tree: readonly CodeNode[]): AgreementRow<F>[] {
  const byId = new Map(rows.map((row) => [row.codeId, row]));
  const ordered: AgreementRow<F>[] = [];
  const place = (row: CodeRow<F>) => {
    byId.delete(row.codeId);
    ordered.push({
      key: String(row.codeId),
      codeId: row.codeId,
      name: row.path[row.path.length - 1] ?? "",
      path: row.path,
      depth: Math.max(0, row.path.length - 1),
      category: row.category,
      pooled: false,
      figures: row.figures,
    });
  };
  const visit = (nodes: readonly CodeNode[]) => {
    for (const node of nodes) {
      const row = byId.get(node.id);
      if (row) place(row);
      visit(node.children);
    }
  };
  visit(tree);
  for (const row of rows) if (byId.has(row.codeId)) place(row);
  return ordered;
}

function parentIds(tree: readonly CodeNode[]): Set<CodeId> {
  const ids = new Set<CodeId>();
  const visit = (nodes: readonly CodeNode[]) => {
    for (const node of nodes) {
      if (node.children.length > 0) ids.add(node.id);
      visit(node.children);
    }
  };
  visit(tree);
  return ids;
}

/**
 * The distinct reasons of the undefined figures in `rows` x `columns`, numbered in the
 * order a reader meets them (row by row), for the footnotes under the table.
 */
export function footnotes<F>(
  rows: readonly AgreementRow<F>[],
  columns: readonly { cell(figures: F): { readonly reason: string | null } }[],
): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const row of rows) {
    for (const column of columns) {
      const reason = column.cell(row.figures).reason;
      if (reason !== null && !numbers.has(reason)) numbers.set(reason, numbers.size + 1);
    }
  }
  return numbers;
}
