/**
 * Opens a project for one CLI command and always closes it (releasing the lock). An
 * encrypted project's password is read from CAIRN_PASSWORD: an argument would show in
 * the shell's history and in every process list.
 */
import { existsSync } from "node:fs";
import { CairnError } from "../../../shared/api/errors.ts";
import { bundledMigrations } from "../db/migrations.ts";
import { removeProjectFile } from "../db/project-file.ts";
import { ProjectSession } from "../services/project-session.ts";

export function withProject<T>(file: string, work: (session: ProjectSession) => T): T {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  openWithPassword(session, file);
  try {
    return work(session);
  } finally {
    session.close();
  }
}

/** `withProject` for a command that waits while the project is open (a slow reader). */
export async function withProjectAsync<T>(
  file: string,
  work: (session: ProjectSession) => Promise<T>,
): Promise<T> {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  openWithPassword(session, file);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}

export function createProject(file: string, sample: boolean): string {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  const summary = session.create(file, { sample });
  session.close();
  return summary.path;
}

/**
 * Opens a project for a command that writes to it, creating the file if it does not
 * exist; a file created here is removed again if the work fails or writes nothing.
 */
export async function withNewOrExistingProject<T extends { applied: boolean }>(
  file: string,
  work: (session: ProjectSession) => Promise<T>,
): Promise<T> {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  const created = !existsSync(file);
  if (created) session.create(file);
  else openWithPassword(session, file);
  let result: T | undefined;
  try {
    result = await work(session);
    return result;
  } finally {
    session.close();
    if (created && !result?.applied) removeProjectFile(file);
  }
}

/** The password from CAIRN_PASSWORD; set but empty counts as not set. */
export function cliPassword(): string | undefined {
  return process.env.CAIRN_PASSWORD || undefined;
}

function openWithPassword(session: ProjectSession, file: string): void {
  const password = cliPassword();
  try {
    session.openFile(file, password === undefined ? {} : { password });
  } catch (error) {
    if (error instanceof CairnError && error.code === "password_required") {
      throw new CairnError(error.code, `${error.message}; set CAIRN_PASSWORD to its password`);
    }
    if (error instanceof CairnError && error.code === "wrong_password") {
      throw new CairnError(error.code, `${error.message} (check CAIRN_PASSWORD)`);
    }
    throw error;
  }
}
