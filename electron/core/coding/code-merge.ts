/**
 * Merging codes into one: the target takes the sources' segments (a coder's segments
 * that then overlap or touch join into one, memos joined), their children and their
 * code memos; the sources go. One undoable step.
 *
 * Code memos: a source's memo by a coder who has one on the target is appended to it
 * after a blank line (one memo per coder stays one); otherwise it simply moves to the
 * target.
 */
import type { MergeReport } from "../../../shared/api/codebook-api.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import { codeNameKey } from "../../../shared/codes/names.ts";
import type { CodeId, SegmentId } from "../../../shared/domain.ts";
import {
  codeMemos,
  deleteMemo,
  moveSegmentsToCode,
  segmentsToJoin,
  setMemoCode,
  setMemoText,
  touchingSegments,
  type CodeMemo,
} from "../db/code-merge.ts";
import {
  ancestorIds,
  childIds,
  childNames,
  deleteCode,
  setCodePlace,
  type CodeRecord,
} from "../db/codes.ts";
import { readPinnedCodes, writePinnedCodes } from "../db/pinned-codes.ts";
import type { Db } from "../db/project-file.ts";
import { absorbTouching, getSegment } from "../db/segments.ts";
import type { EditOutcome } from "./edit-outcome.ts";
import { NO_CHANGE, recordStep } from "./history.ts";
import { existingCode } from "./targets.ts";

export function mergeCodes(
  db: Db,
  sourceIds: readonly CodeId[],
  targetId: CodeId,
  now: string,
): EditOutcome & MergeReport {
  const target = existingCode(db, targetId);
  const sources = [...new Set(sourceIds)].map((id) => existingCode(db, id));
  refuseBadMerge(db, sources, target);
  const ids = sources.map((source) => source.id);
  const orphans = childrenToAdopt(db, sources, target);
  return recordStep(db, `Merge into ${target.name}`, now, () => {
    const staying = childIds(db, target.id).filter((id) => !ids.includes(id));
    [...staying, ...orphans].forEach((id, position) => setCodePlace(db, id, target.id, position));
    const report = moveSegments(db, ids, target.id);
    moveMemos(db, ids, target.id, now);
    passPin(db, ids, target.id);
    // Deepest first: a source may sit below another source.
    const depth = new Map(ids.map((id) => [id, ancestorIds(db, id).length]));
    for (const id of [...ids].sort((a, b) => (depth.get(b) ?? 0) - (depth.get(a) ?? 0))) {
      deleteCode(db, id);
    }
    return { ...NO_CHANGE, ...report };
  });
}

function refuseBadMerge(db: Db, sources: readonly CodeRecord[], target: CodeRecord): void {
  if (sources.some((source) => source.id === target.id)) {
    throw new CairnError("bad_input", `cannot merge "${target.name}" into itself`);
  }
  const above = new Set(ancestorIds(db, target.id));
  const holder = sources.find((source) => above.has(source.id));
  if (holder) {
    throw new CairnError(
      "bad_input",
      `cannot merge "${holder.name}" into "${target.name}", which is one of its own sub-codes`,
    );
  }
}

/**
 * The sources' children that move under the target, in order (children that are
 * sources themselves go with the merge). Refused when two would share a name there.
 */
function childrenToAdopt(db: Db, sources: readonly CodeRecord[], target: CodeRecord): CodeId[] {
  const sourceIds = new Set(sources.map((source) => source.id));
  const taken = new Map<string, { name: string; owner: string }>();
  for (const [id, name] of childNames(db, target.id)) {
    if (!sourceIds.has(id)) taken.set(codeNameKey(name), { name, owner: target.name });
  }
  const adopted: CodeId[] = [];
  for (const source of sources) {
    const names = childNames(db, source.id);
    for (const id of childIds(db, source.id)) {
      const name = names.get(id) ?? "";
      if (sourceIds.has(id)) continue;
      const clash = taken.get(codeNameKey(name));
      if (clash) {
        throw new CairnError(
          "bad_input",
          `cannot merge: "${clash.owner}" and "${source.name}" both have a code "${clash.name}"; ` +
            "rename or move one of them first",
        );
      }
      taken.set(codeNameKey(name), { name, owner: source.name });
      adopted.push(id);
    }
  }
  return adopted;
}

function moveSegments(db: Db, sourceIds: readonly CodeId[], targetId: CodeId): MergeReport {
  const toJoin = segmentsToJoin(db, sourceIds, targetId);
  const moved = moveSegmentsToCode(db, sourceIds, targetId);
  const candidates = new Set(toJoin);
  const merged = new Set<SegmentId>();
  for (const id of toJoin) {
    if (!getSegment(db, id)) continue; // joined into an earlier one already
    const touching = touchingSegments(db, id);
    if (touching.length === 0) continue;
    merged.add(id);
    for (const other of touching) if (candidates.has(other)) merged.add(other);
    absorbTouching(db, id);
  }
  return { moved, merged: merged.size };
}

function moveMemos(db: Db, sourceIds: readonly CodeId[], targetId: CodeId, now: string): void {
  const byCoder = new Map<number | null, CodeMemo>();
  for (const memo of codeMemos(db, [targetId])) {
    if (!byCoder.has(memo.coderId)) byCoder.set(memo.coderId, memo);
  }
  for (const memo of codeMemos(db, sourceIds)) {
    const kept = byCoder.get(memo.coderId);
    if (!kept) {
      setMemoCode(db, memo.id, targetId);
      byCoder.set(memo.coderId, { ...memo, codeId: targetId });
      continue;
    }
    const text = memo.text.trim() === "" ? kept.text : `${kept.text}\n\n${memo.text}`;
    if (text !== kept.text) setMemoText(db, kept.id, text, now);
    deleteMemo(db, memo.id);
    byCoder.set(memo.coderId, { ...kept, text });
  }
}

/** The target takes the first pinned source's key when it has none; other pins go. */
function passPin(db: Db, sourceIds: readonly CodeId[], targetId: CodeId): void {
  const pins = readPinnedCodes(db);
  if (pins.includes(targetId)) return;
  const at = pins.findIndex((id) => sourceIds.includes(id));
  if (at < 0) return;
  writePinnedCodes(db, pins.with(at, targetId));
}
