/**
 * Rows of integers handed from SQLite to typed arrays through an aggregate function,
 * `cairn_int_rows(a, b, c)`: a million rows cost a function call each, a fraction of
 * returning them as row objects. The tallies read (respondent, question, code) per
 * segment with it, the crosstab and response rates respondent ids (b and c 0).
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

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

const collecting = new IntRows();
const registered = new WeakSet<Db>();

function step(n: number, a: number, b: number, c: number): number {
  collecting.push(a, b, c);
  return n + 1;
}

/**
 * Runs a query whose only column is `cairn_int_rows(a, b, c)` and returns what it
 * collected, valid until the next call.
 */
export function collectIntRows(db: Db, query: Sql): IntRows {
  if (!registered.has(db)) {
    // better-sqlite3 passes every argument; its types declare one.
    db.aggregate("cairn_int_rows", {
      start: 0,
      step: step as unknown as (n: number, next: number) => number,
    });
    registered.add(db);
  }
  collecting.length = 0;
  statement(db, query.text).get(...query.params);
  return collecting;
}
