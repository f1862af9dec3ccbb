/** Opens a project for one CLI command and always closes it (releasing the lock). */
import { existsSync } from "node:fs";
import { bundledMigrations } from "../db/migrations.ts";
import { removeProjectFile } from "../db/project-file.ts";
import { ProjectSession } from "../services/project-session.ts";

export function withProject<T>(file: string, work: (session: ProjectSession) => T): T {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.openFile(file);
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
  session.openFile(file);
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
  else session.openFile(file);
  let result: T | undefined;
  try {
    result = await work(session);
    return result;
  } finally {
    session.close();
    if (created && !result?.applied) removeProjectFile(file);
  }
}
