/**
 * Rotating backups of the open project, in a folder beside it ("survey.cairn-backups"):
 * one when the project is opened and one after every N minutes in which it changed,
 * keeping the newest few; "Back up now"; and restoring one, which first keeps the
 * project's current state (decision 0018).
 */
import { resolve } from "node:path";
import type {
  BackupInfo,
  BackupListing,
  BackupReason,
  BackupSettings,
  RestoreReport,
} from "../../../shared/api/safety-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { opensWith } from "../db/backup-file.ts";
import {
  DEFAULT_BACKUP_SETTINGS,
  readBackupSettings,
  writeBackupSettings,
} from "../db/backup-settings.ts";
import { probeHeader } from "../db/header.ts";
import type { ProjectSession } from "../services/project-session.ts";
import { listBackups, rotate } from "./backup-catalog.ts";
import { backupFolderOf } from "./backup-names.ts";
import { restoreBackup } from "./backup-restore.ts";
import { BackupSchedule } from "./backup-schedule.ts";
import { writeBackup } from "./backup-writer.ts";

export interface BackupDeps {
  readonly session: ProjectSession;
  /** Back up on open and on a timer (the app); off for the CLI and most tests. */
  readonly automatic: boolean;
  readonly now?: () => Date;
  /** How soon after opening the first backup is made (default 5 s). */
  readonly afterOpenMs?: number;
  /** How long to wait when the project is busy with an import (default 30 s). */
  readonly retryMs?: number;
  /** Overrides the project's interval setting (tests). */
  readonly intervalMs?: number;
}

export class ProjectBackups {
  private readonly schedule: BackupSchedule;
  /** One backup or restore at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private openPath: string | null = null;
  private restoring = false;
  private lastError: { at: string; message: string } | null = null;
  /** Whether a backup file opens with the current password, by path, size and time. */
  private readonly restorable = new Map<string, boolean>();
  private restorableUnder: string | null = null;

  constructor(private readonly deps: BackupDeps) {
    this.schedule = new BackupSchedule((reason) => this.automaticBackup(reason), {
      afterOpenMs: deps.afterOpenMs ?? 5_000,
      retryMs: deps.retryMs ?? 30_000,
      intervalMs: () => deps.intervalMs ?? this.settingsOrDefault().intervalMinutes * 60_000,
    });
    if (deps.automatic) {
      deps.session.onChange((summary) => this.projectChanged(summary?.path ?? null));
    }
  }

  /** The open project's backups, or those of `project` (which need not be open). */
  list(project?: string): BackupListing {
    const open = this.openProject();
    const path = project === undefined ? this.requireOpen() : resolve(project);
    const isOpen = open !== null && resolve(open) === path;
    const password = isOpen ? this.deps.session.password() : null;
    const folder = backupFolderOf(path);
    const backups = listBackups(folder, (backup) => this.opensUnderCurrentKey(backup, password));
    return {
      project: path,
      folder,
      settings: isOpen ? this.settingsOrDefault() : DEFAULT_BACKUP_SETTINGS,
      backups,
      ...(isOpen && this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** Writes a consistent copy of the open project now, then drops the oldest beyond `keep`. */
  create(reason: BackupReason = "manual"): Promise<BackupInfo> {
    return this.serially(() => this.backUp(reason));
  }

  restore(input: { backup: string; project?: string; password?: string }): Promise<RestoreReport> {
    return this.serially(async () => {
      this.restoring = true;
      try {
        return await restoreBackup(
          {
            session: this.deps.session,
            openProject: () => this.openProject(),
            keepCurrent: () => this.backUp("before-restore"),
            now: () => this.now(),
          },
          input,
        );
      } finally {
        this.restoring = false;
        this.restorable.clear();
      }
    });
  }

  settings(patch: { keep?: number; intervalMinutes?: number }): BackupSettings {
    const db = this.deps.session.db();
    if (patch.keep !== undefined || patch.intervalMinutes !== undefined) {
      this.deps.session.assertIdle();
      writeBackupSettings(db, patch);
    }
    const settings = readBackupSettings(db);
    if (patch.intervalMinutes !== undefined) this.schedule.intervalChanged();
    if (patch.keep !== undefined) {
      rotate(
        listBackups(backupFolderOf(this.requireOpen()), () => true),
        settings.keep,
      );
    }
    return settings;
  }

  /** Called after every edit of the open project: arms the timed backup. */
  noteEdited(): void {
    if (this.deps.automatic && this.openProject() !== null) this.schedule.edited();
  }

  /** Clears timers (the app is quitting). */
  stop(): void {
    this.schedule.stop();
  }

  private async backUp(reason: BackupReason): Promise<BackupInfo> {
    const { session } = this.deps;
    const project = this.requireOpen();
    const info = await writeBackup(
      { db: session.db(), project, password: session.password() },
      reason,
      this.now(),
    );
    this.lastError = null;
    rotate(
      listBackups(backupFolderOf(project), () => true),
      this.settingsOrDefault().keep,
    );
    return info;
  }

  /**
   * A backup the app makes on its own. It never throws: a failure (a full disk) is
   * logged and shown on the next list, and the app keeps working. Answers false when the
   * project is busy (an import), to be tried again later.
   */
  private async automaticBackup(reason: BackupReason): Promise<boolean> {
    const { session } = this.deps;
    if (!session.isOpen || this.restoring) return true;
    try {
      session.assertIdle();
    } catch {
      return false;
    }
    const project = this.openProject();
    try {
      await this.create(reason);
    } catch (error) {
      // The project was closed or swapped while its copy was being written: no failure.
      if (this.openProject() !== project) return true;
      const message = error instanceof Error ? error.message : String(error);
      this.lastError = { at: this.now().toISOString(), message };
      console.warn(`cairn: the automatic backup failed: ${message}`);
    }
    return true;
  }

  private projectChanged(path: string | null): void {
    if (path === this.openPath) {
      // The content changed outside an edit (an import): as good as an edit.
      if (path !== null) this.schedule.edited();
      return;
    }
    this.openPath = path;
    this.lastError = null;
    this.restorable.clear();
    if (path === null || this.restoring) this.schedule.stop();
    else this.schedule.projectOpened();
  }

  /** BackupInfo.encrypted: made under the project's current password, or both plain. */
  private opensUnderCurrentKey(backup: string, password: string | null): boolean {
    const kind = probeHeader(backup).kind;
    if (kind === "sqlite") return password === null;
    if (kind !== "encrypted") return false;
    if (password === null) return false;
    if (password !== this.restorableUnder) {
      this.restorable.clear();
      this.restorableUnder = password;
    }
    let known = this.restorable.get(backup);
    if (known === undefined) {
      // Keying a file costs a key derivation: remember the answer for this password.
      known = opensWith(backup, password);
      this.restorable.set(backup, known);
    }
    return known;
  }

  private settingsOrDefault(): BackupSettings {
    const { session } = this.deps;
    return session.isOpen ? readBackupSettings(session.db()) : DEFAULT_BACKUP_SETTINGS;
  }

  /** The open project's absolute path (its connection's file name), or null. */
  private openProject(): string | null {
    return this.deps.session.isOpen ? this.deps.session.db().name : null;
  }

  private requireOpen(): string {
    const path = this.openProject();
    if (path === null) throw new CairnError("no_project", "no project is open");
    return path;
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private now(): Date {
    return this.deps.now ? this.deps.now() : new Date();
  }
}
