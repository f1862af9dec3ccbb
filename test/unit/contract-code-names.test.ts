import { describe, expect, it } from "vitest";
import { api } from "../../shared/api/contract.ts";

const create = (path: string[]) => api["codes.create"].input.safeParse({ path });
const firstIssue = (path: string[]) => {
  const parsed = create(path);
  return parsed.success ? null : parsed.error.issues[0]?.message;
};

describe("code names as the core accepts them", () => {
  it("tidies tabs, line breaks and runs of spaces into single spaces", () => {
    const parsed = create(["  Victims'\tsafety \n and  support "]);
    expect(parsed.success && parsed.data.path).toEqual(["Victims' safety and support"]);
  });

  it("refuses a name that shows nothing", () => {
    expect(firstIssue(["\u200b"])).toBe("a code needs a visible name");
    expect(firstIssue(["   "])).toBe("a code needs a name");
  });

  it("refuses half of an emoji", () => {
    expect(firstIssue(["Safety \ud83d"])).toBe(
      "the code name holds half a character; type it again",
    );
    expect(create(["Safety 👩‍👩‍👧"]).success).toBe(true);
  });

  it("refuses the level separator inside a name", () => {
    expect(firstIssue(["Safety > Risk"])).toMatch(/'>' separates levels/);
  });

  it("refuses a memo with half a character", () => {
    const memo = api["coding.setMemo"].input.safeParse({
      target: { answerId: 1 },
      coder: "Anna",
      text: "note \udc00",
    });
    expect(memo.success).toBe(false);
  });
});
