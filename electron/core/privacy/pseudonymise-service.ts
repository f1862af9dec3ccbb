/**
 * A pseudonymised copy of the open project: names and terms from a list (and optionally
 * e-mail addresses, telephone numbers and web addresses) replaced in answers, memos,
 * attribute values and respondent ids, with every segment re-anchored to the new text
 * (decision 0017). The open project is never changed.
 */
import type {
  PseudonymiseOptions,
  PseudonymisePreview,
  PseudonymiseReport,
} from "../../../shared/api/safety-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Db } from "../db/project-file.ts";
import type { ProjectSession } from "../services/project-session.ts";

export function previewPseudonymise(db: Db, options: PseudonymiseOptions): PseudonymisePreview {
  void db;
  void options;
  throw new CairnError("internal", "project.pseudonymisePreview is not built yet");
}

export function pseudonymiseCopy(
  session: ProjectSession,
  options: PseudonymiseOptions & { target: string },
): Promise<PseudonymiseReport> {
  void session;
  void options;
  return Promise.reject(new CairnError("internal", "project.pseudonymise is not built yet"));
}
