/**
 * Loads the numbered SQL migrations bundled with the app and checks that they form an
 * unbroken sequence 1..N. A gap, a duplicate or a stray file means a broken build, so
 * the runner refuses to start rather than guess.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { migrationsDir } from "../paths.ts";

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function loadMigrations(dir: string): Migration[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort();
  const migrations = files.map((file): Migration => {
    const match = MIGRATION_FILE.exec(file);
    if (!match) {
      throw new CairnError(
        "internal",
        `loadMigrations: "${file}" is not named NNNN_description.sql`,
      );
    }
    return {
      version: Number(match[1]),
      name: file,
      sql: readFileSync(join(dir, file), "utf8"),
    };
  });
  assertSequence(migrations);
  return migrations;
}

/** Migrations must be numbered 1, 2, 3... with no gap, duplicate or reordering. */
export function assertSequence(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const expected = index + 1;
    if (migration.version !== expected) {
      throw new CairnError(
        "internal",
        `migrations: expected version ${expected} but found ${migration.name}; ` +
          "migration files must be numbered 0001, 0002, ... without gaps or duplicates",
      );
    }
  });
  if (migrations.length === 0) {
    throw new CairnError("internal", "migrations: no migration files found");
  }
}

let bundled: Migration[] | null = null;

/** The migrations shipped with this version of Cairn, read once per process. */
export function bundledMigrations(): readonly Migration[] {
  bundled ??= loadMigrations(migrationsDir());
  return bundled;
}
