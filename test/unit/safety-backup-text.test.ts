import { describe, expect, it } from "vitest";
import type { BackupInfo, RestoreReport } from "../../shared/api/safety-api.ts";
import type { ProjectSummary } from "../../shared/domain.ts";
import {
  backedUpText,
  backupContents,
  backupDate,
  backupDates,
  backupReason,
  fileSize,
  restoredText,
  restoreQuestion,
  settingsProblem,
  settingsText,
} from "../../renderer/src/safety/backup-text.ts";

const GB = { locale: "en-GB", timeZone: "UTC" };

describe("the Restore from backup dialog's words", () => {
  it("says when a backup was made as the user reads dates", () => {
    expect(backupDate("2026-12-01T08:40:12.000Z", GB)).toBe("1 Dec 2026, 08:40");
    expect(backupDate("2026-12-01T08:40:12.000Z", { locale: "en-US", timeZone: "UTC" })).toBe(
      "Dec 1, 2026, 08:40 AM",
    );
    expect(backupDate("2026-12-01T08:40:12.000Z", { locale: "de-DE", timeZone: "UTC" })).toBe(
      "1. Dez. 2026, 08:40",
    );
    // In the coder's own time zone, not the file's UTC.
    expect(backupDate("2026-12-01T23:30:00Z", { locale: "en-GB", timeZone: "Europe/Berlin" })).toBe(
      "2 Dec 2026, 00:30",
    );
  });

  it("tells apart two backups made in the same minute by their seconds", () => {
    const dates = backupDates(
      [
        { createdAt: "2026-12-01T08:41:05Z" },
        { createdAt: "2026-12-01T08:40:48Z" },
        { createdAt: "2026-12-01T08:40:12Z" },
        { createdAt: "2026-11-30T17:02:00Z" },
      ],
      GB,
    );
    expect(dates).toEqual([
      "1 Dec 2026, 08:41",
      "1 Dec 2026, 08:40:48",
      "1 Dec 2026, 08:40:12",
      "30 Nov 2026, 17:02",
    ]);
  });

  it("shows a date it cannot read as it is rather than 'Invalid Date'", () => {
    expect(backupDate("yesterday", GB)).toBe("yesterday");
  });

  it("says why each backup was made, with the interval the settings give", () => {
    expect(backupReason("open", 10)).toBe("when opened");
    expect(backupReason("timer", 10)).toBe("every 10 minutes of changes");
    expect(backupReason("timer", 1)).toBe("every minute of changes");
    expect(backupReason("manual", 10)).toBe("made by you");
    expect(backupReason("before-restore", 10)).toBe("before a restore");
    expect(backupReason("migration", 10)).toBe("before an upgrade");
  });

  it("says what a backup holds, and when that could not be read", () => {
    const counts = {
      respondents: 45,
      questions: 3,
      answers: 135,
      codes: 12,
      segments: 812,
      coders: 2,
    };
    expect(backupContents(counts)).toBe("45 respondents · 3 questions · 812 coded passages");
    expect(backupContents({ ...counts, respondents: 1, questions: 1, segments: 1 })).toBe(
      "1 respondent · 1 question · 1 coded passage",
    );
    expect(backupContents({ ...counts, respondents: 1_000_000 })).toContain(
      "1,000,000 respondents",
    );
    expect(backupContents(null)).toBe("contents could not be read");
  });

  it("gives sizes in the units a file manager shows", () => {
    expect(fileSize(0)).toBe("0 bytes");
    expect(fileSize(1)).toBe("1 byte");
    expect(fileSize(999)).toBe("999 bytes");
    expect(fileSize(1000)).toBe("1 KB");
    expect(fileSize(14_300)).toBe("14 KB");
    expect(fileSize(1_234_567)).toBe("1.2 MB");
    expect(fileSize(999_600)).toBe("1 MB");
    expect(fileSize(3_400_000_000)).toBe("3.4 GB");
  });

  it("asks before replacing the project, and says what a restore did", () => {
    expect(restoreQuestion("1 Dec 2026, 08:40")).toBe(
      "Replace the project's content with the backup of 1 Dec 2026, 08:40? " +
        "What the project holds now is kept as a backup first.",
    );
    const report: RestoreReport = {
      summary: {} as ProjectSummary,
      restored: "/s/survey.cairn-backups/a.cairn",
      keptAs: "/s/survey.cairn-backups/survey 2026-12-01 09.02 before-restore.cairn",
    };
    expect(restoredText(report, "1 Dec 2026, 08:40")).toBe(
      "Restored the backup of 1 Dec 2026, 08:40: the project holds what it held then. " +
        "What it held just before is kept as the backup survey 2026-12-01 09.02 before-restore.cairn.",
    );
    expect(restoredText({ ...report, keptAs: "/s/survey.damaged-1.cairn" }, "x", true)).toContain(
      "The damaged file is kept as survey.damaged-1.cairn.",
    );
    expect(restoredText({ ...report, keptAs: null }, "x")).toContain("nothing to keep");
  });

  it("says what Back up now made", () => {
    const info = { createdAt: "2026-12-01T08:40:00Z", bytes: 2_100_000 } as BackupInfo;
    expect(backedUpText(info, GB)).toBe("Backed up: 1 Dec 2026, 08:40, 2.1 MB.");
  });

  it("checks the settings before sending them, and says them back", () => {
    expect(settingsProblem("10", "10")).toBeNull();
    expect(settingsProblem("0", "10")).toBe("Keep between 1 and 200 backups.");
    expect(settingsProblem("201", "10")).toBe("Keep between 1 and 200 backups.");
    expect(settingsProblem("2.5", "10")).toBe("Keep between 1 and 200 backups.");
    expect(settingsProblem("", "10")).toBe("Keep between 1 and 200 backups.");
    expect(settingsProblem("10", "0")).toBe("Back up every 1 minute or more.");
    expect(settingsProblem("10", "1441")).toContain("once a day");
    expect(settingsText({ keep: 10, intervalMinutes: 5 })).toBe(
      "Cairn keeps the newest 10 automatic backups and makes one every 5 minutes in which the project changed.",
    );
    expect(settingsText({ keep: 1, intervalMinutes: 1 })).toContain(
      "1 automatic backup and makes one every minute",
    );
  });
});
