/**
 * Restoring a backup over a project. The project's state from just before is always
 * kept: a "before-restore" backup of the open project, or, for a damaged project that
 * failed to open, the damaged file itself renamed beside it (never overwritten, never
 * deleted). The backup is checked (in the project's backups folder, a Cairn project,
 * opened by the password) before anything changes.
 */
import { copyFileSync, existsSync, realpathSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { BackupInfo, RestoreReport } from "../../../shared/api/safety-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { readBackupFile, type BackupFacts } from "../db/backup-file.ts";
import type { ProjectSession } from "../services/project-session.ts";
import { backupFolderOf, damagedPathOf } from "./backup-names.ts";
import { syncFolder, syncToDisk } from "../db/durable-files.ts";

export interface RestoreInput {
  readonly backup: string;
  readonly project?: string;
  readonly password?: string;
}

export interface RestoreContext {
  readonly session: ProjectSession;
  /** The open project's path, or null. */
  readonly openProject: () => string | null;
  /** Backs the open project up ("before-restore"). */
  readonly keepCurrent: () => Promise<BackupInfo>;
  readonly now: () => Date;
}

/** Why a project that is not open may still take a backup: it cannot be opened as it is. */
const UNOPENABLE = new Set(["damaged", "not_a_project", "io", "not_found"]);

const SIDE_FILES = ["-wal", "-shm", "-journal"] as const;

export async function restoreBackup(
  context: RestoreContext,
  input: RestoreInput,
): Promise<RestoreReport> {
  const { session } = context;
  session.assertIdle();
  const open = context.openProject();
  const project = input.project === undefined ? open : resolve(input.project);
  if (project === null) {
    throw new CairnError("no_project", "no project is open; name the project to restore");
  }
  const backup = assertOwnBackup(project, input.backup);
  if (open !== null && sameFile(open, project)) {
    return restoreOpen(context, project, backup, input.password);
  }
  const facts = readBackupFile(backup, input.password ?? null);
  try {
    session.openFile(project, passwordOption(input.password));
  } catch (error) {
    if (error instanceof CairnError && UNOPENABLE.has(error.code)) {
      return restoreUnopenable(context, project, backup, facts, input.password ?? null);
    }
    throw error;
  }
  return restoreOpen(context, project, backup, input.password);
}

async function restoreOpen(
  context: RestoreContext,
  project: string,
  backup: string,
  password: string | undefined,
): Promise<RestoreReport> {
  const { session } = context;
  const current = session.password();
  const key = password ?? current;
  const facts = readBackupFile(backup, key);
  const kept = await context.keepCurrent();
  session.close();
  replaceFile(project, backup);
  try {
    const summary = session.open(project, passwordOption(facts.encrypted ? key : null));
    return { summary, restored: backup, keptAs: kept.path };
  } catch (error) {
    // The backup would not open as the project: put the state from before back.
    replaceFile(project, kept.path);
    session.openFile(project, passwordOption(current));
    throw error;
  }
}

function restoreUnopenable(
  context: RestoreContext,
  project: string,
  backup: string,
  facts: BackupFacts,
  password: string | null,
): RestoreReport {
  const keptAs = existsSync(project) ? keepDamaged(project, context.now()) : null;
  try {
    replaceFile(project, backup);
    const summary = context.session.open(
      project,
      passwordOption(facts.encrypted ? password : null),
    );
    return { summary, restored: backup, keptAs };
  } catch (error) {
    if (keptAs !== null) {
      // Only the copy made here goes; the damaged file takes its name back.
      for (const suffix of ["", ...SIDE_FILES]) rmSync(project + suffix, { force: true });
      moveWithSideFiles(keptAs, project);
    }
    throw error;
  }
}

/** Renames a damaged project (and its -wal/-shm) to "survey.damaged-<time>.cairn". */
function keepDamaged(project: string, now: Date): string {
  const first = damagedPathOf(project, now);
  let target = first;
  for (let n = 2; existsSync(target); n++) target = first.replace(/\.cairn$/, `-${n}.cairn`);
  moveWithSideFiles(project, target);
  return target;
}

function moveWithSideFiles(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of SIDE_FILES) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
  syncFolder(dirname(to));
}

/**
 * Copies `source` over `target` atomically: a synced copy beside the target renamed over
 * it, after the target's -wal and -shm are gone (an old WAL must never be replayed onto
 * the restored file).
 */
function replaceFile(target: string, source: string): void {
  const partial = join(dirname(target), `.${basename(target)}.restoring`);
  try {
    copyFileSync(source, partial);
    syncToDisk(partial);
    for (const suffix of SIDE_FILES) rmSync(target + suffix, { force: true });
    renameSync(partial, target);
    syncFolder(dirname(target));
  } catch (error) {
    rmSync(partial, { force: true });
    const why = error instanceof Error ? error.message : String(error);
    throw new CairnError("io", `could not copy ${source} to ${target}: ${why}`);
  }
}

/** The backup's absolute path, once it is known to be a file in the project's folder. */
function assertOwnBackup(project: string, backup: string): string {
  const absolute = resolve(backup);
  const folder = backupFolderOf(project);
  if (!existsSync(absolute)) throw new CairnError("not_found", `${absolute} does not exist`);
  if (!statSync(absolute).isFile()) {
    throw new CairnError("bad_input", `${absolute} is not a backup file`);
  }
  if (!existsSync(folder) || realpathSync(dirname(absolute)) !== realpathSync(folder)) {
    throw new CairnError(
      "bad_input",
      `${absolute} is not one of ${basename(project)}'s backups (those are in ${folder}); ` +
        "nothing was changed",
    );
  }
  return absolute;
}

function passwordOption(password: string | null | undefined): { password?: string } {
  return password === null || password === undefined ? {} : { password };
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}
