import { describe, expect, it } from "vitest";
import { CODE_PALETTE, distinctColor } from "../../shared/codes/palette.ts";

describe("the colour of a new code", () => {
  it("starts with the palette's first colour in an empty codebook", () => {
    expect(distinctColor([])).toBe(CODE_PALETTE[0]);
  });

  it("never repeats a colour while the palette has unused ones", () => {
    const used: string[] = [];
    for (let i = 0; i < 24; i++) used.push(distinctColor(used));
    expect(new Set(used).size).toBe(24);
  });

  it("keeps away from the blues a codebook already has", () => {
    const blues = ["#4e79a7", "#5f8fbf", "#1f5f99", "#2d6a73"];
    const next = distinctColor(blues);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(next.slice(i, i + 2), 16)) as number[];
    expect(b! > r! && b! > g!).toBe(false);
  });

  it("ignores colours it cannot read", () => {
    expect(distinctColor(["not a colour"])).toBe(CODE_PALETTE[0]);
  });
});
