/**
 * Who coded what: each REFI user is a coder by name (a user without one is "User 1"…).
 * A coding belongs to its creatingUser, else its selection's, else its source's; when
 * none of those is a known user, to a coder named after the program that wrote the file
 * ("NVivo", "ATLAS.ti"…) or "imported".
 */
import { coderNameKey } from "../../../../shared/coders.ts";
import { guidKey, type RefiUser } from "../model.ts";
import type { ImportWarnings } from "./report.ts";

const PROGRAMS: readonly (readonly [RegExp, string])[] = [
  [/nvivo/i, "NVivo"],
  [/atlas\.?ti/i, "ATLAS.ti"],
  [/maxqda/i, "MAXQDA"],
  [/qualcoder/i, "QualCoder"],
  [/quirkos/i, "Quirkos"],
  [/dedoose/i, "Dedoose"],
  [/transana/i, "Transana"],
  [/cairn/i, "Cairn"],
];

/** The coder an import falls back on: the program's name, or "imported". */
export function programCoderName(origin: string | null): string {
  for (const [pattern, name] of PROGRAMS) if (origin !== null && pattern.test(origin)) return name;
  return "imported";
}

export class CoderNames {
  /** Coder names in the file's order, one per distinct name (users may share one). */
  readonly names: string[] = [];
  private readonly byGuid = new Map<string, string>();
  readonly fallback: string;
  /** Whether anything was given to the fallback coder (it is created only then). */
  fallbackUsed = false;

  constructor(
    users: readonly RefiUser[],
    origin: string | null,
    private readonly warnings: ImportWarnings,
  ) {
    const keys = new Set<string>();
    let unnamed = 0;
    for (const user of users) {
      const trimmed = (user.name ?? "").replace(/\s+/g, " ").trim();
      const name = trimmed === "" ? `User ${++unnamed}` : trimmed;
      this.byGuid.set(guidKey(user.guid), name);
      if (!keys.has(coderNameKey(name))) this.names.push(name);
      keys.add(coderNameKey(name));
    }
    this.fallback = programCoderName(origin);
  }

  /**
   * The coder of the first known user among `guids` (most specific first); with none
   * known the fallback coder answers. An item naming an unknown user is counted once.
   */
  coderOf(...guids: (string | null)[]): string {
    let unknown = false;
    for (const guid of guids) {
      if (guid === null || guid.trim() === "") continue;
      // The same GUID comes on thousands of codings, written the same way: look it up as
      // written first, and only then as compared.
      const name = this.byGuid.get(guid) ?? this.byGuid.get(guidKey(guid));
      if (name !== undefined) {
        this.byGuid.set(guid, name);
        if (unknown) this.warnings.count("unknownUser");
        return name;
      }
      unknown = true;
    }
    if (unknown) this.warnings.count("unknownUser");
    this.fallbackUsed = true;
    return this.fallback;
  }
}
