/**
 * Keeps a tally on screen current (see useLive): asked for when its scope changes and
 * again after every edit that touched answers or the codebook, so the frequency panel
 * follows the coding without a refresh button.
 */
import type { Tally, TallyScope } from "../../../shared/api/tally-api.ts";
import { call } from "../api/client.ts";
import { useLive, type Edit } from "./live.ts";
import { useProject } from "./project.ts";

export interface TallyState {
  readonly tally: Tally | null;
  /** The core's sentence when the tally could not be read. */
  readonly error: string | null;
}

function readTally(key: string): Promise<Tally> {
  return call("tally.get", JSON.parse(key) as TallyScope);
}

/** A tally counts coded answers: an edit that touched none, nor the codes, leaves it. */
function touchesTally(edit: Edit): boolean {
  return edit.answerIds.length > 0 || edit.codebookChanged || edit.summaryChanged;
}

/** The tally for `scope` (null: none wanted, e.g. the panel is closed). */
export function useTally(scope: TallyScope | null): TallyState {
  const summary = useProject((s) => s.summary);
  const key = scope === null || summary === null ? null : JSON.stringify(scope);
  const { value, error } = useLive(key, readTally, touchesTally);
  return { tally: value, error };
}
