/**
 * What a backup holds, counted on the backup file itself: the figures the Restore dialog
 * shows beside each backup are exactly what restoring it brings back.
 */
import type { BackupCounts } from "../../../shared/api/safety-api.ts";
import type { Db } from "./project-file.ts";

export function countBackupContents(db: Db): BackupCounts {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM respondents) AS respondents,
              (SELECT count(*) FROM questions) AS questions,
              (SELECT count(*) FROM answers) AS answers,
              (SELECT count(*) FROM codes) AS codes,
              (SELECT count(*) FROM segments) AS segments,
              (SELECT count(*) FROM coders) AS coders`,
    )
    .get() as BackupCounts;
}
