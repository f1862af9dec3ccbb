/**
 * Where the core finds the files it ships with (migrations) and where it keeps the
 * user's own state (recent projects, the sample project). Both can be overridden by
 * environment variables so tests and the desktop shell can point them elsewhere.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder holding `migrations/`: the repository, or the packaged app's root. */
export function appRoot(): string {
  const fromEnv = process.env.CAIRN_APP_ROOT;
  if (fromEnv) return fromEnv;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "migrations", "0001_init.sql"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error("appRoot: cannot find the migrations folder above " + import.meta.url);
    }
    dir = parent;
  }
}

export function migrationsDir(): string {
  return join(appRoot(), "migrations");
}

/** The user's Cairn folder: recent projects and the sample project live here. */
export function userDataDir(): string {
  const fromEnv = process.env.CAIRN_HOME;
  if (fromEnv) return fromEnv;
  const config = process.env.XDG_CONFIG_HOME || join(homedir(), ".config");
  return join(config, "cairn");
}
