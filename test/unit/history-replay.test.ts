import { describe, expect, it } from "vitest";
import { replayStatements } from "../../electron/core/db/history-log.ts";

const insert = (table: string, id: number) =>
  `INSERT INTO ${table} ("id", "memo") VALUES (${id}, 'a VALUES (b)')`;

describe("replaying a step of the undo history", () => {
  it("joins a run of inserts into one table into one multi-row insert, in order", () => {
    expect(replayStatements([insert("segments", 3), insert("segments", 1)])).toEqual([
      `INSERT INTO segments ("id", "memo") VALUES (3, 'a VALUES (b)'), (1, 'a VALUES (b)')`,
    ]);
  });

  it("keeps every other statement where it stands, between the runs", () => {
    const update = "UPDATE codes SET \"name\" = 'X' WHERE id = 2";
    expect(
      replayStatements([insert("codes", 2), update, insert("segments", 5), insert("memos", 1)]),
    ).toEqual([
      `INSERT INTO codes ("id", "memo") VALUES (2, 'a VALUES (b)')`,
      update,
      `INSERT INTO segments ("id", "memo") VALUES (5, 'a VALUES (b)')`,
      `INSERT INTO memos ("id", "memo") VALUES (1, 'a VALUES (b)')`,
    ]);
  });

  it("starts a new insert every 500 rows", () => {
    const ops = Array.from({ length: 1001 }, (_, i) => insert("segments", i + 1));
    const statements = replayStatements(ops);
    expect(statements).toHaveLength(3);
    expect(statements.map((s) => s.split("), (").length)).toEqual([500, 500, 1]);
  });
});
