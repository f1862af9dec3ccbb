import { describe, expect, it } from "vitest";
import {
  countLabel,
  filterChips,
  sortLabel,
  statusName,
  type Names,
} from "../../renderer/src/grid/describe.ts";

const names: Names = {
  codePath: (id) => (id === 4 ? "Safety > Risk assessment" : undefined),
  coderName: (id) => (id === 2 ? "Bob" : undefined),
};

const labels = (chips: { label: string }[]) => chips.map((chip) => chip.label);

describe("the chips of the active filters", () => {
  it("names each active part of the filter in words", () => {
    const chips = filterChips(
      "question",
      {
        text: "court",
        statuses: ["empty", "non_response"],
        attributes: [
          { name: "Country", values: ["Ireland", "Malta"] },
          { name: "Staff", values: ["12"] },
        ],
        coded: { codeId: 4, present: true, coderId: 2 },
      },
      names,
    );
    expect(labels(chips)).toEqual([
      "Contains “court”",
      "Only blank, non-response",
      "Country: Ireland, Malta",
      "Staff: 12",
      "Has Safety > Risk assessment (Bob)",
    ]);
    expect(chips.map((chip) => chip.key)).toEqual([
      "text",
      "statuses",
      "attribute:Country",
      "attribute:Staff",
      "coded",
    ]);
  });

  it("says 'blanks and non-responses hidden' for the one-click filter", () => {
    expect(labels(filterChips("question", { statuses: ["answered"] }, names))).toEqual([
      "Blanks and non-responses hidden",
    ]);
  });

  it("describes coding filters without a code, and codes or coders since removed", () => {
    const chip = (coded: { codeId?: number; present: boolean; coderId?: number }) =>
      labels(filterChips("question", { coded }, names));
    expect(chip({ present: true })).toEqual(["Has any code"]);
    expect(chip({ present: false })).toEqual(["Not coded yet"]);
    expect(chip({ codeId: 99, present: false })).toEqual(["Lacks a removed code"]);
    expect(chip({ present: true, coderId: 9 })).toEqual(["Has any code (unknown coder)"]);
  });

  it("removes one part with its chip and keeps the rest", () => {
    const filter = { text: "court", attributes: [{ name: "Country", values: ["Ireland"] }] };
    const [text, country] = filterChips("question", filter, names);
    expect(text?.without).toEqual({ text: undefined, attributes: filter.attributes });
    expect(country?.without).toEqual({ text: "court", attributes: undefined });
  });

  it("shows no chip for a blank search, nor for attributes in one respondent's view", () => {
    expect(filterChips("question", { text: "  " }, names)).toEqual([]);
    const filter = { attributes: [{ name: "Country", values: ["Ireland"] }] };
    expect(filterChips("respondent", filter, names)).toEqual([]);
  });
});

describe("the count line and the sort's label", () => {
  it("counts the answers, out of all of them when filtered", () => {
    expect(countLabel(120, null, false)).toBe("120 answers");
    expect(countLabel(1, null, false)).toBe("1 answer");
    expect(countLabel(37, 100_000, true)).toBe("Showing 37 of 100,000 answers");
    // The total before filtering is not known yet: the plain count.
    expect(countLabel(37, null, true)).toBe("37 answers");
  });

  it("names the sort, the attribute's own name when sorting by one", () => {
    expect(sortLabel({ by: "respondent", descending: false })).toBe("Respondent");
    expect(sortLabel({ by: "attribute", attribute: "Country", descending: false })).toBe("Country");
    expect(sortLabel({ by: "attribute", descending: false })).toBe("Attribute");
    expect(sortLabel({ by: "length", descending: true })).toBe("Answer length");
    expect(sortLabel({ by: "status", descending: false })).toBe("Status");
    expect(sortLabel({ by: "codes", descending: false })).toBe("Number of codes");
  });

  it("calls a blank cell blank", () => {
    expect(statusName("empty")).toBe("blank");
    expect(statusName("non_response")).toBe("non-response");
    expect(statusName("answered")).toBe("answered");
  });
});
