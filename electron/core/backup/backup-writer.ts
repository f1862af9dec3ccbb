/**
 * Writing one backup: a complete project file in the backups folder, written under a
 * hidden partial name, made self-contained, counted, synced to disk and only then renamed
 * in, so a crash or a full disk never leaves a half backup in the list.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { BackupInfo, BackupReason } from "../../../shared/api/safety-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { syncFolder, syncToDisk } from "../db/durable-files.ts";
import { copyOnline, sealCopy } from "../db/backup-file.ts";
import { saveCopy, type Db } from "../db/project-file.ts";
import { removeStalePartials, writeSidecar } from "./backup-catalog.ts";
import {
  BACKUP_EXTENSION,
  backupFileName,
  backupFolderOf,
  fileStamp,
  partialPathOf,
  sidecarPathOf,
} from "./backup-names.ts";

/** The open project a backup is made of. */
export interface BackupSource {
  readonly db: Db;
  /** Its absolute path. */
  readonly project: string;
  /** What it is encrypted with; the backup is encrypted with the same. */
  readonly password: string | null;
}

export async function writeBackup(
  source: BackupSource,
  reason: BackupReason,
  now: Date,
): Promise<BackupInfo> {
  const folder = backupFolderOf(source.project);
  try {
    mkdirSync(folder, { recursive: true });
    removeStalePartials(folder);
    return await writeInto(folder, source, reason, now);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new CairnError("io", `could not back ${source.project} up into ${folder}: ${why}`);
  }
}

async function writeInto(
  folder: string,
  source: BackupSource,
  reason: BackupReason,
  now: Date,
): Promise<BackupInfo> {
  const path = nextBackupPath(folder, source.project, now, reason);
  const partial = partialPathOf(path);
  try {
    // The backup API copies pages while the app keeps working; it cannot write an
    // encrypted copy, which VACUUM INTO writes under the same key.
    if (source.password === null) await copyOnline(source.db, partial);
    else saveCopy(source.db, partial);
    const counts = sealCopy(partial, source.password);
    syncToDisk(partial);
    const createdAt = now.toISOString();
    writeSidecar(path, { createdAt, reason, counts });
    renameSync(partial, path);
    syncFolder(folder);
    const bytes = statSync(path).size;
    return { path, file: basename(path), createdAt, reason, bytes, counts, encrypted: true };
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) {
      rmSync(leftover, { force: true });
    }
    if (!existsSync(path)) rmSync(sidecarPathOf(path), { force: true });
    throw error;
  }
}

/** A free name; backups made in the same second are numbered in the order made. */
function nextBackupPath(folder: string, project: string, now: Date, reason: BackupReason): string {
  const sameSecond = existsSync(folder)
    ? readdirSync(folder).filter(
        (file) =>
          !file.startsWith(".") &&
          file.endsWith(BACKUP_EXTENSION) &&
          file.includes(` ${fileStamp(now)} `),
      ).length
    : 0;
  for (let n = sameSecond + 1; ; n++) {
    const path = join(folder, backupFileName(project, now, reason, n));
    if (!existsSync(path) && !existsSync(sidecarPathOf(path))) return path;
  }
}
