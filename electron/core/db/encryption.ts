/**
 * Encryption at rest (decision 0017). An encrypted project is a SQLCipher 4 database:
 * AES-256-CBC with an HMAC-SHA512 on every page and a key derived from the password with
 * PBKDF2-SHA512 (256,000 iterations), written by SQLite3 Multiple Ciphers inside
 * better-sqlite3-multiple-ciphers. So DB Browser for SQLite or `sqlcipher` open it too.
 *
 * The password's UTF-8 bytes go to sqlite3_key as they are: a password never becomes
 * SQL text, so no quote, space or emoji in it can change what SQLite runs.
 */
import { basename } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import { CAIRN_APPLICATION_ID } from "./header.ts";
import type { Db } from "./project-file.ts";

/** Reads and writes pages in SQLCipher 4's format from now on (before any key). */
export function useSqlcipherFormat(db: Db): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma("legacy = 4");
}

/** What SQLite is given as the key; no bytes at all means "not encrypted". */
export function keyBytes(password: string | null): Buffer {
  return Buffer.from(password ?? "", "utf8");
}

/** Keys a fresh connection; nothing is read yet, so a wrong key is found on first read. */
export function applyPassword(db: Db, password: string): void {
  useSqlcipherFormat(db);
  db.key(keyBytes(password));
  // Sorts and temporary tables (the undo log holds answer text) stay off the disk: SQLite
  // would write them to temporary files in plain.
  db.pragma("temp_store = MEMORY");
}

/**
 * Keys a connection to an encrypted file and proves the key right before anything else
 * runs: a wrong password reads as "file is not a database" and nothing is written. Then
 * the file must be a Cairn project (an encrypted database of some other app is not).
 */
export function unlock(db: Db, path: string, password: string): void {
  applyPassword(db, password);
  let applicationId: number;
  try {
    applicationId = db.pragma("application_id", { simple: true }) as number;
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "SQLITE_NOTADB") {
      throw wrongPassword(path);
    }
    throw error;
  }
  if (applicationId !== CAIRN_APPLICATION_ID) {
    throw new CairnError(
      "not_a_project",
      `${path} is an encrypted SQLite database but not a Cairn project`,
    );
  }
}

export function passwordRequired(path: string): CairnError {
  return new CairnError("password_required", `${path} is protected by a password`);
}

export function wrongPassword(path: string): CairnError {
  return new CairnError(
    "wrong_password",
    `the password is not right for ${basename(path)}; nothing was changed`,
  );
}
