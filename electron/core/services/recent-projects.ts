/**
 * The list behind File > Open recent: newest first, at most ten, kept in the user's
 * Cairn folder. A damaged list is treated as empty rather than blocking start-up.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { RecentProject } from "../../../shared/api/contract.ts";

const MAX_RECENT = 10;

export class RecentProjects {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, "recent-projects.json");
  }

  list(): RecentProject[] {
    return this.read().map((path) => ({ path, exists: existsSync(path) }));
  }

  /** The most recent project that still exists, if any. */
  last(): string | null {
    return this.list().find((entry) => entry.exists)?.path ?? null;
  }

  remember(path: string): void {
    const absolute = resolve(path);
    const paths = [absolute, ...this.read().filter((p) => p !== absolute)].slice(0, MAX_RECENT);
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(paths, null, 2));
    renameSync(temp, this.file);
  }

  private read(): string[] {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, "utf8"));
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === "string") : [];
    } catch {
      return [];
    }
  }
}
