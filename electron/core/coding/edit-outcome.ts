/**
 * What a service reports after an edit: which answers it touched and what else went
 * stale. The API layer turns it into a `ProjectEdit` with the touched answers' fresh rows.
 */
import type { AnswerId } from "../../../shared/domain.ts";

export interface EditOutcome {
  readonly answerIds: readonly AnswerId[];
  readonly codebookChanged: boolean;
  /** Coders, answer statuses or done marks changed: the project summary is stale. */
  readonly summaryChanged: boolean;
}
