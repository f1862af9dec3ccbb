/**
 * This machine's user's settings, outside any project: who is coding, and whether they
 * code blind. A project file
 * travels to a second coder; the name of the person at the keyboard must not travel
 * with it. A damaged file reads as defaults rather than blocking start-up.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Preferences } from "../../../shared/api/contract.ts";

const DEFAULTS: Preferences = { coder: null, blind: false };

export class UserPreferences {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, "preferences.json");
  }

  get(): Preferences {
    try {
      const parsed: unknown = JSON.parse(readFileSync(this.file, "utf8"));
      if (typeof parsed !== "object" || parsed === null) return DEFAULTS;
      const { coder, blind } = parsed as { coder?: unknown; blind?: unknown };
      return {
        coder: typeof coder === "string" && coder.trim() !== "" ? coder : null,
        blind: blind === true,
      };
    } catch {
      return DEFAULTS;
    }
  }

  set(changes: Partial<Preferences>): Preferences {
    const next: Preferences = { ...this.get(), ...changes };
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(next, null, 2));
    renameSync(temp, this.file);
    return next;
  }
}
