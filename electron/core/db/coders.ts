import type { Coder, CoderId } from "../../../shared/domain.ts";
import { coderNameKey } from "../../../shared/coders.ts";
import type { Db } from "./project-file.ts";

export function listCoders(db: Db): Coder[] {
  const rows = db.prepare("SELECT id, name FROM coders ORDER BY id").all() as {
    id: number;
    name: string;
  }[];
  return rows.map((row) => ({ id: row.id as CoderId, name: row.name }));
}

/** The coder with this name (ignoring case and spacing), created if new. */
export function ensureCoder(db: Db, name: string): CoderId {
  const key = coderNameKey(name);
  const existing = db.prepare("SELECT id FROM coders WHERE name_key = ?").get(key) as
    { id: number } | undefined;
  if (existing) return existing.id as CoderId;
  const result = db
    .prepare("INSERT INTO coders (name, name_key) VALUES (?, ?)")
    .run(name.trim().replace(/\s+/g, " "), key);
  return Number(result.lastInsertRowid) as CoderId;
}
