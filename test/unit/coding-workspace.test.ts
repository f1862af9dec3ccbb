/**
 * The coding workspace's pure decisions: where margin stripes go, which codes sit on the
 * number keys, how an edge moves, what the quick picker offers, how a highlight looks.
 */
import { describe, expect, it } from "vitest";
import type { CodeId, CoderId, Segment, SegmentId } from "../../shared/domain.ts";
import { dragEdge, moveEdge } from "../../renderer/src/coding/adjust.ts";
import { historyCommand, shortcutSlot } from "../../renderer/src/coding/keys.ts";
import { leafStyle } from "../../renderer/src/coding/leaf-style.ts";
import { layoutMargin } from "../../renderer/src/coding/margin.ts";
import { matchedRuns, pickerOptions } from "../../renderer/src/coding/picker-options.ts";
import { segmentsOver, visibleSegments } from "../../renderer/src/coding/segments.ts";
import {
  rememberRecent,
  shortcutCodes,
  togglePinned,
} from "../../renderer/src/coding/shortcuts.ts";

const ids = (...n: number[]) => n as CodeId[];

describe("the margin beside an answer", () => {
  it("puts segments whose lines overlap side by side, and reuses a lane once it is free", () => {
    const { bars, lanes } = layoutMargin(
      [
        { id: 1, top: 0, bottom: 40 },
        { id: 2, top: 20, bottom: 60 },
        { id: 3, top: 70, bottom: 90 },
      ],
      16,
    );
    expect(lanes).toBe(2);
    expect(bars.map((b) => [b.id, b.lane])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
  });

  it("pushes a label down when the one above needs the room, and reports the height used", () => {
    const layout = layoutMargin(
      [
        { id: 1, top: 0, bottom: 20 },
        { id: 2, top: 0, bottom: 20 },
        { id: 3, top: 0, bottom: 20 },
      ],
      16,
    );
    expect(layout.bars.map((b) => b.labelTop)).toEqual([0, 16, 32]);
    expect(layout.height).toBe(48);
  });
});

describe("the codes on the number keys", () => {
  it("takes the pinned codes first, then the latest applied, nine at most, none twice", () => {
    const all = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const keys = shortcutCodes(ids(5, 6), ids(6, 1, 2, 3, 4, 7, 8, 9, 10, 11), (id) => all.has(id));
    expect(keys).toEqual(ids(5, 6, 1, 2, 3, 4, 7, 8, 9));
  });

  it("skips codes that were deleted", () => {
    expect(shortcutCodes(ids(1, 2), ids(3), (id) => id !== 2)).toEqual(ids(1, 3));
  });

  it("moves a code applied again to the front of the recent list", () => {
    expect(rememberRecent(ids(1, 2, 3), 3 as CodeId)).toEqual(ids(3, 1, 2));
  });

  it("pins and unpins, dropping the oldest pin past nine", () => {
    expect(togglePinned(ids(1, 2), 2 as CodeId)).toEqual(ids(1));
    expect(togglePinned(ids(1, 2, 3, 4, 5, 6, 7, 8, 9), 10 as CodeId)).toEqual(
      ids(2, 3, 4, 5, 6, 7, 8, 9, 10),
    );
  });
});

describe("moving a coded passage's edges", () => {
  const text = "We run a refuge 👩‍👧 for women.";
  const refuge = { start: 9, end: 15 };

  it("moves the end by a character, then by a word without taking in the space", () => {
    expect(moveEdge(text, refuge, "end", "character", "forward")).toEqual({ start: 9, end: 16 });
    const word = moveEdge(text, refuge, "end", "word", "forward");
    expect(text.slice(word.start, word.end)).toBe("refuge 👩‍👧");
  });

  it("moves the start back by a word and never empties the passage", () => {
    const back = moveEdge(text, refuge, "start", "word", "backward");
    expect(text.slice(back.start, back.end)).toBe("a refuge");
    const one = { start: 9, end: 10 };
    expect(moveEdge(text, one, "end", "character", "backward")).toEqual(one);
  });

  it("snaps a dragged edge to whole characters and keeps one character at least", () => {
    const emoji = text.indexOf("👩");
    const dragged = dragEdge(text, refuge, "end", emoji + 1);
    expect(text.slice(dragged.start, dragged.end)).toBe("refuge 👩‍👧");
    expect(dragEdge(text, refuge, "start", 40)).toEqual({ start: 14, end: 15 });
  });
});

describe("the quick picker's options", () => {
  const codes = [
    { id: 1, path: ["Victim safety", "Risk assessment"] },
    { id: 2, path: ["Victim safety", "Safety planning"] },
    { id: 3, path: ["Police"] },
  ];

  it("offers to create what was typed when no code has that name, first", () => {
    const options = pickerOptions("Funding > Cuts", codes);
    expect(options[0]).toEqual({ kind: "create", path: ["Funding", "Cuts"] });
  });

  it("puts the exact code first and offers no creation", () => {
    const options = pickerOptions("police", codes);
    expect(options[0]).toMatchObject({ kind: "code", id: 3 });
    expect(options.some((o) => o.kind === "create")).toBe(false);
  });

  it("bolds the matched letters in runs", () => {
    expect(matchedRuns("Police", [0, 1])).toEqual([
      { text: "Po", bold: true },
      { text: "lice", bold: false },
    ]);
  });
});

describe("which segments show and how they look", () => {
  const segment = (id: number, coder: number, start: number, end: number): Segment => ({
    id: id as SegmentId,
    codeId: 1 as CodeId,
    coderId: coder as CoderId,
    start,
    end,
    memo: "",
    createdAt: "2025-01-01T00:00:00.000Z",
  });
  const all = [segment(1, 1, 0, 10), segment(2, 2, 5, 20)];

  it("shows everyone's, or only the active coder's", () => {
    expect(visibleSegments(all, 1 as CoderId, "all")).toHaveLength(2);
    expect(visibleSegments(all, 1 as CoderId, "mine").map((s) => s.id)).toEqual([1]);
    expect(visibleSegments(all, null, "mine")).toEqual([]);
  });

  it("finds the segments over a caret or a passage", () => {
    expect(segmentsOver(all, 7, 7).map((s) => s.id)).toEqual([1, 2]);
    expect(segmentsOver(all, 12, 30).map((s) => s.id)).toEqual([2]);
  });

  it("stacks one underline per code, dashed for another coder's", () => {
    const style = leafStyle([
      { color: "#aa3300", mine: true, active: false },
      { color: "#0055aa", mine: false, active: false },
    ]);
    expect(style.backgroundImage).toBe(
      "linear-gradient(#aa3300, #aa3300), " +
        "repeating-linear-gradient(90deg, #0055aa 0 5px, transparent 5px 8px)",
    );
    expect(style.backgroundPosition).toBe("0 calc(100% - 0px), 0 calc(100% - 3px)");
    expect(style.backgroundColor).toBe("#aa330033");
  });
});

describe("the coding keys", () => {
  const key = (
    k: string,
    mods: Partial<Record<"ctrl" | "meta" | "shift" | "alt", boolean>> = {},
  ) => ({
    key: k,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
  });

  it("reads undo and redo the way each platform writes them", () => {
    expect(historyCommand(key("z", { ctrl: true }))).toBe("undo");
    expect(historyCommand(key("Z", { meta: true, shift: true }))).toBe("redo");
    expect(historyCommand(key("y", { ctrl: true }))).toBe("redo");
    expect(historyCommand(key("z"))).toBeNull();
  });

  it("takes plain digits 1-9 as shortcut slots", () => {
    expect(shortcutSlot(key("1"))).toBe(0);
    expect(shortcutSlot(key("9"))).toBe(8);
    expect(shortcutSlot(key("0"))).toBeNull();
    expect(shortcutSlot(key("1", { ctrl: true }))).toBeNull();
  });
});
