import type { CodeId, CodeNode } from "../../../shared/domain.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

interface CodeRow {
  id: number;
  parent_id: number | null;
  name: string;
  color: string;
  description: string;
  when_to_use: string;
  when_not_to_use: string;
  example: string;
}

/** The whole codebook as a tree, siblings in their saved order. */
export function codeTree(db: Db): CodeNode[] {
  const rows = db
    .prepare(
      `SELECT id, parent_id, name, color, description, when_to_use, when_not_to_use, example
         FROM codes ORDER BY position, id`,
    )
    .all() as CodeRow[];
  const byParent = new Map<number | null, CodeRow[]>();
  for (const row of rows) {
    const siblings = byParent.get(row.parent_id) ?? [];
    siblings.push(row);
    byParent.set(row.parent_id, siblings);
  }
  const build = (parentId: number | null, parentPath: readonly string[]): CodeNode[] =>
    (byParent.get(parentId) ?? []).map((row) => {
      const path = [...parentPath, row.name];
      return {
        id: row.id as CodeId,
        name: row.name,
        path,
        color: row.color,
        description: row.description,
        whenToUse: row.when_to_use,
        whenNotToUse: row.when_not_to_use,
        example: row.example,
        children: build(row.id, path),
      };
    });
  return build(null, []);
}

export interface NewCode {
  readonly parentId: CodeId | null;
  readonly name: string;
  readonly color: string;
  readonly description: string;
}

export function insertCode(db: Db, code: NewCode): CodeId {
  const { position } = db
    .prepare("SELECT ifnull(max(position), -1) + 1 AS position FROM codes WHERE parent_id IS ?")
    .get(code.parentId) as { position: number };
  const result = db
    .prepare(
      "INSERT INTO codes (parent_id, name, color, description, position) VALUES (?, ?, ?, ?, ?)",
    )
    .run(code.parentId, code.name, code.color.toLowerCase(), code.description, position);
  return Number(result.lastInsertRowid) as CodeId;
}

/** Every code's id by its path (compared as codePathKey does: case and spacing aside). */
export function codeIdsByPath(db: Db): Map<string, CodeId> {
  const rows = db.prepare("SELECT id, parent_id, name FROM codes").all() as {
    id: number;
    parent_id: number | null;
    name: string;
  }[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const pathOf = (row: (typeof rows)[number]): string[] => {
    const path: string[] = [];
    for (let node: typeof row | undefined = row; node; node = byId.get(node.parent_id ?? -1)) {
      path.unshift(node.name);
    }
    return path;
  };
  return new Map(rows.map((row) => [codePathKey(pathOf(row)), row.id as CodeId]));
}

/** Every colour the codebook uses, each once. */
export function codeColors(db: Db): string[] {
  return (db.prepare("SELECT DISTINCT color FROM codes").all() as { color: string }[]).map(
    (row) => row.color,
  );
}

export function countCodes(db: Db): number {
  return (db.prepare("SELECT count(*) AS n FROM codes").get() as { n: number }).n;
}

export interface CodeRecord {
  readonly id: CodeId;
  readonly parentId: CodeId | null;
  readonly name: string;
}

export function getCode(db: Db, id: CodeId): CodeRecord | undefined {
  const row = statement(db, "SELECT id, parent_id, name FROM codes WHERE id = ?").get(id) as
    { id: number; parent_id: number | null; name: string } | undefined;
  return row && { id: row.id as CodeId, parentId: row.parent_id as CodeId | null, name: row.name };
}

/** The names of the code's siblings (the codes under the same parent), itself excluded. */
export function siblingNames(db: Db, parentId: CodeId | null, exceptId: CodeId | null): string[] {
  return statement(db, "SELECT name FROM codes WHERE parent_id IS ? AND id IS NOT ?")
    .pluck()
    .all(parentId, exceptId) as string[];
}

export function setCodeName(db: Db, id: CodeId, name: string): void {
  statement(db, "UPDATE codes SET name = ? WHERE id = ?").run(name, id);
}
