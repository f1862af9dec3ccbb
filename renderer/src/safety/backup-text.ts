/**
 * The words of the Restore from backup and damaged-project dialogs: when a backup was
 * made, why, what it holds and how big it is, and the sentences before and after a
 * restore. Pure, so the wording is tested without a window.
 */
import type {
  BackupCounts,
  BackupInfo,
  BackupReason,
  BackupSettings,
  RestoreReport,
} from "../../../shared/api/safety-api.ts";
import { fileNameOf } from "../../../shared/project-files.ts";
import { count } from "../format.ts";

export interface DateOptions {
  /** The user's locale when absent (the browser's or the desktop's). */
  readonly locale?: string;
  /** The computer's time zone when absent; tests pin it. */
  readonly timeZone?: string;
}

/** "1 Dec 2026, 08:40" (en-GB), "Dec 1, 2026, 08:40 AM" (en-US): as the user reads dates. */
export function backupDate(iso: string, options: DateOptions = {}, seconds = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    ...(seconds ? { second: "2-digit" } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

/**
 * The dates of a list of backups: to the minute, and to the second where two made in the
 * same minute (Back up now twice, a restore just after an open) would read the same.
 */
export function backupDates(
  backups: readonly { readonly createdAt: string }[],
  options: DateOptions = {},
): string[] {
  const minutes = backups.map((b) => backupDate(b.createdAt, options));
  const shared = new Set(minutes.filter((label, i) => minutes.indexOf(label) !== i));
  return backups.map((b, i) =>
    shared.has(minutes[i] as string)
      ? backupDate(b.createdAt, options, true)
      : (minutes[i] as string),
  );
}

const REASONS: Readonly<Record<BackupReason, string>> = {
  open: "when opened",
  timer: "every {n} minutes of changes",
  manual: "made by you",
  "before-restore": "before a restore",
  migration: "before an upgrade",
};

/** Why a backup was made, in the words of the list ("every 10 minutes of changes"). */
export function backupReason(reason: BackupReason, intervalMinutes: number): string {
  const text = REASONS[reason];
  return intervalMinutes === 1
    ? text.replace("every {n} minutes", "every minute")
    : text.replace("{n}", intervalMinutes.toLocaleString("en"));
}

/** "45 respondents · 3 questions · 812 coded passages"; counts that could not be read say so. */
export function backupContents(counts: BackupCounts | null): string {
  if (!counts) return "contents could not be read";
  return [
    count(counts.respondents, "respondent"),
    count(counts.questions, "question"),
    count(counts.segments, "coded passage"),
  ].join(" · ");
}

/** "812 bytes", "14 KB", "1.2 MB", "3.4 GB": decimal units, as file managers show them. */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return count(bytes, "byte");
  const units = ["KB", "MB", "GB", "TB"] as const;
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.5 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = value < 9.95 ? 1 : 0;
  return `${value.toLocaleString("en", { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** The confirm step's question, with the backup's date as the list shows it. */
export function restoreQuestion(when: string): string {
  return (
    `Replace the project's content with the backup of ${when}? ` +
    "What the project holds now is kept as a backup first."
  );
}

/** The damaged-project variant: the damaged file is never overwritten. */
export function restoreDamagedQuestion(when: string): string {
  return (
    `Restore the backup of ${when}? ` +
    "The damaged file is kept beside it, renamed, in case you need it later."
  );
}

/** What a restore did, in one or two sentences. */
export function restoredText(report: RestoreReport, when: string, damaged = false): string {
  const restored = `Restored the backup of ${when}: the project holds what it held then.`;
  if (report.keptAs === null) return `${restored} There was nothing to keep from before.`;
  const kept = fileNameOf(report.keptAs);
  return damaged
    ? `${restored} The damaged file is kept as ${kept}.`
    : `${restored} What it held just before is kept as the backup ${kept}.`;
}

/** After restoring a backup made under another password, which the project now has. */
export const OLD_PASSWORD_NOW =
  "The project now opens with that backup's password, the one you typed.";

/** After Back up now. */
export function backedUpText(info: BackupInfo, options: DateOptions = {}): string {
  return `Backed up: ${backupDate(info.createdAt, options)}, ${fileSize(info.bytes)}.`;
}

/** The settings as a sentence, for the status after saving them. */
export function settingsText(settings: BackupSettings): string {
  const every =
    settings.intervalMinutes === 1
      ? "every minute"
      : `every ${settings.intervalMinutes.toLocaleString("en")} minutes`;
  return (
    `Cairn keeps the newest ${count(settings.keep, "automatic backup")} ` +
    `and makes one ${every} in which the project changed.`
  );
}

/** The settings fields, checked before anything is sent: a sentence, or null when fine. */
export function settingsProblem(keep: string, intervalMinutes: string): string | null {
  if (!/^\d+$/.test(keep.trim()) || Number(keep) < 1 || Number(keep) > 200) {
    return "Keep between 1 and 200 backups.";
  }
  if (!/^\d+$/.test(intervalMinutes.trim()) || Number(intervalMinutes) < 1) {
    return "Back up every 1 minute or more.";
  }
  if (Number(intervalMinutes) > 24 * 60) return "Back up at least once a day (1,440 minutes).";
  return null;
}

export const NO_BACKUPS =
  "No backups yet. Cairn makes one each time the project is opened and after every " +
  "few minutes of changes; Back up now makes one at once.";
