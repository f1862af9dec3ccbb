/**
 * Where a project's backups live and what they are called. The folder sits beside the
 * project ("survey.cairn-backups"); each backup is named by its UTC time and reason
 * ("survey 2026-12-01T08-40-12Z open.cairn"), so a file manager sorts them by age and a
 * user can tell them apart without Cairn.
 */
import { basename, dirname, extname, join } from "node:path";
import { BACKUP_REASONS, type BackupReason } from "../../../shared/api/safety-api.ts";

export const BACKUP_EXTENSION = ".cairn";
const SIDECAR_EXTENSION = ".json";

export function backupFolderOf(project: string): string {
  return join(dirname(project), `${basename(project)}-backups`);
}

/** "2026-12-01T08-40-12Z": ISO 8601 in UTC, with "-" for ":" (not allowed on Windows). */
export function fileStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replaceAll(":", "-")}Z`;
}

/** The name of the `n`th backup made in the same second (numbered from the second on). */
export function backupFileName(project: string, date: Date, reason: BackupReason, n = 1): string {
  const counter = n > 1 ? ` ${n}` : "";
  return `${stemOf(project)} ${fileStamp(date)} ${reason}${counter}${BACKUP_EXTENSION}`;
}

const NAME = new RegExp(
  ` (\\d{4}-\\d\\d-\\d\\dT\\d\\d)-(\\d\\d)-(\\d\\d)Z (${BACKUP_REASONS.join("|")})(?: (\\d+))?\\.cairn$`,
);

/** When and why a backup was made, read back from its name; null for another name. */
export function parseBackupName(
  file: string,
): { readonly createdAt: string; readonly reason: BackupReason; readonly sequence: number } | null {
  const match = NAME.exec(file);
  if (!match) return null;
  const [, dayHour, minutes, seconds, reason, sequence] = match;
  return {
    createdAt: `${dayHour}:${minutes}:${seconds}.000Z`,
    reason: reason as BackupReason,
    sequence: Number(sequence ?? 1),
  };
}

/** The small JSON file beside a backup that says what it holds. */
export function sidecarPathOf(backup: string): string {
  return backup + SIDECAR_EXTENSION;
}

/** Where a backup is written before it is renamed in: hidden, so it is never listed. */
export function partialPathOf(backup: string): string {
  return join(dirname(backup), `.${basename(backup)}.partial`);
}

/** "survey.damaged-2026-12-01T08-40-12Z.cairn": a damaged project, kept beside it. */
export function damagedPathOf(project: string, date: Date): string {
  return join(dirname(project), `${stemOf(project)}.damaged-${fileStamp(date)}${BACKUP_EXTENSION}`);
}

function stemOf(project: string): string {
  const ext = extname(project);
  return basename(project, ext) || basename(project);
}

/** Backups made by the app on its own: only these are ever deleted by rotation. */
export function isAutomatic(reason: BackupReason): boolean {
  return reason === "open" || reason === "timer";
}
