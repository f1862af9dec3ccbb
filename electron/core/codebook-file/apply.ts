/**
 * A codebook file's entries applied to the project in one undoable step: codes missing
 * from the project are created (parents first, as needed), and codes it has take the
 * file's colour and the descriptive fields whose columns the file has.
 */
import type { CodebookImportReport } from "../../../shared/api/codebook-api.ts";
import { codePathKey } from "../../../shared/codes/names.ts";
import { distinctColor } from "../../../shared/codes/palette.ts";
import type { CodeId } from "../../../shared/domain.ts";
import type { EditOutcome } from "../coding/edit-outcome.ts";
import { NO_CHANGE, recordStep } from "../coding/history.ts";
import { codeDetails, setCodeDetails, type CodeDetails } from "../db/codebook-file.ts";
import { codeColors, codeIdsByPath, insertCode } from "../db/codes.ts";
import type { Db } from "../db/project-file.ts";
import type { CodebookEntry } from "./entries.ts";

export function applyCodebook(
  db: Db,
  entries: readonly CodebookEntry[],
  now: string,
): EditOutcome & CodebookImportReport {
  return recordStep(db, "Import codebook", now, () => {
    const ids = codeIdsByPath(db);
    const colours = codeColors(db);
    const created = new Set<CodeId>();
    let [updated, unchanged] = [0, 0];
    for (const entry of entries) {
      let id: CodeId | null = null;
      for (let depth = 1; depth <= entry.path.length; depth++) {
        const key = codePathKey(entry.path.slice(0, depth));
        let found = ids.get(key);
        if (found === undefined) {
          const last = depth === entry.path.length;
          const color = (last ? entry.color : undefined) ?? distinctColor(colours);
          colours.push(color);
          found = insertCode(db, {
            parentId: id,
            name: entry.path[depth - 1] as string,
            color,
            description: "",
          });
          ids.set(key, found);
          created.add(found);
        }
        id = found;
      }
      const code = id as CodeId;
      const before = codeDetails(db, code) as CodeDetails;
      const after: CodeDetails = {
        ...before,
        ...entry.details,
        color: entry.color ?? before.color,
      };
      const changed = (Object.keys(after) as (keyof CodeDetails)[]).some(
        (field) => after[field] !== before[field],
      );
      if (changed) setCodeDetails(db, code, after);
      if (!created.has(code)) {
        if (changed) updated++;
        else unchanged++;
      }
    }
    return {
      ...NO_CHANGE,
      codebookChanged: created.size + updated > 0,
      created: created.size,
      updated,
      unchanged,
    };
  });
}
