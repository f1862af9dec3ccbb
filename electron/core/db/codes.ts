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

/** A code's place in the tree: its parent and its position among its siblings. */
export function setCodePlace(db: Db, id: CodeId, parentId: CodeId | null, position: number): void {
  statement(
    db,
    "UPDATE codes SET parent_id = ?, position = ? WHERE id = ? AND (parent_id IS NOT ? OR position IS NOT ?)",
  ).run(parentId, position, id, parentId, position);
}

/** The ids of the codes under `parentId` (null: the top level), in their saved order. */
export function childIds(db: Db, parentId: CodeId | null): CodeId[] {
  return statement(db, "SELECT id FROM codes WHERE parent_id IS ? ORDER BY position, id")
    .pluck()
    .all(parentId) as CodeId[];
}

/** The names of the codes under `parentId`, by id. */
export function childNames(db: Db, parentId: CodeId | null): Map<CodeId, string> {
  const rows = statement(db, "SELECT id, name FROM codes WHERE parent_id IS ?").all(parentId) as {
    id: CodeId;
    name: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The code and every code below it, parents before their children. */
export function subtreeIds(db: Db, id: CodeId): CodeId[] {
  return statement(
    db,
    `WITH RECURSIVE below(id, depth) AS (
       SELECT ?, 0
       UNION ALL
       SELECT c.id, below.depth + 1 FROM codes c JOIN below ON c.parent_id = below.id
     )
     SELECT id FROM below ORDER BY depth, id`,
  )
    .pluck()
    .all(id) as CodeId[];
}

/** The code's ancestors, its parent first. */
export function ancestorIds(db: Db, id: CodeId): CodeId[] {
  return statement(
    db,
    `WITH RECURSIVE up(id, depth) AS (
       SELECT parent_id, 1 FROM codes WHERE id = ? AND parent_id IS NOT NULL
       UNION ALL
       SELECT c.parent_id, up.depth + 1 FROM codes c JOIN up ON c.id = up.id
        WHERE c.parent_id IS NOT NULL
     )
     SELECT id FROM up ORDER BY depth`,
  )
    .pluck()
    .all(id) as CodeId[];
}

export function setCodeColor(db: Db, id: CodeId, color: string): void {
  statement(db, "UPDATE codes SET color = ? WHERE id = ? AND color IS NOT ?").run(
    color.toLowerCase(),
    id,
    color.toLowerCase(),
  );
}

/** A code's codebook entry: its definition, when to use it, when not to, an example. */
export interface CodeEntry {
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

export function setCodeEntry(db: Db, id: CodeId, entry: CodeEntry): void {
  statement(
    db,
    `UPDATE codes SET description = ?, when_to_use = ?, when_not_to_use = ?, example = ?
      WHERE id = ?
        AND (description, when_to_use, when_not_to_use, example) IS NOT (?, ?, ?, ?)`,
  ).run(
    ...[entry.description, entry.whenToUse, entry.whenNotToUse, entry.example],
    id,
    ...[entry.description, entry.whenToUse, entry.whenNotToUse, entry.example],
  );
}

/** Deletes a code that has no children left (children go first: parent_id RESTRICTs). */
export function deleteCode(db: Db, id: CodeId): void {
  statement(db, "DELETE FROM codes WHERE id = ?").run(id);
}
