/**
 * The co-occurrence table itself: rows and columns are the codes in tree order
 * (categories bold, codes indented under them), column headers turned on their side
 * and shortened (the full path in the tooltip), and every cell a button to its passages,
 * shaded by how many respondents it counts.
 */
import { count } from "../../format.ts";
import { abbreviate, heat, type CooccurrenceRow } from "../../retrieval/cooccurrence.ts";
import { useCooccurrence } from "../../stores/cooccurrence.ts";
import { useProject } from "../../stores/project.ts";

interface Props {
  readonly rows: readonly CooccurrenceRow[];
  readonly largest: number;
}

export function CooccurrenceTableView({ rows, largest }: Props) {
  const codeIndex = useProject((s) => s.codeIndex);
  const openCell = useCooccurrence((s) => s.openCell);
  const colorOf = (row: CooccurrenceRow) => codeIndex.get(row.codeId)?.color ?? "#999";

  return (
    <div className="cooccurrence-scroll">
      <table className="cooccurrence-table">
        <thead>
          <tr>
            <th className="cooc-corner" scope="col">
              <span className="filter-hint">Code</span>
            </th>
            {rows.map((column) => (
              <th
                key={column.codeId}
                scope="col"
                className={`cooc-column${column.isCategory ? " category" : ""}`}
                title={column.path.join(" > ")}
              >
                <span className="cooc-column-label">
                  <span className="swatch" style={{ backgroundColor: colorOf(column) }} />
                  {abbreviate(column.name)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={row.codeId} className={row.isCategory ? "category" : undefined}>
              <th
                scope="row"
                className="cooc-row"
                title={row.path.join(" > ")}
                style={{ paddingLeft: 10 + row.depth * 14 }}
              >
                <span className="swatch" style={{ backgroundColor: colorOf(row) }} />
                <span className="cooc-row-name">{row.name}</span>
              </th>
              {rows.map((column, j) => {
                const value = row.cells[j] ?? 0;
                const diagonal = i === j;
                const shade = diagonal ? 0 : heat(value, largest);
                const respondents = count(value, "respondent");
                const what = diagonal
                  ? `${row.path.join(" > ")}: ${respondents}`
                  : `${row.path.join(" > ")} with ${column.path.join(" > ")}: ${respondents}`;
                return (
                  <td
                    key={column.codeId}
                    className={`cooc-cell${diagonal ? " diagonal" : ""}${value === 0 ? " zero" : ""}`}
                    style={shade > 0 ? heatStyle(shade) : undefined}
                  >
                    <button
                      type="button"
                      title={`${what}. Show the passages.`}
                      aria-label={what}
                      data-row={row.codeId}
                      data-column={column.codeId}
                      onClick={() => openCell(row.codeId, column.codeId)}
                    >
                      {value}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The accent colour, from a tint for the smallest pair to a deep shade for the largest. */
function heatStyle(shade: number) {
  return {
    backgroundColor: `rgba(45, 106, 115, ${(0.08 + 0.62 * shade).toFixed(3)})`,
    color: shade > 0.55 ? "white" : undefined,
  };
}
