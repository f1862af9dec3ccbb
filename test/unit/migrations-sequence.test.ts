import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadMigrations } from "../../electron/core/db/migrations.ts";
import { migrationsDir } from "../../electron/core/paths.ts";
import { useTempDir } from "../helpers/temp.ts";

describe("the bundled migrations", () => {
  const tempDir = useTempDir();

  function folderWith(files: string[]): string {
    const dir = join(tempDir(), "migrations");
    mkdirSync(dir);
    for (const file of files) writeFileSync(join(dir, file), "SELECT 1;");
    return dir;
  }

  it("form an unbroken sequence starting at 0001_init.sql", () => {
    const migrations = loadMigrations(migrationsDir());
    expect(migrations[0]?.name).toBe("0001_init.sql");
    migrations.forEach((m, i) => expect(m.version).toBe(i + 1));
  });

  it("refuses a gap in the numbering", () => {
    expect(() => loadMigrations(folderWith(["0001_init.sql", "0003_late.sql"]))).toThrow(
      /expected version 2 but found 0003_late\.sql/,
    );
  });

  it("refuses two files with the same number", () => {
    expect(() => loadMigrations(folderWith(["0001_init.sql", "0002_a.sql", "0002_b.sql"]))).toThrow(
      /expected version 3 but found 0002_b\.sql/,
    );
  });

  it("refuses a file that is not named NNNN_description.sql", () => {
    expect(() => loadMigrations(folderWith(["0001_init.sql", "2_oops.sql"]))).toThrow(
      /not named NNNN_description\.sql/,
    );
  });
});
