/**
 * Where a code lands when the coder moves it in the codebook panel: Alt+arrows among
 * its siblings, into the code above, out of its category, or dropped on a row's edge or
 * middle; and the figures and sentences the panel shows beside and before those moves.
 */
import { describe, expect, it } from "vitest";
import type { CodeCount } from "../../shared/api/codebook-api.ts";
import type { CodeId, CodeNode } from "../../shared/domain.ts";
import { countLabel, NO_COUNTS } from "../../renderer/src/codebook/counts.ts";
import {
  dropMove,
  dropZoneAt,
  indent,
  isWithin,
  moveAmongSiblings,
  outdent,
  visibleCodes,
} from "../../renderer/src/codebook/moves.ts";
import {
  deletionSentence,
  importReport,
  mergeSentence,
} from "../../renderer/src/codebook/sentences.ts";

function code(id: number, name: string, children: CodeNode[] = [], path: string[] = []): CodeNode {
  const own = [...path, name];
  return {
    id: id as CodeId,
    name,
    path: own,
    color: "#4e79a7",
    description: "",
    whenToUse: "",
    whenNotToUse: "",
    example: "",
    children: children.map((c) => ({ ...c, path: [...own, ...c.path] })),
  };
}

// Support (1) > [Helpline (2), Webchat (3) > [Evenings (4)]], Police (5), Housing (6)
const tree: CodeNode[] = [
  code(1, "Support", [code(2, "Helpline"), code(3, "Webchat", [code(4, "Evenings")])]),
  code(5, "Police"),
  code(6, "Housing"),
];
const id = (n: number) => n as CodeId;

describe("moving a code with the keyboard", () => {
  it("Alt+Up and Alt+Down move it one place among its siblings, not past either end", () => {
    expect(moveAmongSiblings(tree, id(5), -1)).toEqual({ parentId: null, position: 0 });
    expect(moveAmongSiblings(tree, id(5), 1)).toEqual({ parentId: null, position: 2 });
    expect(moveAmongSiblings(tree, id(1), -1)).toBeNull();
    expect(moveAmongSiblings(tree, id(6), 1)).toBeNull();
    expect(moveAmongSiblings(tree, id(3), -1)).toEqual({ parentId: 1, position: 0 });
  });

  it("Alt+Right makes it the last child of the code above it; a first child stays", () => {
    expect(indent(tree, id(5))).toEqual({ parentId: 1, position: 2 });
    expect(indent(tree, id(3))).toEqual({ parentId: 2, position: 0 });
    expect(indent(tree, id(2))).toBeNull();
  });

  it("Alt+Left takes it out of its category, just after it; the top level stays", () => {
    expect(outdent(tree, id(4))).toEqual({ parentId: 1, position: 2 });
    expect(outdent(tree, id(2))).toEqual({ parentId: null, position: 1 });
    expect(outdent(tree, id(5))).toBeNull();
  });
});

describe("dropping a dragged code", () => {
  it("reads the row's top quarter as before, its bottom as after, the middle as inside", () => {
    expect(dropZoneAt(2, 28)).toBe("before");
    expect(dropZoneAt(14, 28)).toBe("inside");
    expect(dropZoneAt(26, 28)).toBe("after");
  });

  it("on a row's middle makes it the last child of that code", () => {
    expect(dropMove(tree, id(6), id(1), "inside")).toEqual({ parentId: 1, position: 2 });
    expect(dropMove(tree, id(6), id(5), "inside")).toEqual({ parentId: 5, position: 0 });
  });

  it("between rows puts it there, counting its new siblings without itself", () => {
    // Housing dragged above Police: third becomes second.
    expect(dropMove(tree, id(6), id(5), "before")).toEqual({ parentId: null, position: 1 });
    // Support dragged below Police: Police moves up, Support lands second.
    expect(dropMove(tree, id(1), id(5), "after")).toEqual({ parentId: null, position: 1 });
    // Police dropped between Helpline and Webchat, inside Support.
    expect(dropMove(tree, id(5), id(3), "before")).toEqual({ parentId: 1, position: 1 });
  });

  it("where it already is, goes nowhere", () => {
    expect(dropMove(tree, id(5), id(1), "after")).toBeNull();
    expect(dropMove(tree, id(5), id(6), "before")).toBeNull();
    expect(dropMove(tree, id(2), id(1), "inside")).toEqual({ parentId: 1, position: 1 });
  });

  it("is refused into its own branch", () => {
    expect(isWithin(tree, id(1), id(4))).toBe(true);
    expect(isWithin(tree, id(3), id(2))).toBe(false);
    expect(dropMove(tree, id(1), id(4), "inside")).toBeNull();
    expect(dropMove(tree, id(1), id(3), "before")).toBeNull();
    expect(dropMove(tree, id(3), id(3), "inside")).toBeNull();
  });
});

