import { describe, expect, it } from "vitest";
import { ApiCallError, errorMessage } from "../../renderer/src/api/client.ts";
import { isComposing } from "../../renderer/src/coding/keys.ts";
import { newCodeProblem } from "../../renderer/src/coding/picker-options.ts";
import { firstCharacters, shortQuote } from "../../renderer/src/coding/quote.ts";

describe("a long passage quoted short in the popover, the picker and the status bar", () => {
  it("is left whole when it fits", () => {
    expect(shortQuote("national freephone helpline", 48)).toBe("national freephone helpline");
  });

  it("is cut to the length asked, ellipsis included", () => {
    const quote = shortQuote("a".repeat(200), 48);
    expect(quote).toBe(`${"a".repeat(47)}…`);
    expect(quote).toHaveLength(48);
  });

  it("never cuts an emoji in half, which would show as a replacement character", () => {
    // 46 letters, then a two-unit emoji across the cut at 47.
    const text = `${"a".repeat(46)}😀 and more words after it`;
    const quote = shortQuote(text, 48);
    expect(quote).toBe(`${"a".repeat(46)}…`);
    expect(quote).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/);
  });

  it("keeps a family emoji or an accented letter whole, or leaves it out", () => {
    const family = "👨‍👩‍👧"; // eight UTF-16 units, one character
    expect(shortQuote(`ab${family}cdefghijkl`, 8)).toBe("ab…");
    expect(shortQuote(`abcdef${family}xyz`, 15)).toBe(`abcdef${family}…`);
    expect(shortQuote(`abcdef${family}xyz`, 14)).toBe("abcdef…");
    expect(shortQuote("cafe\u0301 au lait", 5)).toBe("caf…");
  });

  it("takes a coder's initials as whole characters", () => {
    expect(firstCharacters("😀😀😀😀", 3)).toBe("😀😀😀");
    expect(firstCharacters("E\u0301va", 1)).toBe("E\u0301");
  });
});

describe("a new code's name checked before it is sent", () => {
  it("says, in the core's words, that a name is too long", () => {
    expect(newCodeProblem(["x".repeat(200)])).toBeNull();
    expect(newCodeProblem(["Safety", "x".repeat(201)])).toBe(
      "a code name is at most 200 characters",
    );
  });

  it("refuses a path deeper than the core keeps", () => {
    expect(newCodeProblem(Array.from({ length: 20 }, (_, i) => `L${i}`))).toBeNull();
    expect(newCodeProblem(Array.from({ length: 21 }, (_, i) => `L${i}`))).toBe(
      "a code path has at most 20 levels",
    );
  });
});

describe("an error shown to the user", () => {
  it("leaves out the operation and the field a refused input names", () => {
    const refused = new ApiCallError({
      code: "bad_input",
      message: "coding.apply: code.path.0: a code name is at most 200 characters",
    });
    expect(errorMessage(refused)).toBe("a code name is at most 200 characters");
  });

  it("keeps a sentence that names a file, and every other error, as it is", () => {
    const file = "members.xlsx: cell B3 has a value but column B has no header";
    expect(errorMessage(new ApiCallError({ code: "bad_input", message: file }))).toBe(file);
    expect(
      errorMessage(new ApiCallError({ code: "bad_input", message: "a code needs a name" })),
    ).toBe("a code needs a name");
    expect(errorMessage(new Error("disk full"))).toBe("disk full");
  });
});

describe("keys pressed while an input method composes a word", () => {
  it("are recognised by the flag, or by Chromium's and Safari's key code 229", () => {
    expect(isComposing({ isComposing: true, keyCode: 13 })).toBe(true);
    expect(isComposing({ isComposing: false, keyCode: 229 })).toBe(true);
    expect(isComposing({ isComposing: false, keyCode: 13 })).toBe(false);
  });
});
