/** How the backup commands print: snake_case JSON for scripts, a line or a table for people. */
import type { BackupCounts, BackupInfo, BackupListing } from "../../../shared/api/safety-api.ts";

export function backupJson(info: BackupInfo): Record<string, unknown> {
  return {
    path: info.path,
    file: info.file,
    created_at: info.createdAt,
    reason: info.reason,
    bytes: info.bytes,
    counts: info.counts,
    encrypted: info.encrypted,
  };
}

export function listingJson(listing: BackupListing): Record<string, unknown> {
  return {
    project: listing.project,
    folder: listing.folder,
    settings: {
      keep: listing.settings.keep,
      interval_minutes: listing.settings.intervalMinutes,
    },
    backups: listing.backups.map(backupJson),
    ...(listing.lastError ? { last_error: listing.lastError } : {}),
  };
}

/** "survey 2026-12-01T08-40-12Z manual.cairn  manual  2.1 MB  120 respondents, ..." */
export function backupLine(info: BackupInfo): string {
  return [info.file, info.reason, megabytes(info.bytes), countsText(info.counts)].join("  ");
}

export function listingText(listing: BackupListing): string[] {
  const { keep, intervalMinutes } = listing.settings;
  const header =
    `${listing.backups.length} backup${listing.backups.length === 1 ? "" : "s"} in ` +
    `${listing.folder} (keeping ${keep} automatic ones, one every ${intervalMinutes} ` +
    "minutes of changes)";
  return [header, ...listing.backups.map((info) => "  " + backupLine(info))];
}

function countsText(counts: BackupCounts | null): string {
  if (counts === null) return "(contents unknown)";
  return (
    `${counts.respondents} respondents, ${counts.questions} questions, ${counts.answers} ` +
    `answers, ${counts.codes} codes, ${counts.segments} segments, ${counts.coders} coders`
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
