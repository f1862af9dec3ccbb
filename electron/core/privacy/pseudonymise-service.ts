/**
 * A pseudonymised copy of the open project: names and terms from a list (and optionally
 * e-mail addresses, telephone numbers and web addresses) replaced in answers, memos,
 * attribute values, respondent ids and every other text that can name someone, with
 * every segment re-anchored to the new text (decision 0019). The open project is only
 * read (VACUUM INTO); the copy is rewritten on its own connection under a hidden partial
 * name, then renamed in, so the target only ever holds a finished copy.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type {
  PseudonymiseOptions,
  PseudonymisePreview,
  PseudonymiseReport,
} from "../../../shared/api/safety-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { Pseudonymiser } from "../../../shared/text/pseudonymise.ts";
import { deleteAllSteps, hasHistoryTables } from "../db/history-log.ts";
import { schemaVersion } from "../db/meta.ts";
import { bundledMigrations } from "../db/migrations.ts";
import {
  closeProjectFile,
  openProjectFile,
  removeProjectFile,
  saveCopy,
  type Db,
} from "../db/project-file.ts";
import { hasSearchIndex, rebuildSearchIndex } from "../db/search-index.ts";
import { writeAtomically } from "../export/partial-file.ts";
import type { ProjectSession } from "../services/project-session.ts";
import {
  previewFigures,
  pseudonymiseProject,
  type ProjectFigures,
} from "./pseudonymise-project.ts";

/** Before/after passages the dialog shows. */
const PREVIEW_EXAMPLES = 3;

export function previewPseudonymise(db: Db, options: PseudonymiseOptions): PseudonymisePreview {
  const pseudonymiser = new Pseudonymiser(options);
  const figures = pseudonymiseProject(db, pseudonymiser, {
    write: false,
    examples: PREVIEW_EXAMPLES,
  });
  return previewFigures(pseudonymiser, figures);
}

export async function pseudonymiseCopy(
  session: ProjectSession,
  options: PseudonymiseOptions & { target: string },
): Promise<PseudonymiseReport> {
  const target = resolve(options.target);
  // Checked first: a bad list must fail before anything is written.
  const pseudonymiser = new Pseudonymiser(options);
  if (existsSync(target)) {
    throw new CairnError("bad_input", `${target} already exists; choose a new file name`);
  }
  return session.exclusive("a pseudonymised copy", async (db) => {
    let figures: ProjectFigures | null = null;
    await writeAtomically(target, (partial) => {
      try {
        saveCopy(db, partial);
        figures = rewriteCopy(partial, session.password(), schemaVersion(db), pseudonymiser);
        return Promise.resolve();
      } catch (error) {
        // Its -wal and -shm too: a half-rewritten copy still holds the names.
        removeProjectFile(partial);
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    const done = figures as ProjectFigures | null;
    if (done === null) throw new CairnError("internal", "the copy was not rewritten");
    return {
      path: target,
      replacements: pseudonymiser.replacements,
      byTerm: pseudonymiser.byTerm(),
      answersChanged: done.answersChanged,
      segmentsReanchored: done.segmentsReanchored,
      memosChanged: done.memosChanged,
      attributeValuesChanged: done.attributeValuesChanged,
      respondentIdsChanged: done.respondentIdsChanged,
    };
  });
}

/**
 * Rewrites the copy in one transaction, then clears what could still hold the old text:
 * the undo history (its ops are SQL with the old values), the full-text index (a
 * contentless index only marks deleted words; rebuilding drops them) and the file's free
 * pages (VACUUM). The copy keeps the project's password.
 */
function rewriteCopy(
  path: string,
  password: string | null,
  version: number,
  pseudonymiser: Pseudonymiser,
): ProjectFigures {
  // The copy has the open project's schema: open it without migrating anything.
  const migrations = bundledMigrations().slice(0, version);
  const { db: copy } = openProjectFile(path, {
    migrations,
    ...(password === null ? {} : { password }),
  });
  try {
    const figures = copy.transaction(() => {
      const result = pseudonymiseProject(copy, pseudonymiser, { write: true, examples: 0 });
      if (hasHistoryTables(copy)) deleteAllSteps(copy);
      return result;
    })();
    if (hasSearchIndex(copy)) rebuildSearchIndex(copy);
    copy.exec("VACUUM");
    return figures;
  } finally {
    closeProjectFile(copy);
  }
}
