/**
 * Code paths from code cells ("Mood > Positive") to code ids, creating the codes a project
 * does not have yet, parents first. The project's codes are read once, so a cell costs
 * map lookups and an insert only for a code that is new.
 */
import { codePathKey } from "../../../shared/codes/names.ts";
import { paletteColor } from "../../../shared/codes/palette.ts";
import type { CodeId } from "../../../shared/domain.ts";
import { codeIdsByPath, countCodes, insertCode } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";

export class CodePaths {
  private readonly codeIds: Map<string, CodeId>;
  /** New codes take the palette's colours on from the project's existing codes. */
  private colourIndex: number;
  private codesCreated = 0;

  constructor(private readonly db: Db) {
    this.codeIds = codeIdsByPath(db);
    this.colourIndex = countCodes(db);
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
        id = insertCode(this.db, {
          parentId: parent,
          name: path[depth - 1] as string,
          color: paletteColor(this.colourIndex++),
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
