/**
 * An agreement table (answer or segment level): the pooled row, then the codes in tree
 * order. A coefficient shows its 95% interval beside it in smaller type, three decimals
 * in its tooltip; an undefined figure shows "—" with a footnote number, its reason in
 * the tooltip and, for a screen reader, in the cell itself; the reasons are listed
 * under the table.
 */
import { useMemo } from "react";
import { intervalText, type Cell } from "../../agreement/cells.ts";
import type { AgreementColumn } from "../../agreement/columns.ts";
import type { ExplanationId } from "../../agreement/explanations.ts";
import { footnotes, type AgreementRow } from "../../agreement/rows.ts";
import { useProject } from "../../stores/project.ts";
import { InfoButton } from "./InfoButton.tsx";
import "./agreement-table.css";

interface Props<F> {
  readonly rows: readonly AgreementRow<F>[];
  readonly columns: readonly AgreementColumn<F>[];
  /** Accessible name: "Answer-level agreement". */
  readonly label: string;
  /** The code column's explanation: the unit of this level. */
  readonly unit: ExplanationId;
  /** Figures of an earlier choice, shown dimmed while the new ones are computed. */
  readonly busy: boolean;
}

export function AgreementTable<F>({ rows, columns, label, unit, busy }: Props<F>) {
  const notes = useMemo(() => footnotes(rows, columns), [rows, columns]);
  const half = Math.floor(columns.length / 2);
  return (
    <div className={`agreement-table-room level-${unit === "unitSegment" ? "segment" : "answer"}`}>
      <table
        className={`agreement-table${busy ? " busy" : ""}`}
        aria-label={label}
        aria-busy={busy}
        data-testid="agreement-table"
      >
        <thead>
          <tr>
            <th scope="col" className="agreement-code-head" title="Code">
              <span className="agreement-head">
                <span className="agreement-head-title">Code</span>
                <InfoButton id={unit} />
              </span>
            </th>
            {columns.map((column, index) => (
              <th key={column.id} scope="col" data-column={column.id} title={column.title}>
                <span className="agreement-head">
                  <span className="agreement-head-title">
                    <span className="agreement-head-long">{column.title}</span>
                    <span className="agreement-head-short">{column.short ?? column.title}</span>
                  </span>
                  <InfoButton id={column.explain} align={index >= half ? "end" : "start"} />
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              data-code={row.key}
              className={row.pooled ? "pooled" : row.category ? "category" : undefined}
            >
              <RowName row={row} />
              {columns.map((column) => (
                <FigureCell
                  key={column.id}
                  column={column.id}
                  estimate={column.estimate === true}
                  cell={column.cell(row.figures)}
                  notes={notes}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {notes.size > 0 && (
        <ol className="agreement-notes" aria-label="Why some figures are undefined">
          {[...notes].map(([reason, n]) => (
            <li key={reason} value={n}>
              {reason}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function RowName<F>({ row }: { readonly row: AgreementRow<F> }) {
  const color = useProject((s) =>
    row.codeId === null ? null : (s.codeIndex.get(row.codeId)?.color ?? "#999"),
  );
  return (
    <th
      scope="row"
      className="agreement-code"
      title={row.pooled ? undefined : row.path.join(" > ")}
      style={{ paddingLeft: 8 + row.depth * 14 }}
    >
      <span className="agreement-code-label">
        {color !== null && <span className="swatch" style={{ backgroundColor: color }} />}
        <span>{row.name}</span>
      </span>
    </th>
  );
}

function FigureCell({
  column,
  estimate,
  cell,
  notes,
}: {
  readonly column: string;
  readonly estimate: boolean;
  readonly cell: Cell;
  readonly notes: ReadonlyMap<string, number>;
}) {
  if (cell.reason !== null) {
    return (
      <td className="agreement-undefined" data-column={column} title={cell.reason}>
        <span aria-hidden="true">
          —<sup>{notes.get(cell.reason)}</sup>
        </span>
        <span className="visually-hidden">undefined: {cell.reason}</span>
      </td>
    );
  }
  return (
    <td data-column={column} className={estimate ? "estimate" : undefined} title={cell.detail}>
      <span className="agreement-value">{cell.text}</span>
      {cell.interval && (
        <>
          {" "}
          <small className="agreement-ci">{intervalText(cell.interval)}</small>
        </>
      )}
    </td>
  );
}
