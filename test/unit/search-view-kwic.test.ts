import { describe, expect, it } from "vitest";
import { headOf, kwicLine, passageParts, tailOf } from "../../renderer/src/search/kwic.ts";

describe("a keyword-in-context line", () => {
  it("puts a hit's context on one line", () => {
    expect(
      kwicLine({ before: "We waited\nfor the ", match: "police", after: " to\r\n come." }),
    ).toEqual({ before: "We waited for the\u00a0", match: "police", after: " to come." });
  });

  it("keeps the end of long text before the match, from the start of a word", () => {
    const before = `${"lorem ipsum ".repeat(30)}and then the `;
    const tail = tailOf(before, 40);
    expect(tail.startsWith("…")).toBe(true);
    expect(tail.endsWith("and then the ")).toBe(true);
    expect(tail.length).toBeLessThanOrEqual(41);
    expect(tail.slice(1, 2)).not.toBe(" ");
    expect(tail.slice(1)).toMatch(/^(lorem|ipsum) /);
  });

  it("keeps the start of long text after the match, to the end of a word", () => {
    const after = ` called us back ${"many times ".repeat(30)}`;
    const head = headOf(after, 40);
    expect(head.startsWith(" called us back")).toBe(true);
    expect(head.endsWith("…")).toBe(true);
    expect(head.slice(0, -1)).toMatch(/(many|times)$/);
  });

  it("never cuts an emoji in half", () => {
    const before = "😀".repeat(50);
    const tail = tailOf(before, 11);
    expect(tail.slice(1)).toBe("😀".repeat(5));
    const head = headOf(before, 11);
    expect(head.slice(0, -1)).toBe("😀".repeat(5));
  });

  it("leaves short context as it is", () => {
    expect(tailOf("the ")).toBe("the ");
    expect(headOf(" helpline.")).toBe(" helpline.");
  });
});

describe("the passage auto-coding would code", () => {
  const text = "We called the police. They came late.";

  it("cuts the passage around its hit, whose offsets are in the whole answer", () => {
    // The sentence "They came late." starts at 22; the hit "came" is at 27-31.
    expect(
      passageParts({ start: 22, end: 37, text: text.slice(22), hit: { start: 27, end: 31 } }),
    ).toEqual({ before: "They ", match: "came", after: " late." });
  });

  it("is the hit alone when the scope is the hit", () => {
    expect(
      passageParts({ start: 14, end: 20, text: "police", hit: { start: 14, end: 20 } }),
    ).toEqual({ before: "", match: "police", after: "" });
  });

  it("clamps a hit that reaches outside its passage", () => {
    expect(passageParts({ start: 10, end: 14, text: "abcd", hit: { start: 8, end: 12 } })).toEqual({
      before: "",
      match: "ab",
      after: "cd",
    });
  });
});
