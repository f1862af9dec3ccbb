/**
 * Applies the migrations a project has not seen yet, each in its own transaction that
 * also bumps `PRAGMA user_version`, so a crash leaves the file at a whole version.
 */
import type Database from "better-sqlite3";
import { CairnError } from "../../../shared/api/errors.ts";
import { assertSequence, type Migration } from "./migrations.ts";

export function migrate(db: Database.Database, migrations: readonly Migration[]): number {
  assertSequence(migrations);
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new CairnError(
      "newer_version",
      `this project uses schema ${current}, newer than this version of Cairn knows`,
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return migrations.length;
}
