/**
 * "Prepare for a second coder" (issue 7, decision 0015): a copy of the open project, or
 * of chosen questions, with the codebook and the answers but nobody's segments, memos,
 * done marks, reviews, undo history or name, made out for one coder. The second coder
 * opens it in Cairn, codes blind, and the file comes back through coder-merge.ts.
 *
 * The open project is only read (VACUUM INTO); everything else happens on the copy's own
 * connection, which ends with a VACUUM so that deleted text does not linger in the file's
 * free pages: the copy may leave the machine, and others' notes must not go with it.
 * The copy of an encrypted project is encrypted with the same password (decision 0017).
 */
import { resolve } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import type { PreparedCopy } from "../../../shared/api/agreement-api.ts";
import type { QuestionId } from "../../../shared/domain.ts";
import { copyCounts, deleteCodingWork, keepOnlyQuestions } from "../db/coder-copy.ts";
import { ensureCoder, listCoders } from "../db/coders.ts";
import { schemaVersion, setMeta } from "../db/meta.ts";
import { bundledMigrations } from "../db/migrations.ts";
import {
  closeProjectFile,
  openProjectFile,
  projectPassword,
  removeProjectFile,
  saveCopy,
  type Db,
} from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { rebuildSearchIndex } from "../db/search-index.ts";

export interface CopyRequest {
  /** Where to write the copy; must not exist yet. */
  readonly path: string;
  /** The coder the copy is for: the only coder in it. */
  readonly coder: string;
  /** Absent or empty: every question. */
  readonly questionIds?: readonly QuestionId[] | undefined;
}

export function prepareCoderCopy(db: Db, request: CopyRequest): PreparedCopy {
  const target = resolve(request.path);
  const keep = request.questionIds?.length ? [...new Set(request.questionIds)] : null;
  for (const id of keep ?? []) {
    if (!questionExists(db, id)) {
      throw new CairnError("not_found", `question ${id} is not in this project`);
    }
  }
  // Refuses an existing file, and so the project itself.
  saveCopy(db, target);
  try {
    return cleanCopy(target, request.coder, keep, schemaVersion(db), projectPassword(db));
  } catch (error) {
    // A half-cleaned copy could still hold others' coding: never leave it behind.
    removeProjectFile(target);
    throw error;
  }
}

function cleanCopy(
  target: string,
  coderName: string,
  keep: readonly QuestionId[] | null,
  version: number,
  password: string | null,
): PreparedCopy {
  // The copy has the open project's schema: open it without migrating anything. VACUUM
  // INTO wrote it under the project's password, if it has one.
  const migrations = bundledMigrations().slice(0, version);
  const { db: copy } = openProjectFile(target, {
    migrations,
    ...(password === null ? {} : { password }),
  });
  try {
    const removed = copy.transaction(() => {
      deleteCodingWork(copy);
      const gone = keep ? keepOnlyQuestions(copy, keep) : 0;
      ensureCoder(copy, coderName);
      setMeta(copy, "prepared_for", listCoders(copy)[0]?.name ?? coderName);
      return gone;
    })();
    // The full-text index would still hold the words of the answers that went.
    if (removed > 0) rebuildSearchIndex(copy);
    copy.exec("VACUUM");
    const counts = copyCounts(copy);
    const coder = listCoders(copy)[0]?.name ?? coderName;
    return { path: target, coder, ...counts };
  } finally {
    closeProjectFile(copy);
  }
}
