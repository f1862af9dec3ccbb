/**
 * Reads the start of a file straight from disk, so that a file can be judged (is it
 * SQLite at all? is it a Cairn project? which schema? is it encrypted?) without letting
 * SQLite touch it. Layout: https://www.sqlite.org/fileformat.html#the_database_header
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** "CARN": marks a SQLite file as a Cairn project (PRAGMA application_id). */
export const CAIRN_APPLICATION_ID = 0x4341524e;

const MAGIC = "SQLite format 3\u0000";

/** The smallest SQLite page: every database file is a whole number of pages. */
const SMALLEST_PAGE = 512;

export type HeaderProbe =
  | { readonly kind: "empty" }
  | { readonly kind: "not_sqlite" }
  /**
   * Not plain SQLite, but shaped like an encrypted database (decision 0017): whole pages
   * of bytes that are not text. Only a key can tell whether it is a Cairn project.
   */
  | { readonly kind: "encrypted" }
  | { readonly kind: "sqlite"; readonly applicationId: number; readonly userVersion: number };

export function probeHeader(path: string): HeaderProbe {
  const buffer = Buffer.alloc(SMALLEST_PAGE);
  const fd = openSync(path, "r");
  let read: number;
  let size: number;
  try {
    size = fstatSync(fd).size;
    read = readSync(fd, buffer, 0, SMALLEST_PAGE, 0);
  } finally {
    closeSync(fd);
  }
  if (read === 0) return { kind: "empty" };
  if (read >= 100 && buffer.toString("latin1", 0, 16) === MAGIC) {
    return {
      kind: "sqlite",
      userVersion: buffer.readUInt32BE(60),
      applicationId: buffer.readUInt32BE(68),
    };
  }
  if (looksEncrypted(buffer.subarray(0, read), size)) return { kind: "encrypted" };
  return { kind: "not_sqlite" };
}

/**
 * An encrypted SQLite file is whole pages (SQLCipher's first 16 bytes are a random salt,
 * the rest ciphertext), so its first page is noise. A CSV or a note renamed to .cairn
 * is text, or not a whole number of pages, and keeps its "not a Cairn project" message.
 * 512 random bytes that decode as UTF-8 text with no control characters do not happen.
 */
export function looksEncrypted(firstPage: Buffer, size: number): boolean {
  if (size < SMALLEST_PAGE || size % SMALLEST_PAGE !== 0) return false;
  return !looksLikeText(firstPage);
}

function looksLikeText(bytes: Buffer): boolean {
  let text: string;
  try {
    // `stream`: a character cut in two at the end of the page is not an error.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
}
