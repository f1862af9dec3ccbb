/**
 * The population sizes the user gives for response rates (migrations/0006): the overall
 * size, how many values an attribute could take, and how many respondents each value
 * could have. A size not given has no row.
 */
import type { Populations } from "../../../shared/api/tally-api.ts";
import type { AttributeId } from "../../../shared/domain.ts";
import { naturalOrder } from "./attribute-values.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

/** One size: overall (no attribute), an attribute's values (no value) or one value's. */
export interface PopulationRow {
  readonly attributeId: number | null;
  readonly value: string | null;
  readonly size: number;
}

interface Row {
  id: number;
  attribute_id: number | null;
  value: string | null;
  size: number;
}

function rows(db: Db): Row[] {
  return statement(db, "SELECT id, attribute_id, value, size FROM populations").all() as Row[];
}

/** Every attribute of the project in its order, with the sizes given for it. */
export function readPopulations(db: Db): Populations {
  const stored = rows(db);
  const attributes = statement(db, "SELECT id, name FROM attributes ORDER BY position").all() as {
    id: number;
    name: string;
  }[];
  return {
    overall: stored.find((row) => row.attribute_id === null)?.size ?? null,
    attributes: attributes.map(({ id, name }) => {
      const own = stored.filter((row) => row.attribute_id === id);
      return {
        attributeId: id as AttributeId,
        name,
        values: own.find((row) => row.value === null)?.size ?? null,
        byValue: own
          .filter((row): row is Row & { value: string } => row.value !== null)
          .map((row) => ({ value: row.value, size: row.size }))
          .sort((a, b) => naturalOrder(a.value, b.value)),
      };
    }),
  };
}

const key = (attributeId: number | null, value: string | null): string =>
  JSON.stringify([attributeId, value]);

/**
 * Makes the stored sizes exactly `wanted`, touching only the rows that differ, so that
 * setting the same sizes again changes nothing (and records no undo step).
 */
export function replacePopulations(db: Db, wanted: readonly PopulationRow[]): void {
  const stored = new Map(rows(db).map((row) => [key(row.attribute_id, row.value), row]));
  const remove = statement(db, "DELETE FROM populations WHERE id = ?");
  const resize = statement(db, "UPDATE populations SET size = ? WHERE id = ?");
  const insert = statement(
    db,
    "INSERT INTO populations (attribute_id, value, size) VALUES (?, ?, ?)",
  );
  const kept = new Set<string>();
  for (const row of wanted) kept.add(key(row.attributeId, row.value));
  for (const [rowKey, row] of stored) if (!kept.has(rowKey)) remove.run(row.id);
  for (const row of wanted) {
    const old = stored.get(key(row.attributeId, row.value));
    if (!old) insert.run(row.attributeId, row.value, row.size);
    else if (old.size !== row.size) resize.run(row.size, old.id);
  }
}
