/**
 * The backup settings live in the project (project_meta), so they travel with the file:
 * a project kept on a small disk keeps fewer backups wherever it is opened. They are
 * preferences, not edits: changing them is not an undo step (no history trigger watches
 * these keys).
 */
import type { BackupSettings } from "../../../shared/api/safety-api.ts";
import type { Db } from "./project-file.ts";

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = { keep: 10, intervalMinutes: 10 };

const KEYS = { keep: "backup_keep", intervalMinutes: "backup_interval_minutes" } as const;

export function readBackupSettings(db: Db): BackupSettings {
  const rows = db
    .prepare("SELECT key, value FROM project_meta WHERE key IN (?, ?)")
    .all(KEYS.keep, KEYS.intervalMinutes) as { key: string; value: string }[];
  const value = (key: string, fallback: number): number => {
    const stored = Number(rows.find((row) => row.key === key)?.value);
    // A value edited by hand into nonsense falls back to the default, never to 0 backups.
    return Number.isInteger(stored) && stored >= 1 ? stored : fallback;
  };
  return {
    keep: value(KEYS.keep, DEFAULT_BACKUP_SETTINGS.keep),
    intervalMinutes: value(KEYS.intervalMinutes, DEFAULT_BACKUP_SETTINGS.intervalMinutes),
  };
}

export function writeBackupSettings(db: Db, patch: Partial<BackupSettings>): void {
  const upsert = db.prepare(
    "INSERT INTO project_meta (key, value) VALUES (?, ?) " +
      "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
  );
  db.transaction(() => {
    if (patch.keep !== undefined) upsert.run(KEYS.keep, String(patch.keep));
    if (patch.intervalMinutes !== undefined) {
      upsert.run(KEYS.intervalMinutes, String(patch.intervalMinutes));
    }
  })();
}
