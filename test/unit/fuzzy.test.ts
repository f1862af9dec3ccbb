import { describe, expect, it } from "vitest";
import {
  exactCodeMatch,
  fuzzyRank,
  parseCodePathInput,
  type FuzzyCandidate,
} from "../../shared/codes/fuzzy.ts";

// A codebook from a survey of support services for victims of domestic violence.
const codebook: FuzzyCandidate[] = [
  { id: 1, path: ["Funding"] },
  { id: 2, path: ["Safety"] },
  { id: 3, path: ["Safety", "Risk assessment"] },
  { id: 4, path: ["Victims' safety"] },
  { id: 5, path: ["Funding", "Short-term grants"] },
  { id: 6, path: ["Police", "Response time"] },
  { id: 7, path: ["Support", "Sécurité financière"] },
  { id: 8, path: ["Safety", "Safe housing"] },
  { id: 9, path: ["Police", "Other"] },
  { id: 10, path: ["Funding", "Other"] },
];

const labels = (query: string, limit?: number) =>
  fuzzyRank(query, codebook, limit).map((match) => match.label);

/** The label's characters the picker shows in bold. */
const bold = (query: string, id: number) => {
  const match = fuzzyRank(query, codebook).find((m) => m.id === id);
  if (match === undefined) throw new Error(`"${query}" does not match code ${id}`);
  return match.matched.map((index) => match.label[index]).join("");
};

describe("the quick picker ranks codes for what the coder types", () => {
  it("puts the code named exactly first, then codes named after it, then its children", () => {
    expect(labels("safety")).toEqual([
      "Safety",
      "Victims' safety",
      "Safety > Risk assessment",
      "Safety > Safe housing",
    ]);
  });

  it("prefers a code whose own name starts with the query to one whose parent does", () => {
    expect(labels("risk")).toEqual(["Safety > Risk assessment"]);
    expect(labels("fund")).toEqual(["Funding", "Funding > Short-term grants", "Funding > Other"]);
    const liaison = [...codebook, { id: 11, path: ["Support", "Police liaison"] }];
    expect(fuzzyRank("police", liaison).map((m) => m.label)).toEqual([
      "Support > Police liaison",
      "Police > Response time",
      "Police > Other",
    ]);
    expect(labels("saf")[0]).toBe("Safety");
  });

  it("finds a code by the initials of its words", () => {
    expect(labels("sra")[0]).toBe("Safety > Risk assessment");
    expect(bold("sra", 3)).toBe("SRa");
    expect(labels("rt")[0]).toBe("Police > Response time");
  });

  it("matches words typed with spaces between them, in the code's own name first", () => {
    expect(labels("risk ass")).toEqual(["Safety > Risk assessment"]);
    expect(labels("short grants")).toEqual(["Funding > Short-term grants"]);
  });

  it("ignores case and accents, both ways", () => {
    expect(labels("SECURITE")).toEqual(["Support > Sécurité financière"]);
    expect(bold("securite", 7)).toBe("Sécurité");
    const accentless: FuzzyCandidate[] = [{ id: 1, path: ["Securite routiere"] }];
    expect(fuzzyRank("sécurité", accentless).map((m) => m.id)).toEqual([1]);
    expect(fuzzyRank("strasse", [{ id: 2, path: ["Straße"] }]).map((m) => m.id)).toEqual([2]);
  });

  it("matches a path typed with '>' between levels", () => {
    expect(labels("safety > risk")[0]).toBe("Safety > Risk assessment");
    expect(labels("police>other")[0]).toBe("Police > Other");
  });

  it("lists nothing when no code has the letters in that order", () => {
    expect(labels("xyz")).toEqual([]);
    expect(labels("ytefas")).toEqual([]);
  });

  it("bolds the characters that matched, preferring the start of words", () => {
    expect(bold("safety", 4)).toBe("safety");
    expect(fuzzyRank("safety", codebook).find((m) => m.id === 4)?.matched).toEqual([
      9, 10, 11, 12, 13, 14,
    ]);
    expect(bold("time", 6)).toBe("time");
  });

  it("bolds an emoji or an accented letter whole", () => {
    const emoji: FuzzyCandidate[] = [{ id: 1, path: ["👍🏽 Praise"] }];
    expect(fuzzyRank("👍", emoji)[0]?.matched).toEqual([0, 1, 2, 3]);
    const decomposed: FuzzyCandidate[] = [{ id: 2, path: ["Cafe\u0301 talk"] }];
    expect(fuzzyRank("cafe", decomposed)[0]?.matched).toEqual([0, 1, 2, 3, 4]);
  });

  it("shows every code in the codebook's order before anything is typed", () => {
    expect(labels("")).toEqual(codebook.map((c) => c.path.join(" > ")));
    expect(labels("   ")).toHaveLength(codebook.length);
    expect(fuzzyRank("", codebook)[0]).toEqual({
      id: 1,
      score: 0,
      label: "Funding",
      matched: [],
    });
  });

  it("shows at most as many codes as asked", () => {
    expect(labels("", 3)).toEqual(["Funding", "Safety", "Safety > Risk assessment"]);
    expect(labels("safety", 2)).toEqual(["Safety", "Victims' safety"]);
    expect(labels("safety", 0)).toEqual([]);
  });

  it("keeps the codebook's order between codes that match equally well", () => {
    expect(labels("other")).toEqual(["Police > Other", "Funding > Other"]);
    const reversed = [...codebook].reverse();
    expect(fuzzyRank("other", reversed).map((m) => m.label)).toEqual([
      "Funding > Other",
      "Police > Other",
    ]);
  });

  it("scores better matches higher", () => {
    const [first, second] = fuzzyRank("safety", codebook);
    expect(first?.score).toBeGreaterThan(second?.score ?? Infinity);
  });
});

