import type { RespondentId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

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
  statement(
    db,
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

/** Every respondent's id by the external id the survey gave them. */
export function respondentIdsByExternalId(db: Db): Map<string, RespondentId> {
  const rows = db.prepare("SELECT external_id, id FROM respondents").raw().all() as [
    string,
    number,
  ][];
  return new Map(rows.map(([external, id]) => [external, id as RespondentId]));
}

export function nextRespondentPosition(db: Db): number {
  return (
    db.prepare("SELECT ifnull(max(position), 0) + 1 AS position FROM respondents").get() as {
      position: number;
    }
  ).position;
}

export function insertRespondentAt(db: Db, externalId: string, position: number): RespondentId {
  const result = statement(db, "INSERT INTO respondents (external_id, position) VALUES (?, ?)").run(
    externalId,
    position,
  );
  return Number(result.lastInsertRowid) as RespondentId;
}

export function attributeValue(
  db: Db,
  respondentId: RespondentId,
  attributeId: number,
): string | null {
  const row = statement(
    db,
    "SELECT value FROM respondent_attributes WHERE respondent_id = ? AND attribute_id = ?",
  ).get(respondentId, attributeId) as { value: string } | undefined;
  return row?.value ?? null;
}
