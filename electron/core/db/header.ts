/**
 * Reads the 100-byte SQLite header straight from disk, so that a file can be judged
 * (is it SQLite at all? is it a Cairn project? which schema?) without letting SQLite
 * touch it. Layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
import { closeSync, openSync, readSync } from "node:fs";

/** "CARN": marks a SQLite file as a Cairn project (PRAGMA application_id). */
export const CAIRN_APPLICATION_ID = 0x4341524e;

const MAGIC = "SQLite format 3\u0000";

export type HeaderProbe =
  | { readonly kind: "empty" }
  | { readonly kind: "not_sqlite" }
  | { readonly kind: "sqlite"; readonly applicationId: number; readonly userVersion: number };

export function probeHeader(path: string): HeaderProbe {
  const buffer = Buffer.alloc(100);
  const fd = openSync(path, "r");
  let read: number;
  try {
    read = readSync(fd, buffer, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return { kind: "empty" };
  if (read < 100 || buffer.toString("latin1", 0, 16) !== MAGIC) return { kind: "not_sqlite" };
  return {
    kind: "sqlite",
    userVersion: buffer.readUInt32BE(60),
    applicationId: buffer.readUInt32BE(68),
  };
}
