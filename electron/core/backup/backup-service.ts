/**
 * Rotating backups of the open project, in a folder beside it ("survey.cairn-backups"):
 * one when the project is opened and one after every N minutes in which it changed,
 * keeping the newest few; "Back up now"; and restoring one, which first keeps the
 * project's current state (decision 0017).
 */
import type {
  BackupInfo,
  BackupListing,
  BackupReason,
  BackupSettings,
  RestoreReport,
} from "../../../shared/api/safety-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { ProjectSession } from "../services/project-session.ts";

export interface BackupDeps {
  readonly session: ProjectSession;
  /** Back up on open and on a timer (the app); off for the CLI and most tests. */
  readonly automatic: boolean;
  readonly now?: () => Date;
}

export class ProjectBackups {
  constructor(private readonly deps: BackupDeps) {}

  /** The open project's backups, or those of `project` (which need not be open). */
  list(project?: string): BackupListing {
    void project;
    void this.deps;
    throw new CairnError("internal", "backup.list is not built yet");
  }

  /** Writes a consistent copy of the open project now, then drops the oldest beyond `keep`. */
  create(reason: BackupReason = "manual"): Promise<BackupInfo> {
    void reason;
    return Promise.reject(new CairnError("internal", "backup.create is not built yet"));
  }

  restore(input: { backup: string; project?: string; password?: string }): Promise<RestoreReport> {
    void input;
    return Promise.reject(new CairnError("internal", "backup.restore is not built yet"));
  }

  settings(patch: { keep?: number; intervalMinutes?: number }): BackupSettings {
    void patch;
    throw new CairnError("internal", "backup.settings is not built yet");
  }

  /** Called after every edit of the open project: arms the timed backup. */
  noteEdited(): void {}

  /** Clears timers (the app is quitting). */
  stop(): void {}
}
