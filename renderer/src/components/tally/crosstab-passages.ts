/**
 * The passages behind a crosstab cell, so that the passages view lists exactly the
 * respondents the cell counts: the row's code in the crosstab's question, under its coder
 * and the view's attribute filter, narrowed to the cell's column. Pure functions.
 */
import type { Crosstab } from "../../../../shared/api/tally-api.ts";
import type { CodeId } from "../../../../shared/domain.ts";
import type { AttributeChoice } from "../../retrieval/passages-query.ts";
import type { PassagesScope } from "../../stores/view.ts";

/**
 * The filter with `name` narrowed to `value`: its own conditions on `name` give way to
 * that one value. A column only exists for a value someone in scope has, so the value
 * already passes those conditions and replacing them is the same as adding to them.
 */
export function narrowedFilter(
  filter: readonly AttributeChoice[],
  name: string,
  value: string,
): AttributeChoice[] {
  return [...filter.filter((condition) => condition.name !== name), { name, values: [value] }];
}

/**
 * The scope of the cell in `column` (an index into the crosstab's columns; one past the
 * last: the total) of the row of `codeId`, under `filter`, the view's attribute filter
 * the crosstab was counted with. Null for the respondents without a value: a filter can
 * ask only for values, so no list is theirs alone.
 */
export function cellPassages(
  crosstab: Crosstab,
  filter: readonly AttributeChoice[],
  codeId: CodeId,
  column: number,
): PassagesScope | null {
  const scope = {
    codeId,
    ...(crosstab.questionId !== null ? { questionId: crosstab.questionId } : {}),
    coder: crosstab.coderId ?? "all",
  } as const;
  if (column === crosstab.columns.length) return { ...scope, attributes: filter };
  const cell = crosstab.columns[column];
  if (cell === undefined) {
    throw new Error(`cellPassages: column ${column} is not in the crosstab`);
  }
  if (cell.value === null) return null;
  return { ...scope, attributes: narrowedFilter(filter, crosstab.attribute, cell.value) };
}
