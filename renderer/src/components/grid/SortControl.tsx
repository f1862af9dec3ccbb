/** Sort the question's answers: by respondent, an attribute, length, status or codes. */
import { sortLabel } from "../../grid/describe.ts";
import type { AnswerSort } from "../../grid/query.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useProject } from "../../stores/project.ts";

type SortBy = AnswerSort["by"];

/** The select's value: the sort's kind, or "attribute:" and the attribute's name. */
function encode(sort: AnswerSort): string {
  return sort.by === "attribute" ? `attribute:${sort.attribute ?? ""}` : sort.by;
}

function decode(value: string, descending: boolean): AnswerSort {
  if (value.startsWith("attribute:")) {
    return { by: "attribute", attribute: value.slice("attribute:".length), descending };
  }
  return { by: value as SortBy, descending };
}

const PLAIN_SORTS: readonly SortBy[] = ["respondent", "length", "status", "codes"];

export function SortControl() {
  const sort = useAnswers((s) => s.sort);
  const setSort = useAnswers((s) => s.setSort);
  const attributes = useProject((s) => s.summary?.attributes) ?? [];
  const descending = sort.descending ?? false;
  return (
    <div className="grid-sort">
      <label>
        <span className="grid-label">Sort</span>
        <select
          aria-label="Sort by"
          value={encode(sort)}
          onChange={(event) => void setSort(decode(event.target.value, descending))}
        >
          {PLAIN_SORTS.map((by) => (
            <option key={by} value={by}>
              {sortLabel({ by, descending })}
            </option>
          ))}
          {attributes.length > 0 && (
            <optgroup label="Attribute">
              {attributes.map((name) => (
                <option key={name} value={`attribute:${name}`}>
                  {name}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      <button
        type="button"
        className="grid-button icon"
        aria-label={descending ? "Descending: sort ascending" : "Ascending: sort descending"}
        title={descending ? "Descending (click for ascending)" : "Ascending (click for descending)"}
        onClick={() => void setSort({ ...sort, descending: !descending })}
      >
        {descending ? "↓" : "↑"}
      </button>
    </div>
  );
}
