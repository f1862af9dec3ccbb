import type { Coder, CoderId } from "../../../shared/domain.ts";
import { coderNameKey } from "../../../shared/coders.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export function listCoders(db: Db): Coder[] {
  const rows = db.prepare("SELECT id, name FROM coders ORDER BY id").all() as {
    id: number;
    name: string;
  }[];
  return rows.map((row) => ({ id: row.id as CoderId, name: row.name }));
}

/** The coder with this name (ignoring case and spacing), if there is one. */
export function findCoder(db: Db, name: string): CoderId | undefined {
  const row = statement(db, "SELECT id FROM coders WHERE name_key = ?").get(coderNameKey(name)) as
    { id: number } | undefined;
  return row?.id as CoderId | undefined;
}

/** The coder with this name (ignoring case and spacing), created if new. */
export function ensureCoder(db: Db, name: string): CoderId {
  const existing = findCoder(db, name);
  if (existing !== undefined) return existing;
  const result = statement(db, "INSERT INTO coders (name, name_key) VALUES (?, ?)").run(
    name.trim().replace(/\s+/g, " "),
    coderNameKey(name),
  );
  return Number(result.lastInsertRowid) as CoderId;
}
