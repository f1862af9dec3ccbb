/**
 * Rows of integers handed from SQLite to typed arrays through an aggregate function:
 * a million rows cost a function call each, a fraction of returning them as row
 * objects. `cairn_int_rows(a, b, c)` here serves the tallies ((respondent, question,
 * code) per segment), the crosstab and response rates (respondent ids, b and c 0);
 * db/agreement-codings.ts collects five columns per segment the same way.
 *
 * One collector and one step function serve every connection, so that V8 keeps what it
 * learnt optimising them when a project is reopened (a function made per connection
 * would start cold each time). Reads are synchronous, so a read cannot interleave with
 * another; what it collected is overwritten by the next read.
 */
import type { Db } from "./project-file.ts";
import type { Sql } from "./sql.ts";
import { statement } from "./statements.ts";

export class IntRows {
  a: Int32Array = new Int32Array(1024);
  b: Int32Array = new Int32Array(1024);
  c: Int32Array = new Int32Array(1024);
  length = 0;

  push(a: number, b: number, c: number): void {
    if (this.length === this.a.length) {
      this.a = grow(this.a);
      this.b = grow(this.b);
      this.c = grow(this.c);
    }
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.c[this.length] = c;
    this.length++;
  }
}

/** A column with twice the room, its values kept. */
export function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** Per connection, the collecting aggregates registered on it. */
const registered = new WeakMap<Db, Set<string>>();

/**
 * Runs `query`, whose only column is the aggregate `name` over its rows, with `step` as
 * that aggregate's step (given the running count, then the row's values; registered
 * once per connection). Each collector keeps its own step, so each stays monomorphic.
 */
export function runCollecting(
  db: Db,
  name: string,
  step: (n: number, ...values: number[]) => number,
  query: Sql,
): void {
  let names = registered.get(db);
  if (!names) registered.set(db, (names = new Set()));
  if (!names.has(name)) {
    // better-sqlite3 passes every argument; its types declare one.
    db.aggregate(name, { start: 0, step: step as (n: number, next: number) => number });
    names.add(name);
  }
  statement(db, query.text).get(...query.params);
}

const collecting = new IntRows();

function step(n: number, a: number, b: number, c: number): number {
  collecting.push(a, b, c);
  return n + 1;
}

/**
 * Runs a query whose only column is `cairn_int_rows(a, b, c)` and returns what it
 * collected, valid until the next call.
 */
export function collectIntRows(db: Db, query: Sql): IntRows {
  collecting.length = 0;
  runCollecting(db, "cairn_int_rows", step, query);
  return collecting;
}
