/** Opens a project for one CLI command and always closes it (releasing the lock). */
import { bundledMigrations } from "../db/migrations.ts";
import { ProjectSession } from "../services/project-session.ts";

export function withProject<T>(file: string, work: (session: ProjectSession) => T): T {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.open(file);
  try {
    return work(session);
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
