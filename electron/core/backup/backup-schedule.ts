/**
 * When the automatic backups happen: one shortly after a project is opened (not during
 * the open, which must stay fast), and one after every `interval` in which the project
 * changed. A backup that cannot run now (an import holds the project) is tried again a
 * little later. Timers never keep the process alive.
 */
import type { BackupReason } from "../../../shared/api/safety-api.ts";

export interface ScheduleTimes {
  /** How long after opening the first backup is made. */
  readonly afterOpenMs: number;
  /** How long to wait before trying again when the project was busy. */
  readonly retryMs: number;
  /** How long after the first unsaved-in-a-backup edit the next backup is made. */
  readonly intervalMs: () => number;
}

/** Runs a backup; answers false when the project was busy and it should be retried. */
export type RunBackup = (reason: BackupReason) => Promise<boolean>;

export class BackupSchedule {
  private afterOpen: NodeJS.Timeout | null = null;
  private afterEdits: NodeJS.Timeout | null = null;

  constructor(
    private readonly run: RunBackup,
    private readonly times: ScheduleTimes,
  ) {}

  /** A project was opened: back it up soon, and forget the previous one's edits. */
  projectOpened(): void {
    this.stop();
    this.afterOpen = this.arm(this.times.afterOpenMs, "open", () => (this.afterOpen = null));
  }

  /** The project changed: arms the timed backup, unless it is armed already. */
  edited(): void {
    if (this.afterEdits) return;
    this.afterEdits = this.arm(this.times.intervalMs(), "timer", () => (this.afterEdits = null));
  }

  /** The interval changed: an armed timer starts again with the new one. */
  intervalChanged(): void {
    if (!this.afterEdits) return;
    clearTimeout(this.afterEdits);
    this.afterEdits = null;
    this.edited();
  }

  stop(): void {
    if (this.afterOpen) clearTimeout(this.afterOpen);
    if (this.afterEdits) clearTimeout(this.afterEdits);
    this.afterOpen = null;
    this.afterEdits = null;
  }

  private arm(ms: number, reason: BackupReason, done: () => void): NodeJS.Timeout {
    const timer = setTimeout(() => {
      done();
      void this.run(reason).then((ran) => {
        if (ran) return;
        if (reason === "open") {
          this.afterOpen ??= this.arm(this.times.retryMs, reason, () => (this.afterOpen = null));
        } else {
          this.afterEdits ??= this.arm(this.times.retryMs, reason, () => (this.afterEdits = null));
        }
      });
    }, ms);
    timer.unref();
    return timer;
  }
}
