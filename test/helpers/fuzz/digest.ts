/**
 * A content digest of a project: a hash of every row of every table, in a stable order.
 * Equal digests before and after a refused case prove that the refusal changed nothing.
 */
import { createHash } from "node:crypto";
import type { Db } from "../../../electron/core/db/project-file.ts";

export function projectDigest(db: Db): string {
  const tables = db
    .prepare(
      // The full-text index's shadow tables mirror `answers`; the index itself is read.
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'answers_fts_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const hash = createHash("sha256");
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).raw().iterate();
    for (const row of rows) hash.update(JSON.stringify(row, bigIntSafe));
  }
  return hash.digest("hex");
}

function bigIntSafe(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  return value;
}
