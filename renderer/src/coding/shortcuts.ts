/**
 * The nine codes on the number keys: the pinned codes first (in the order pinned), then
 * the codes applied most recently in this session, skipping codes that no longer exist.
 */
import type { CodeId } from "../../../shared/domain.ts";

export const SHORTCUT_COUNT = 9;
/** How many recently applied codes the session remembers. */
const RECENT_LIMIT = 20;

export function shortcutCodes(
  pinned: readonly CodeId[],
  recent: readonly CodeId[],
  exists: (id: CodeId) => boolean,
): CodeId[] {
  const codes: CodeId[] = [];
  for (const id of [...pinned, ...recent]) {
    if (codes.length === SHORTCUT_COUNT) break;
    if (exists(id) && !codes.includes(id)) codes.push(id);
  }
  return codes;
}

/** The recent list after applying `id`: it moves to the front. */
export function rememberRecent(recent: readonly CodeId[], id: CodeId): CodeId[] {
  return [id, ...recent.filter((other) => other !== id)].slice(0, RECENT_LIMIT);
}

/** Pins or unpins a code, keeping at most nine pinned (the oldest pin falls off). */
export function togglePinned(pinned: readonly CodeId[], id: CodeId): CodeId[] {
  if (pinned.includes(id)) return pinned.filter((other) => other !== id);
  return [...pinned, id].slice(-SHORTCUT_COUNT);
}
