/**
 * Which project a fresh start opens: the one named on the command line, else the last
 * one opened, else the built-in sample (written to the user's Cairn folder on first use).
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import type { ProjectSummary } from "../../../shared/domain.ts";
import type { ProjectSession } from "./project-session.ts";
import type { RecentProjects } from "./recent-projects.ts";

export const SAMPLE_FILE_NAME = "Sample project.cairn";

export type StartupChoice =
  | { readonly kind: "given"; readonly path: string }
  | { readonly kind: "recent"; readonly path: string }
  | { readonly kind: "sample"; readonly path: string };

export function chooseStartupProject(
  given: string | undefined,
  recent: RecentProjects,
  userDataDir: string,
): StartupChoice {
  if (given) return { kind: "given", path: given };
  const last = recent.last();
  if (last) return { kind: "recent", path: last };
  return { kind: "sample", path: join(userDataDir, SAMPLE_FILE_NAME) };
}

/** Opens the chosen project, writing the sample first when it is not there yet. */
export function openStartupProject(session: ProjectSession, choice: StartupChoice): ProjectSummary {
  if (choice.kind === "sample" && !existsSync(choice.path)) {
    mkdirSync(dirname(choice.path), { recursive: true });
    return session.create(choice.path, { sample: true });
  }
  return session.open(choice.path);
}
