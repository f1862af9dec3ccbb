/**
 * The crosstab: the codes' respondents split by the values of one attribute, each cell
 * "n (pct%)" of that column's respondents who answered, with the table copyable and
 * drawn as stacked bars. Each cell's number opens the passages of the respondents it
 * counts, as a tally table's numbers do.
 */
import { useMemo } from "react";
import type { Crosstab } from "../../../../shared/api/tally-api.ts";
import type { CodeId } from "../../../../shared/domain.ts";
import { allCodes } from "../../codebook/moves.ts";
import { count } from "../../format.ts";
import type { AttributeChoice } from "../../retrieval/passages-query.ts";
import { toTsv } from "../../tally/tsv.ts";
import { useFrequencies } from "../../stores/frequencies.ts";
import { useProject } from "../../stores/project.ts";
import { useView, type PassagesScope } from "../../stores/view.ts";
import { CrosstabChart } from "../charts/TallyCharts.tsx";
import { CopyButton } from "./CopyButton.tsx";
import { cellPassages } from "./crosstab-passages.ts";
import {
  crosstabCells,
  crosstabColumns,
  crosstabTable,
  pathText,
  scopeSubtitle,
  type CrosstabCell,
} from "./frequency-tables.ts";
import { MeasureSwitch } from "./QuestionSection.tsx";
import { useCrosstabAttribute } from "./useCrosstab.ts";
import type { Live } from "../../stores/live.ts";
import "./tally-table.css";

const NO_ATTRIBUTES: never[] = [];
const NO_QUESTIONS: never[] = [];

export function CrosstabMode({ crosstab }: { readonly crosstab: Live<Crosstab> }) {
  const attributes = useProject((s) => s.summary?.attributes ?? NO_ATTRIBUTES);
  const codes = useProject((s) => s.codes);
  const questions = useProject((s) => s.summary?.questions ?? NO_QUESTIONS);
  const attribute = useCrosstabAttribute();
  const codeId = useFrequencies((s) => s.crosstabCodeId);
  const measure = useFrequencies((s) => s.measure);
  const { setCrosstab, setMeasure } = useFrequencies.getState();
  const categories = useMemo(() => allCodes(codes).filter((c) => c.children.length > 0), [codes]);
  const filter = useFrequencies((s) => s.attributes);
  const coders = useProject((s) => s.summary?.coders);
  const table = crosstab.value;
  const question = questions.find((q) => q.id === table?.questionId);
  const coder = coders?.find((c) => c.id === table?.coderId)?.name ?? null;
  const chartCodes = useMemo(() => (table ? chartRows(table, codeId) : []), [table, codeId]);

  if (attributes.length === 0 || attribute === null) {
    return (
      <p className="notice">
        This project has no attributes (such as a country or an organisation type) to split the
        codes by. Import the answers again with those columns as attributes to see a crosstab.
      </p>
    );
  }
  return (
    <section className="frequency-section" aria-label="Crosstab">
      <div className="frequency-actions">
        <label className="retrieval-field">
          <span className="grid-label">Split by</span>
          <select
            aria-label="Split by attribute"
            value={attribute}
            onChange={(e) => setCrosstab(e.target.value, codeId)}
          >
            {attributes.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="retrieval-field">
          <span className="grid-label">Codes</span>
          <select
            aria-label="Crosstab codes"
            value={codeId ?? ""}
            onChange={(e) =>
              setCrosstab(
                attribute,
                e.target.value === "" ? null : (Number(e.target.value) as CodeId),
              )
            }
          >
            <option value="">Every code</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.path.join(" › ")}
              </option>
            ))}
          </select>
        </label>
        {table && table.rows.length > 0 && (
          <CopyButton
            label="Copy table"
            ariaLabel="Copy the crosstab"
            text={() => toTsv(crosstabTable(table))}
          />
        )}
        <MeasureSwitch value={measure} onChange={setMeasure} />
      </div>
      {crosstab.error && (
        <p className="notice error">
          Could not split the codes by {attribute}: {crosstab.error}
        </p>
      )}
      {!table && !crosstab.error && <p className="notice">Counting…</p>}
      {table && table.rows.length === 0 && (
        <p className="notice">No answer in scope is coded yet: there is nothing to split.</p>
      )}
      {table && table.rows.length > 0 && (
        <>
          {/* The table shown is always the read for the view's current scope (useLive
              drops another key's value), so `filter` is the one its cells counted with. */}
          <CrosstabTable crosstab={table} filter={filter} />
          <p className="filter-hint">
            Each cell: respondents with the code, and their share of the respondents of that{" "}
            {table.attribute} who answered
            {table.questionId === null ? " at least one question" : " the question"}.
          </p>
          <div className="frequency-chart">
            <CrosstabChart
              crosstab={table}
              codeIds={chartCodes}
              measure={measure}
              subtitle={scopeSubtitle(coder, filter, question?.label ?? "All questions")}
            />
          </div>
        </>
      )}
    </section>
  );
}

