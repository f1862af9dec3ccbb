/**
 * The backups of a project, newest first, one to choose: when each was made (in the
 * user's locale), why, what it held and its size. Clicking a row or its radio chooses it.
 */
import type { BackupInfo } from "../../../../shared/api/safety-api.ts";
import { backupContents, backupDates, backupReason, fileSize } from "../../safety/backup-text.ts";

interface Props {
  readonly backups: readonly BackupInfo[];
  readonly intervalMinutes: number;
  readonly chosen: string | null;
  onChoose(path: string): void;
}

export function BackupTable({ backups, intervalMinutes, chosen, onChoose }: Props) {
  const dates = backupDates(backups);
  return (
    <div className="backup-table-frame">
      <table className="backup-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Chosen</span>
            </th>
            <th scope="col">Made</th>
            <th scope="col">Why</th>
            <th scope="col">What it holds</th>
            <th scope="col" className="backup-size">
              Size
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((backup, index) => {
            const when = dates[index] ?? backup.createdAt;
            const isChosen = backup.path === chosen;
            return (
              <tr
                key={backup.path}
                className={isChosen ? "chosen" : undefined}
                title={backup.file}
                onClick={() => onChoose(backup.path)}
              >
                <td>
                  <input
                    type="radio"
                    name="backup"
                    checked={isChosen}
                    aria-label={`The backup of ${when}`}
                    onChange={() => onChoose(backup.path)}
                  />
                </td>
                <td className="backup-when">{when}</td>
                <td className="backup-why">
                  {backupReason(backup.reason, intervalMinutes)}
                  {!backup.encrypted && <span className="backup-other-key">another password</span>}
                </td>
                <td>{backupContents(backup.counts)}</td>
                <td className="backup-size">{fileSize(backup.bytes)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
