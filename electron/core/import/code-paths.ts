/**
 * Code paths from code cells ("Mood > Positive") to code ids, creating the codes a project
 * does not have yet, parents first. The project's codes are read once, so a cell costs
 * map lookups and an insert only for a code that is new.
 */
import { codePathKey } from "../../../shared/codes/names.ts";
import { distinctColor } from "../../../shared/codes/palette.ts";
import type { CodeId } from "../../../shared/domain.ts";
import { codeColors, codeIdsByPath, insertCode } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";

export class CodePaths {
  private readonly codeIds: Map<string, CodeId>;
  /** Colours in use, so each new code gets one unlike them. */
  private readonly colours: string[];
  private codesCreated = 0;

  constructor(private readonly db: Db) {
    this.codeIds = codeIdsByPath(db);
    this.colours = codeColors(db);
  }

  /** How many codes this import created, for the report. */
  get created(): number {
    return this.codesCreated;
  }

  codeFor(path: readonly string[]): CodeId {
    let parent: CodeId | null = null;
    for (let depth = 1; depth <= path.length; depth++) {
      const key = codePathKey(path.slice(0, depth));
      let id = this.codeIds.get(key);
      if (id === undefined) {
        const color = distinctColor(this.colours);
        this.colours.push(color);
        id = insertCode(this.db, {
          parentId: parent,
          name: path[depth - 1] as string,
          color,
          description: "",
        });
        this.codeIds.set(key, id);
        this.codesCreated++;
      }
      parent = id;
    }
    return parent as CodeId;
  }
}
