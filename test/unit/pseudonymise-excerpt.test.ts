import { describe, expect, it } from "vitest";
import { excerptPair } from "../../shared/text/pseudonymise-excerpt.ts";
import { Pseudonymiser } from "../../shared/text/pseudonymise.ts";

const DEFAULTS = { ignoreCase: true, wholeWords: true, emails: false, phones: false, urls: false };

function pair(text: string, find: string, replace: string) {
  const p = new Pseudonymiser({ ...DEFAULTS, terms: [{ find, replace }] });
  return excerptPair(text, p.apply(text));
}

describe("the preview's before and after passages", () => {
  it("shows a short answer whole", () => {
    expect(pair("Maria drove me. Maria was kind.", "Maria", "[name 1]")).toEqual({
      before: "Maria drove me. Maria was kind.",
      after: "[name 1] drove me. [name 1] was kind.",
    });
  });

  it("cuts a long answer at spaces around the first name, marking the cuts", () => {
    const text = `${"Words before it all. ".repeat(4)}Then Maria came by. ${"More words after. ".repeat(5)}`;
    expect(pair(text, "Maria", "M.")).toEqual({
      before:
        "…before it all. Words before it all. Then Maria came by. More words after. More words after.…",
      after:
        "…before it all. Words before it all. Then M. came by. More words after. More words after.…",
    });
  });

  it("gives nothing for a text without a replacement", () => {
    expect(pair("no one here", "Maria", "M.")).toBeNull();
  });
});
