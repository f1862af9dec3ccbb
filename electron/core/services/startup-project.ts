/**
 * Which project a fresh start opens: the one named on the command line, else the last
 * one opened, else the built-in sample (written to the user's Cairn folder on first use).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { RecentProjects } from "./recent-projects.ts";

export const SAMPLE_FILE_NAME = "Sample project.cairn";

export type StartupChoice =
  | { readonly kind: "given"; readonly path: string }
  | { readonly kind: "recent"; readonly path: string }
  | { readonly kind: "sample"; readonly path: string; readonly exists: boolean };

export function chooseStartupProject(
  given: string | undefined,
  recent: RecentProjects,
  userDataDir: string,
): StartupChoice {
  if (given) return { kind: "given", path: given };
  const last = recent.last();
  if (last) return { kind: "recent", path: last };
  const sample = join(userDataDir, SAMPLE_FILE_NAME);
  return { kind: "sample", path: sample, exists: existsSync(sample) };
}
