import { describe, expect, it } from "vitest";
import { formatTermList, parseTermList } from "../../shared/text/pseudonymise-terms.ts";

describe("the list of names a user types or gives in a file", () => {
  it("reads `Name => Pseudonym` lines, trimming both sides", () => {
    expect(parseTermList("Anna Schmidt => Respondent A\n  Dublin=>City X  ").terms).toEqual([
      { find: "Anna Schmidt", replace: "Respondent A" },
      { find: "Dublin", replace: "City X" },
    ]);
  });

  it("numbers the names given without a pseudonym in list order", () => {
    const { terms } = parseTermList("Anna\nDublin => City X\nBoris\nClara =>");
    expect(terms).toEqual([
      { find: "Anna", replace: "[name 1]" },
      { find: "Dublin", replace: "City X" },
      { find: "Boris", replace: "[name 2]" },
      { find: "Clara", replace: "[name 3]" },
    ]);
  });

  it("skips blank lines and # comments, and reads Windows files with a byte-order mark", () => {
    const text = "\uFEFF# staff names\r\n\r\nAnna => A\r\n   # indented comment\r\nBoris\r\n";
    expect(parseTermList(text)).toEqual({
      terms: [
        { find: "Anna", replace: "A" },
        { find: "Boris", replace: "[name 1]" },
      ],
      problems: [],
    });
  });

  it("splits on the first arrow only, and says which line names nothing", () => {
    const { terms, problems } = parseTermList("a => b => c\n=> Nobody\nΝίκος => Ν.");
    expect(terms).toEqual([
      { find: "a", replace: "b => c" },
      { find: "Νίκος", replace: "Ν." },
    ]);
    expect(problems).toEqual([{ line: 2, message: 'line 2 has no name before "=>"' }]);
  });

  it("writes a list back in the same format", () => {
    const terms = [{ find: "Anna", replace: "[name 1]" }];
    expect(parseTermList(formatTermList(terms)).terms).toEqual(terms);
  });
});
