import type { RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";

export function countRespondents(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM respondents").get() as { n: number }).n;
}

export function listAttributeNames(db: Db): string[] {
  return (
    db.prepare("SELECT name FROM attributes ORDER BY position").all() as { name: string }[]
  ).map((row) => row.name);
}

export function insertRespondent(db: Db, externalId: string): RespondentId {
  const { position } = db
    .prepare("SELECT ifnull(max(position), 0) + 1 AS position FROM respondents")
    .get() as { position: number };
  const result = db
    .prepare("INSERT INTO respondents (external_id, position) VALUES (?, ?)")
    .run(externalId, position);
  return Number(result.lastInsertRowid) as RespondentId;
}

/** The id of the attribute with this name, created (last in order) if it is new. */
export function ensureAttribute(db: Db, name: string): number {
  const existing = db.prepare("SELECT id FROM attributes WHERE name = ?").get(name) as
    { id: number } | undefined;
  if (existing) return existing.id;
  const { position } = db
    .prepare("SELECT ifnull(max(position), 0) + 1 AS position FROM attributes")
    .get() as { position: number };
  return Number(
    db.prepare("INSERT INTO attributes (name, position) VALUES (?, ?)").run(name, position)
      .lastInsertRowid,
  );
}

export function setRespondentAttribute(
  db: Db,
  respondentId: RespondentId,
  attributeId: number,
  value: string,
): void {
  db.prepare(
    `INSERT INTO respondent_attributes (respondent_id, attribute_id, value) VALUES (?, ?, ?)
     ON CONFLICT (respondent_id, attribute_id) DO UPDATE SET value = excluded.value`,
  ).run(respondentId, attributeId, value);
}

/** Attribute name -> value for each of the given respondents. */
export function attributesOf(
  db: Db,
  respondentIds: readonly RespondentId[],
): Map<RespondentId, Record<string, string>> {
  const result = new Map<RespondentId, Record<string, string>>();
  if (respondentIds.length === 0) return result;
  const rows = db
    .prepare(
      `SELECT ra.respondent_id, a.name, ra.value
         FROM respondent_attributes ra
         JOIN attributes a ON a.id = ra.attribute_id
        WHERE ra.respondent_id IN (SELECT value FROM json_each(?))
        ORDER BY a.position`,
    )
    .all(JSON.stringify(respondentIds)) as {
    respondent_id: number;
    name: string;
    value: string;
  }[];
  for (const row of rows) {
    const id = row.respondent_id as RespondentId;
    const attributes = result.get(id) ?? {};
    attributes[row.name] = row.value;
    result.set(id, attributes);
  }
  return result;
}
