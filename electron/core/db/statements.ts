/**
 * Prepared statements, prepared once per connection. Preparing is far slower than
 * running a statement, and an import runs the same few statements a million times.
 */
import type { Statement } from "better-sqlite3";
import type { Db } from "./project-file.ts";

const cache = new WeakMap<Db, Map<string, Statement>>();

export function statement(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    statements.set(sql, prepared);
  } else if (prepared.reader) {
    // A caller may have switched the shared statement to pluck() or raw() rows; the next
    // caller of the same SQL expects rows as objects, as from a fresh prepare.
    prepared.pluck(false).expand(false).raw(false);
  }
  return prepared;
}
