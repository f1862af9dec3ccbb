/**
 * One question's (or all questions') figures as a table of code tree rows: respondents
 * "9 of 12", % of answered, segments, % of segments; sortable by a click on a header
 * (siblings sort within their category); each number opens the passages behind it,
 * under the tally's own coder and attribute filter, so the list is what was counted.
 */
import { useMemo, useState } from "react";
import type { Tally, TallyCode } from "../../../../shared/api/tally-api.ts";
import type { CodeId, QuestionId } from "../../../../shared/domain.ts";
import { countText, ofText, percentText } from "../../../../shared/tally/percent.ts";
import { count } from "../../format.ts";
import { useProject } from "../../stores/project.ts";
import { useView, type PassagesScope } from "../../stores/view.ts";
import {
  nextSort,
  siblingSegments,
  sortedRows,
  type TallyColumn,
  type TallyRow,
  type TallySort,
} from "../../tally/rows.ts";
import "./tally-table.css";

export interface TallyTableProps {
  /** The rows, in tree order, as the tally gives them. */
  readonly codes: readonly TallyCode[];
  /** The denominator of "n of M": answered (the question, or any question). */
  readonly answered: number;
  /** Where a number's passages come from; absent: every question. */
  readonly questionId?: QuestionId;
  /** Whose coding and which respondents the figures count (the tally's own). */
  readonly counted: Pick<Tally, "coderId" | "filter">;
  /** Narrow layout for the panel beside the grid. */
  readonly compact?: boolean;
  /** Accessible name, e.g. "Frequencies for Q3". */
  readonly label: string;
  /** The sentence shown when no code has a segment in scope. */
  readonly emptyMessage?: string;
}

interface Column {
  readonly id: TallyColumn;
  readonly title: string;
  /** The header where the table is narrow (the panel, a narrow window), when shorter. */
  readonly short?: string;
  /** In the panel, where "% of answered" is the only percentage. */
  readonly panel?: string;
  /** Shown in the narrow panel too. */
  readonly compact: boolean;
  readonly hint: string;
}

const COLUMNS: readonly Column[] = [
  { id: "code", title: "Code", compact: true, hint: "Sort by name" },
  {
    id: "respondents",
    title: "Respondents",
    short: "Resp.",
    compact: true,
    hint: "Respondents with the code, of those who answered",
  },
  {
    id: "pctOfAnswered",
    title: "% of answered",
    short: "% ans.",
    panel: "%",
    compact: true,
    hint: "Share of those who answered",
  },
  { id: "segments", title: "Segments", short: "Seg.", compact: false, hint: "Coded passages" },
  {
    id: "pctOfSegments",
    title: "% of segments",
    short: "% seg.",
    compact: false,
    hint: "Share of the segments of the code and its siblings",
  },
];

export function TallyTable({
  codes,
  answered,
  questionId,
  counted,
  compact = false,
  label,
  emptyMessage,
}: TallyTableProps) {
  const [sort, setSort] = useState<TallySort>(null);
  const rows = useMemo(() => sortedRows(codes, sort), [codes, sort]);
  const segmentSums = useMemo(() => siblingSegments(codes), [codes]);
  const passages = (codeId: CodeId): PassagesScope => ({
    codeId,
    ...(questionId === undefined ? {} : { questionId }),
    coder: counted.coderId ?? "all",
    attributes: counted.filter,
  });
  const columns = compact ? COLUMNS.filter((c) => c.compact) : COLUMNS;

  if (codes.length === 0) {
    return (
      <p className="tally-empty" role="status">
        {emptyMessage ??
          (questionId === undefined
            ? "No passages coded yet."
            : "No passages coded in this question yet.")}
      </p>
    );
  }

  return (
    // The wrapper is the table's container: headers shorten to the room it has.
    <div className="tally-table-room">
      <table
        className={`tally-table${compact ? " compact" : ""}`}
        aria-label={label}
        data-testid="tally-table"
      >
        <thead>
          <tr>
            {columns.map((column) => {
              const sorted = sort?.column === column.id ? sort.direction : undefined;
              return (
                <th
                  key={column.id}
                  scope="col"
                  className={`tally-head tally-${column.id}`}
                  aria-sort={sorted ?? "none"}
                >
                  <button
                    type="button"
                    aria-label={`Sort by ${column.title.toLowerCase()}`}
                    title={`${column.hint}. Click to sort; a third click restores the codebook's order.`}
                    onClick={() => setSort(nextSort(sort, column.id))}
                  >
                    {compact ? (
                      (column.panel ?? column.short ?? column.title)
                    ) : (
                      <>
                        <span className="tally-head-long">{column.title}</span>
                        <span className="tally-head-short">{column.short ?? column.title}</span>
                      </>
                    )}
                    <span className="tally-sort-mark" aria-hidden="true">
                      {sorted === "ascending" ? "▲" : sorted === "descending" ? "▼" : ""}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <TallyRowView
              key={row.code.codeId}
              row={row}
              answered={answered}
              siblingSegments={segmentSums.get(row.code.parentId) ?? 0}
              passages={passages(row.code.codeId)}
              compact={compact}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TallyRowView({
  row,
  answered,
  siblingSegments,
  passages,
  compact,
}: {
  readonly row: TallyRow;
  readonly answered: number;
  /** Segments of the row's siblings and itself: the denominator of % of segments. */
  readonly siblingSegments: number;
  readonly passages: PassagesScope;
  readonly compact: boolean;
}) {
  const { code, depth, hasChildren } = row;
  const color = useProject((s) => s.codeIndex.get(code.codeId)?.color ?? "#999");
  const name = code.path[code.path.length - 1] ?? "";
  const where = code.path.join(" > ");
  const ofAnswered = percentText(code.nRespondents, answered);
  const ofSegments = percentText(code.nSegments, siblingSegments);
  const open = () => useView.getState().showPassages(passages);
  const figure = (text: string, spoken: string) => (
    <button
      type="button"
      className="tally-number"
      aria-label={`${where}: ${spoken}. Show the passages.`}
      title={`${spoken}. Show the passages.`}
      onClick={open}
    >
      {text}
    </button>
  );

  return (
    <tr className={hasChildren ? "category" : undefined} data-code={code.codeId}>
      <th scope="row" className="tally-code" title={where} style={{ paddingLeft: 8 + depth * 14 }}>
        <span className="tally-code-label">
          <span className="swatch" style={{ backgroundColor: color }} />
          <span className="tally-code-name">{name}</span>
        </span>
      </th>
      <td className="tally-respondents">
        {figure(
          ofText(code.nRespondents, answered),
          `${ofText(code.nRespondents, answered)} respondents`,
        )}
      </td>
      <td className="tally-pctOfAnswered">
        {figure(
          ofAnswered,
          answered === 0 ? "nobody answered" : `${ofAnswered} of those who answered`,
        )}
      </td>
      {!compact && (
        <td className="tally-segments">
          {figure(countText(code.nSegments), count(code.nSegments, "segment"))}
        </td>
      )}
      {!compact && (
        <td className="tally-pctOfSegments">
          {figure(ofSegments, `${ofSegments} of the segments among its siblings`)}
        </td>
      )}
    </tr>
  );
}
