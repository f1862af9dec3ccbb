import type { Db } from "./project-file.ts";

/** prepared_for: the coder a blind copy was made for (agreement/coder-copy.ts). */
export type MetaKey = "name" | "created_at" | "prepared_for";

export function getMeta(db: Db, key: MetaKey): string | null {
  const row = db.prepare("SELECT value FROM project_meta WHERE key = ?").get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(db: Db, key: MetaKey, value: string): void {
  db.prepare(
    "INSERT INTO project_meta (key, value) VALUES (?, ?) " +
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  ).run(key, value);
}

export function schemaVersion(db: Db): number {
  return db.pragma("user_version", { simple: true }) as number;
}
