import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { bundledMigrations, type Migration } from "../../electron/core/db/migrations.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import { ProjectSession } from "../../electron/core/services/project-session.ts";

export const fixedClock = () => new Date("2026-11-24T09:00:00.000Z");

export function appMigrations(): Migration[] {
  return [...bundledMigrations()];
}

export function newSession(migrations: readonly Migration[] = appMigrations()): ProjectSession {
  return new ProjectSession({ migrations, now: fixedClock });
}

export function fileHash(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Every row of every table, in a stable order: to prove that nothing changed. */
export function snapshot(db: Db): string {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return JSON.stringify(
    tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]),
  );
}
