/**
 * The values an attribute takes across the respondents, each with how many respondents
 * have it: the choices of the grid's attribute filter. Read from the (attribute, value)
 * index, so a country attribute of 100,000 respondents costs a walk of that index, and
 * an attribute with a value per respondent (an email...) stops at the cap.
 */
import type { AttributeValues } from "../../../shared/api/contract.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { attributeIdsByName } from "./grid-lookups.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";
import { quoteCell, quoteList } from "../../../shared/import/quote-cell.ts";

/** More values than anyone ticks through; past it the filter's "another value" box serves. */
export const VALUES_SHOWN = 1000;

/** The values of the attribute with this name; a name the project lacks is bad input. */
export function attributeValuesByName(db: Db, name: string): AttributeValues {
  const ids = attributeIdsByName(db);
  const id = ids.get(name);
  if (id === undefined) {
    const known = quoteList([...ids.keys()]);
    throw new CairnError(
      "bad_input",
      `there is no attribute ${quoteCell(name)} in this project; ` +
        (known ? `its attributes are ${known}` : "it has no attributes"),
    );
  }
  return attributeValues(db, id);
}

/**
 * Blank values aside, in natural order (see `naturalOrder`). With more values than the
 * cap, SQL picks the first ones by a close approximation of that order (numbers by
 * value, then text whatever the case, as the grid sorts by attribute), so that the
 * values are never all read and sorted in JS.
 */
export function attributeValues(
  db: Db,
  attributeId: number,
  cap: number = VALUES_SHOWN,
): AttributeValues {
  const distinct = statement(
    db,
    `SELECT count(DISTINCT value) FROM respondent_attributes
      WHERE attribute_id = ? AND value <> ''`,
  )
    .pluck()
    .get(attributeId) as number;
  const rows = statement(
    db,
    `SELECT value, count(*) FROM respondent_attributes
      WHERE attribute_id = ? AND value <> ''
      GROUP BY value
      ORDER BY (CASE WHEN value GLOB '[0-9]*' AND value NOT GLOB '*[^0-9.]*'
                THEN CAST(value AS REAL) ELSE value END) COLLATE NOCASE, value
      LIMIT ?`,
  )
    .raw()
    .all(attributeId, cap) as [string, number][];
  return {
    values: rows
      .map(([value, respondents]) => ({ value, respondents }))
      .sort((a, b) => naturalOrder(a.value, b.value)),
    distinct,
    truncated: distinct > rows.length,
  };
}

const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const NUMBER = /^\d+(\.\d+)?$/;

/**
 * As people read values: numbers by value ("9" before "12", "1.25" before "1.5"), the
 * numbers within text too ("Region 2" before "Region 10"), letters whatever the case and
 * accents; values equal that way in a fixed order.
 */
export function naturalOrder(a: string, b: string): number {
  if (NUMBER.test(a) && NUMBER.test(b) && Number(a) !== Number(b)) return Number(a) - Number(b);
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