describe("deciding between applying a code and creating one", () => {
  it("finds the code whose own name the query is, whatever the case and spacing", () => {
    expect(exactCodeMatch("funding", codebook)).toBe(1);
    expect(exactCodeMatch("  RISK   assessment ", codebook)).toBe(3);
    expect(exactCodeMatch("victims' SAFETY", codebook)).toBe(4);
  });

  it("ignores accents", () => {
    expect(exactCodeMatch("securite financiere", codebook)).toBe(7);
  });

  it("tells apart two codes that differ only by accents when typed exactly", () => {
    const both: FuzzyCandidate[] = [
      { id: 1, path: ["Securite"] },
      { id: 2, path: ["Sécurité"] },
    ];
    expect(exactCodeMatch("sécurité", both)).toBe(2);
    expect(exactCodeMatch("SECURITE", both)).toBe(1);
  });

  it("finds a code by its full path written with '>'", () => {
    expect(exactCodeMatch("Safety > Risk assessment", codebook)).toBe(3);
    expect(exactCodeMatch("police>other", codebook)).toBe(9);
    expect(exactCodeMatch("Funding > other", codebook)).toBe(10);
  });

  it("offers to create a code whose path does not exist, even if its name does", () => {
    expect(exactCodeMatch("Police > Risk assessment", codebook)).toBeNull();
    expect(exactCodeMatch("Housing", codebook)).toBeNull();
    expect(exactCodeMatch("Safe", codebook)).toBeNull();
  });

  it("prefers the top-level code of that name to a child with the same name", () => {
    const withTopLevel = [...codebook, { id: 11, path: ["Other"] }];
    expect(exactCodeMatch("other", withTopLevel)).toBe(11);
  });

  it("does not guess between children of different parents that share a name", () => {
    expect(exactCodeMatch("Other", codebook)).toBeNull();
  });

  it("finds nothing for an empty query", () => {
    expect(exactCodeMatch("", codebook)).toBeNull();
    expect(exactCodeMatch(" > ", codebook)).toBeNull();
  });
});

describe("reading a code path typed in the picker", () => {
  it("splits levels at '>' and trims each", () => {
    expect(parseCodePathInput("Safety > Risk")).toEqual(["Safety", "Risk"]);
    expect(parseCodePathInput("  Funding>Short-term  grants ")).toEqual([
      "Funding",
      "Short-term grants",
    ]);
  });

  it("drops empty levels", () => {
    expect(parseCodePathInput(">Safety >> Risk >")).toEqual(["Safety", "Risk"]);
    expect(parseCodePathInput("   ")).toEqual([]);
    expect(parseCodePathInput("")).toEqual([]);
  });
});