describe("the tree on screen", () => {
  it("lists codes in reading order and skips the children of folded codes", () => {
    expect(visibleCodes(tree, new Set()).map((c) => c.name)).toEqual([
      "Support",
      "Helpline",
      "Webchat",
      "Evenings",
      "Police",
      "Housing",
    ]);
    expect(visibleCodes(tree, new Set([id(3)])).map((c) => c.id)).toEqual([1, 2, 3, 5, 6]);
  });
});

describe("the figures beside a code", () => {
  const figures: CodeCount = {
    codeId: id(1),
    segments: 3,
    respondents: 2,
    subtreeSegments: 1240,
    subtreeRespondents: 9,
  };

  it("shows a code's own passages and respondents", () => {
    expect(countLabel("Support", figures, false)).toEqual({
      text: "3 · 2 resp.",
      title: "Support: 3 coded passages from 2 respondents.",
      empty: false,
    });
  });

  it("shows a category's whole branch, and spells out both in the tooltip", () => {
    const label = countLabel("Support", figures, true);
    expect(label?.text).toBe("1,240 · 9 resp.");
    expect(label?.title).toBe(
      "Support with its sub-codes: 1,240 coded passages from 9 respondents.\n" +
        "Support itself: 3 coded passages from 2 respondents.",
    );
  });

  it("marks a code nobody used yet, and shows nothing before the counts arrive", () => {
    const none = { ...figures, segments: 0, respondents: 0 };
    expect(countLabel("Police", none, false)).toMatchObject({ text: "0", empty: true });
    expect(countLabel("Police", undefined, false)).toBeNull();
    // "Mine" before the coder's first passage: zeros beside every code, not blanks.
    expect(countLabel("Police", NO_COUNTS, true)).toMatchObject({ text: "0", empty: true });
  });
});

describe("what the dialogs say before acting", () => {
  it("a delete names the sub-codes, passages, respondents and memos that go with it", () => {
    expect(deletionSentence("Support", { codes: 3, segments: 37, respondents: 12, memos: 0 })).toBe(
      "Delete “Support” and its 2 sub-codes? 37 coded passages from 12 respondents will be removed. You can undo this.",
    );
    expect(deletionSentence("Police", { codes: 1, segments: 1, respondents: 1, memos: 2 })).toBe(
      "Delete “Police”? 1 coded passage from 1 respondent will be removed. So will 2 memos on the codes. You can undo this.",
    );
    expect(deletionSentence("Idle", { codes: 2, segments: 0, respondents: 0, memos: 0 })).toBe(
      "Delete “Idle” and its sub-code? No coded passages will be removed. You can undo this.",
    );
  });

  it("a merge says where the passages and sub-codes go", () => {
    const own: CodeCount = {
      codeId: id(5),
      segments: 4,
      respondents: 3,
      subtreeSegments: 4,
      subtreeRespondents: 3,
    };
    expect(mergeSentence("Police", "Support > Helpline", own, 2)).toBe(
      "4 coded passages from 3 respondents move to “Support > Helpline” (a coder's overlapping passages join); its 2 sub-codes move under it. “Police” is then removed. You can undo this.",
    );
  });

  it("an import reports what it created and updated", () => {
    expect(importReport({ created: 12, updated: 3, unchanged: 0 })).toBe(
      "Created 12 codes, updated 3",
    );
    expect(importReport({ created: 1, updated: 0, unchanged: 5 })).toBe(
      "Created 1 code, updated 0, 5 unchanged",
    );
  });
});
