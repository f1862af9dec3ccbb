/**
 * The backups folder as a list: each backup with its sidecar (when it was made, why, what
 * it holds), newest first, and rotation, which deletes the oldest automatic backups
 * beyond the number kept. Manual, before-restore and migration backups are the user's:
 * never deleted here.
 */
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import {
  BACKUP_REASONS,
  type BackupCounts,
  type BackupInfo,
  type BackupReason,
} from "../../../shared/api/safety-api.ts";
import { BACKUP_EXTENSION, isAutomatic, parseBackupName, sidecarPathOf } from "./backup-names.ts";

export interface Sidecar {
  readonly createdAt: string;
  readonly reason: BackupReason;
  readonly counts: BackupCounts | null;
}

/** Written beside the partial backup, renamed in before the backup itself is. */
export function writeSidecar(backup: string, sidecar: Sidecar): void {
  const path = sidecarPathOf(backup);
  const partial = `${path}.partial`;
  writeFileSync(partial, JSON.stringify(sidecar, null, 2) + "\n");
  renameSync(partial, path);
}

/**
 * Every backup in `folder`, newest first. `restorable` says whether one opens with the
 * project's current password (BackupInfo.encrypted).
 */
export function listBackups(folder: string, restorable: (path: string) => boolean): BackupInfo[] {
  if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return [];
  const backups: BackupInfo[] = [];
  const order = new Map<string, { sequence: number; mtime: number }>();
  for (const file of readdirSync(folder)) {
    if (file.startsWith(".") || !file.endsWith(BACKUP_EXTENSION)) continue;
    const path = join(folder, file);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    const sidecar = readSidecar(path);
    const named = parseBackupName(file);
    order.set(path, { sequence: named?.sequence ?? 0, mtime: stat.mtimeMs });
    backups.push({
      path,
      file,
      createdAt: sidecar?.createdAt ?? named?.createdAt ?? stat.mtime.toISOString(),
      // A file copied in by hand counts as the user's: rotation leaves it alone.
      reason: sidecar?.reason ?? named?.reason ?? "manual",
      bytes: stat.size,
      counts: sidecar?.counts ?? null,
      encrypted: restorable(path),
    });
  }
  // Within one second, the later of two backups has the higher number in its name.
  const tie = (a: BackupInfo, b: BackupInfo): number => {
    const x = order.get(a.path);
    const y = order.get(b.path);
    return (y?.sequence ?? 0) - (x?.sequence ?? 0) || (y?.mtime ?? 0) - (x?.mtime ?? 0);
  };
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || tie(a, b));
}

/** Deletes the automatic backups beyond the newest `keep`; returns the paths deleted. */
export function rotate(backups: readonly BackupInfo[], keep: number): string[] {
  const expired = backups.filter((backup) => isAutomatic(backup.reason)).slice(keep);
  for (const backup of expired) removeBackup(backup.path);
  return expired.map((backup) => backup.path);
}

export function removeBackup(path: string): void {
  rmSync(sidecarPathOf(path), { force: true });
  rmSync(path, { force: true });
}

/** Partial files a crash left behind (this process is the only writer: it holds the lock). */
export function removeStalePartials(folder: string): void {
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder)) {
    if (file.endsWith(".partial")) rmSync(join(folder, file), { force: true });
  }
}

function readSidecar(backup: string): Sidecar | null {
  try {
    const parsed = JSON.parse(readFileSync(sidecarPathOf(backup), "utf8")) as Partial<Sidecar>;
    if (typeof parsed.createdAt !== "string" || Number.isNaN(Date.parse(parsed.createdAt))) {
      return null;
    }
    if (!BACKUP_REASONS.includes(parsed.reason as BackupReason)) return null;
    return {
      createdAt: parsed.createdAt,
      reason: parsed.reason as BackupReason,
      counts: countsOf(parsed.counts),
    };
  } catch {
    return null;
  }
}

const COUNT_KEYS = ["respondents", "questions", "answers", "codes", "segments", "coders"] as const;

function countsOf(value: unknown): BackupCounts | null {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  return COUNT_KEYS.every((key) => Number.isInteger(record[key]))
    ? (Object.fromEntries(COUNT_KEYS.map((key) => [key, record[key]])) as unknown as BackupCounts)
    : null;
}
