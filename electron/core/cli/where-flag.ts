/**
 * `--where ATTR=VALUE` (repeatable) of `cairn tally` and `cairn crosstab`: the grid's
 * attribute filter typed on the command line. The same attribute twice means either value;
 * different attributes must all match. The flags become one filter entry per attribute,
 * so the filter echoed in the JSON means the same given to the API, which (as the grid
 * and the passages list) reads two entries of one attribute as both must match
 * (decision 0013). Names are matched as the project spells them, then
 * ignoring case, so the filter echoed back in the JSON uses the project's spelling.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { attributeValues } from "../db/attribute-values.ts";
import { attributeIdsByName } from "../db/grid-lookups.ts";
import type { Db } from "../db/project-file.ts";
import { statement } from "../db/statements.ts";
import { UsageError } from "./args.ts";

export interface WhereFilter {
  readonly name: string;
  readonly values: readonly string[];
}

/** The `--where` option for a command's `parse` options (`multiple: true`). */
export const WHERE_OPTION = { where: { type: "string", multiple: true } } as const;

/**
 * parseArgs gives a `multiple` option as an array; `Parsed` types every string option as
 * one string, so this narrows what it really holds.
 */
export function whereValues(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.map(String) : [String(value)];
}

/** The filters in the order first named; an unknown attribute or value is bad input. */
export function whereFlags(
  command: string,
  db: Db,
  values: readonly string[] | undefined,
): WhereFilter[] {
  const byName = new Map<string, string[]>();
  const attributeIds = attributeIdsByName(db);
  for (const flag of values ?? []) {
    const { attribute, value } = splitFlag(command, flag);
    const name = attributeNamed(attributeIds, attribute);
    const id = attributeIds.get(name) as number;
    const known = valueNamed(db, id, name, value);
    const list = byName.get(name) ?? [];
    if (!list.includes(known)) list.push(known);
    byName.set(name, list);
  }
  return [...byName].map(([name, list]) => ({ name, values: list }));
}

function splitFlag(command: string, flag: string): { attribute: string; value: string } {
  const at = flag.indexOf("=");
  const attribute = at < 0 ? "" : flag.slice(0, at).trim();
  const value = at < 0 ? "" : flag.slice(at + 1).trim();
  if (attribute === "" || value === "") {
    throw new UsageError(
      `cairn ${command}: --where "${flag}" should read ATTRIBUTE=VALUE, like --where country=Ireland`,
    );
  }
  return { attribute, value };
}

/** The attribute as the project spells it (exact, then ignoring case), or bad input. */
export function attributeNamed(attributeIds: ReadonlyMap<string, number>, wanted: string): string {
  if (attributeIds.has(wanted)) return wanted;
  const matches = [...attributeIds.keys()].filter(
    (name) => name.toLowerCase() === wanted.toLowerCase(),
  );
  if (matches.length === 1) return matches[0] as string;
  const known = [...attributeIds.keys()];
  throw new CairnError(
    "bad_input",
    `there is no attribute "${wanted}" in this project; ` +
      (known.length ? `its attributes are ${listSome(known)}` : "it has no attributes"),
  );
}

/** The value as respondents have it (exact, then ignoring case), or a list of some. */
function valueNamed(db: Db, attributeId: number, attribute: string, wanted: string): string {
  const exact = statement(
    db,
    `SELECT value FROM respondent_attributes WHERE attribute_id = ? AND value = ? LIMIT 1`,
  )
    .pluck()
    .get(attributeId, wanted) as string | undefined;
  if (exact !== undefined) return exact;
  const loose = statement(
    db,
    `SELECT DISTINCT value FROM respondent_attributes
      WHERE attribute_id = ? AND value = ? COLLATE NOCASE LIMIT 2`,
  )
    .pluck()
    .all(attributeId, wanted) as string[];
  if (loose.length === 1) return loose[0] as string;
  const { values, distinct } = attributeValues(db, attributeId, 12);
  const shown = values.map((entry) => entry.value);
  throw new CairnError(
    "bad_input",
    `no respondent has ${attribute} "${wanted}"; ` +
      (shown.length
        ? `its values are ${shown.map((v) => `"${v}"`).join(", ")}` +
          (distinct > shown.length ? ` and ${distinct - shown.length} more` : "")
        : `no respondent has a value for ${attribute}`),
  );
}

function listSome(names: readonly string[], most = 12): string {
  const shown = names
    .slice(0, most)
    .map((name) => `"${name}"`)
    .join(", ");
  return names.length > most ? `${shown} and ${names.length - most} more` : shown;
}
