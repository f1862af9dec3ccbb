/**
 * The crosstab: the codes' respondents split by the values of one attribute, each cell
 * "n (pct%)" of that column's respondents who answered, with the table copyable and
 * drawn as stacked bars.
 */
import { useMemo } from "react";
import type { Crosstab } from "../../../../shared/api/tally-api.ts";
import type { CodeId } from "../../../../shared/domain.ts";
import { allCodes } from "../../codebook/moves.ts";
import { toTsv } from "../../tally/tsv.ts";
import { useFrequencies } from "../../stores/frequencies.ts";
import { useProject } from "../../stores/project.ts";
import { CrosstabChart } from "../charts/TallyCharts.tsx";
import { CopyButton } from "./CopyButton.tsx";
import {
  crosstabCells,
  crosstabColumns,
  crosstabTable,
  scopeSubtitle,
} from "./frequency-tables.ts";
import { MeasureSwitch } from "./QuestionSection.tsx";
import { useCrosstabAttribute } from "./useCrosstab.ts";
import type { Live } from "../../stores/live.ts";

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
          <CrosstabTable crosstab={table} />
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

function CrosstabTable({ crosstab }: { readonly crosstab: Crosstab }) {
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
                <td key={index} className={cell.n === 0 ? "zero" : undefined}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The rows a stacked bar can add up: one level of the tree, the chosen category's children. */
function chartRows(crosstab: Crosstab, codeId: CodeId | null): CodeId[] {
  const children = crosstab.rows.filter((row) => row.parentId === codeId);
  const level =
    children.length > 0 ? children : crosstab.rows.filter((row) => row.parentId === null);
  return level.map((row) => row.codeId);
}
