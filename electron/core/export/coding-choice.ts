/**
 * Whose coding an export counts (decision 0016): one coder's, every coder's merged (the
 * frequency panel's "all coders"), or the consensus of the latest review. Shared by every
 * table-shaped export and the command line.
 */
import type { ExportCoding } from "../../../shared/api/export-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { CoderId } from "../../../shared/domain.ts";
import { coderNames, latestAnyReview } from "../db/export-reads.ts";
import type { Db } from "../db/project-file.ts";

export interface ResolvedCoding {
  /** The coder whose segments count; null: every coder's. */
  readonly coderId: CoderId | null;
  /** In words: "Aoife", "all coders, merged", "consensus (consensus)". */
  readonly label: string;
}

export const ALL_CODERS_LABEL = "all coders, merged";

export function resolveExportCoding(db: Db, coding: ExportCoding): ResolvedCoding {
  switch (coding.kind) {
    case "all":
      return { coderId: null, label: ALL_CODERS_LABEL };
    case "coder": {
      const name = coderNames(db).get(coding.coderId);
      if (name === undefined) {
        throw new CairnError("not_found", `coder ${coding.coderId} is not in this project`);
      }
      return { coderId: coding.coderId, label: name };
    }
    case "consensus": {
      const review = latestAnyReview(db);
      const name = review && coderNames(db).get(review.consensusId);
      if (!review || name === undefined) {
        throw new CairnError(
          "bad_input",
          "there is no consensus yet: start a review of two coders in the Agreement tab",
        );
      }
      return { coderId: review.consensusId, label: `${name} (consensus)` };
    }
  }
}