function CrosstabTable({
  crosstab,
  filter,
}: {
  readonly crosstab: Crosstab;
  readonly filter: readonly AttributeChoice[];
}) {
  const columns = crosstabColumns(crosstab);
  const top = Math.min(...crosstab.rows.map((row) => row.path.length));
  return (
    <div className="crosstab-scroll">
      <table
        className="crosstab-table"
        aria-label={`Crosstab of the codes by ${crosstab.attribute}`}
      >
        <thead>
          <tr>
            <th scope="col">Code</th>
            {columns.map((column) => (
              <th key={column.name} scope="col">
                {column.name}{" "}
                <span className="crosstab-answered">(answered {column.answered})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {crosstab.rows.map((row) => (
            <tr key={row.codeId}>
              <th scope="row" style={{ paddingLeft: `${8 + 16 * (row.path.length - top)}px` }}>
                {row.path.at(-1)}
              </th>
              {crosstabCells(crosstab, row).map((cell, index) => (
                <CrosstabCellView
                  key={index}
                  cell={cell}
                  where={`${pathText(row.path)}, ${columnName(crosstab, index)}`}
                  passages={cellPassages(crosstab, filter, row.codeId, index)}
                  attribute={crosstab.attribute}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Country Ireland", "Country, no value", or "Total" (one past the last column). */
function columnName(crosstab: Crosstab, index: number): string {
  const column = crosstab.columns[index];
  if (column === undefined) return "Total";
  return column.value === null
    ? `${crosstab.attribute}, no value`
    : `${crosstab.attribute} ${column.value}`;
}

/**
 * A cell's number: a button to its passages. A zero has none to show; respondents without
 * a value cannot be listed by a filter, so their numbers stay plain and say why.
 */
function CrosstabCellView({
  cell,
  where,
  passages,
  attribute,
}: {
  readonly cell: CrosstabCell;
  /** "Victim safety, Country Ireland": the row's code path and the column. */
  readonly where: string;
  readonly passages: PassagesScope | null;
  readonly attribute: string;
}) {
  if (cell.n === 0) return <td className="zero">{cell.text}</td>;
  if (passages === null) {
    return (
      <td
        title={`Respondents without a value of ${attribute}: the passages can be filtered by a value only, so they cannot be listed alone.`}
      >
        {cell.text}
      </td>
    );
  }
  const respondents = count(cell.n, "respondent");
  return (
    <td className="crosstab-link">
      <button
        type="button"
        className="tally-number"
        aria-label={`${where}: ${respondents} — show passages`}
        title={`${respondents}. Show the passages.`}
        onClick={() => useView.getState().showPassages(passages)}
        onFocus={(e) => revealCell(e.currentTarget)}
      >
        {cell.text}
      </button>
    </td>
  );
}

/**
 * Scrolls a wide crosstab sideways so the focused cell shows whole and clear of the sticky
 * code column: a browser reveals a focused element only when none of it is in view, and
 * takes no account of what sticks over it.
 */
function revealCell(button: HTMLElement) {
  const scroller = button.closest(".crosstab-scroll");
  const rowHeader = button.closest("tr")?.querySelector("th");
  if (!scroller || !rowHeader) return;
  const cell = button.getBoundingClientRect();
  const left = rowHeader.getBoundingClientRect().right;
  const right = scroller.getBoundingClientRect().left + scroller.clientLeft + scroller.clientWidth;
  if (cell.left < left) scroller.scrollLeft -= left - cell.left;
  else if (cell.right > right) scroller.scrollLeft += cell.right - right;
}

/** The rows a stacked bar can add up: one level of the tree, the chosen category's children. */
function chartRows(crosstab: Crosstab, codeId: CodeId | null): CodeId[] {
  const children = crosstab.rows.filter((row) => row.parentId === codeId);
  const level =
    children.length > 0 ? children : crosstab.rows.filter((row) => row.parentId === null);
  return level.map((row) => row.codeId);
}
