/**
 * `withProject` for a command that waits while the project is open (`cairn segments`
 * waits for a slow reader of its output). Opens and closes exactly as `withProject`
 * does, so locking and errors are the same; it could live beside it in project.ts.
 */
import { bundledMigrations } from "../db/migrations.ts";
import { ProjectSession } from "../services/project-session.ts";

export async function withProjectAsync<T>(
  file: string,
  work: (session: ProjectSession) => Promise<T>,
): Promise<T> {
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.open(file);
  try {
    return await work(session);
  } finally {
    session.close();
  }
}
