/**
 * Making a file written beside a project durable before it replaces or joins it: its
 * bytes flushed, then the rename in its folder. Backups, restores and password changes
 * all rename a finished copy into place.
 */
import { closeSync, fsyncSync, openSync } from "node:fs";

/** Flushes a file's bytes to the disk before it is renamed into place. */
export function syncToDisk(path: string): void {
  const fd = openSync(path, "r+");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename in `folder` durable; not possible (nor needed) on every platform. */
export function syncFolder(folder: string): void {
  try {
    const fd = openSync(folder, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for syncing; its renames are durable on their own.
  }
}
