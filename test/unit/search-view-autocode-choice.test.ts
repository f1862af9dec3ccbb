import { describe, expect, it } from "vitest";
import {
  allCheckable,
  codeButtonLabel,
  hitsLabel,
  isChecked,
  keepUnchecked,
  passagesToCode,
  skippedKeys,
  type ChoosablePassage,
} from "../../renderer/src/search/autocode-choice.ts";
import { codeAtPath, codeLabel } from "../../renderer/src/search/code-ref.ts";
import type { CodeId } from "../../shared/domain.ts";

function passage(
  answerId: number,
  start: number,
  end: number,
  alreadyCoded = false,
  hitStart = start,
): ChoosablePassage {
  return { key: `${answerId}:${hitStart}`, start, end, alreadyCoded, hit: { answerId } };
}

describe("choosing the hits to auto-code", () => {
  const preview = [
    passage(1, 0, 20, false, 3),
    passage(1, 0, 20, false, 12), // a second hit in the same sentence
    passage(2, 5, 30),
    passage(3, 0, 9, true),
  ];

  it("checks every hit at first, except those already coded", () => {
    const none = new Set<string>();
    expect(preview.map((p) => isChecked(p, none))).toEqual([true, true, true, false]);
  });

  it("counts passages, not hits: two hits in one sentence code it once", () => {
    expect(passagesToCode(preview, new Set())).toBe(2);
    expect(passagesToCode(preview, new Set(["1:3"]))).toBe(2);
    expect(passagesToCode(preview, new Set(["1:3", "1:12"]))).toBe(1);
  });

  it("skips exactly the unchecked hits the preview lists", () => {
    expect(skippedKeys(preview, new Set(["2:5", "9:9"]))).toEqual(["2:5"]);
  });

  it("unchecks every hit that can be checked with Check none", () => {
    const none = allCheckable(preview);
    expect([...none]).toEqual(["1:3", "1:12", "2:5"]);
    expect(passagesToCode(preview, none)).toBe(0);
  });

  it("keeps the coder's unchecked hits across a fresh preview, forgetting vanished ones", () => {
    expect([...keepUnchecked(preview, new Set(["2:5", "7:1"]))]).toEqual(["2:5"]);
  });
});

describe("what the search view says", () => {
  it("counts hits and answers", () => {
    expect(hitsLabel({ hits: 23, answers: 19 })).toBe("23 hits in 19 answers");
    expect(hitsLabel({ hits: 1, answers: 1 })).toBe("1 hit in 1 answer");
    expect(hitsLabel({ hits: 0, answers: 0 })).toBe("No hits");
    expect(hitsLabel({ hits: 12_000, answers: 9_100 })).toBe("12,000 hits in 9,100 answers");
  });

  it("names the passages the button codes", () => {
    expect(codeButtonLabel(37)).toBe("Code 37 passages");
    expect(codeButtonLabel(1)).toBe("Code 1 passage");
  });
});

describe("naming the code to apply", () => {
  const codes = new Map([
    [1 as CodeId, { path: ["Safety"] }],
    [2 as CodeId, { path: ["Safety", "Risk assessment"] }],
  ]);

  it("finds a typed path in the codebook whatever its case and spacing", () => {
    expect(codeAtPath(codes, ["safety", " risk  ASSESSMENT "])).toBe(codes.get(2 as CodeId));
    expect(codeLabel(codes, { path: ["safety", "risk assessment"] })).toBe(
      "Safety > Risk assessment",
    );
  });

  it("names a new path as typed, and a code by its path", () => {
    expect(codeAtPath(codes, ["Safety", "Lighting"])).toBeUndefined();
    expect(codeLabel(codes, { path: ["Safety", "Lighting"] })).toBe("Safety > Lighting");
    expect(codeLabel(codes, { id: 1 })).toBe("Safety");
  });
});
