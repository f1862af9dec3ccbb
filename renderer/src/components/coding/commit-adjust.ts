/**
 * Saves a segment's moved edges, then points the popover at the segment that results
 * (moving an edge onto a neighbour of the same code merges the two into one).
 */
import type { Segment } from "../../../../shared/domain.ts";
import { useCoding } from "../../stores/coding.ts";
import { usePanels } from "../../stores/coding-panels.ts";

export async function commitAdjust(segment: Segment, start: number, end: number): Promise<void> {
  if (start === segment.start && end === segment.end) {
    usePanels.getState().setPreview(null);
    return;
  }
  const result = await useCoding.getState().adjust(segment.id, start, end);
  // Failed or not, the preview goes: the highlight shows what the core has.
  usePanels.getState().setPreview(null);
  if (result !== null) usePanels.getState().replaceSegment(segment.id, result);
}
