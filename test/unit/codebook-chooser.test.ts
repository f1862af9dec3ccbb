import { describe, expect, it } from "vitest";
import {
  chooserCodes,
  chooserOptions,
  type ChooserOption,
} from "../../renderer/src/components/common/code-choices.ts";
import type { CodeId, CodeNode } from "../../shared/domain.ts";

function node(id: number, path: string[], children: CodeNode[] = []): CodeNode {
  return {
    id: id as CodeId,
    name: path[path.length - 1]!,
    path,
    color: "#123456",
    description: "",
    whenToUse: "",
    whenNotToUse: "",
    example: "",
    children,
  };
}

const tree = [node(1, ["Safety"], [node(2, ["Safety", "Risk assessment"])]), node(3, ["Réseau"])];

/** What a user reads in the list: the path, or the special entries. */
function shown(options: readonly ChooserOption[]): string[] {
  return options.map((o) =>
    o.kind === "code"
      ? o.code.path.join(" > ")
      : o.kind === "create"
        ? `create ${o.path.join(" > ")}`
        : "top",
  );
}

describe("the code chooser", () => {
  it("lists codes and categories in tree order, a category marked as one", () => {
    const codes = chooserCodes(tree);
    expect(codes.map((c) => [c.path.join(" > "), c.depth, c.isCategory])).toEqual([
      ["Safety", 0, true],
      ["Safety > Risk assessment", 1, false],
      ["Réseau", 0, false],
    ]);
    expect(shown(chooserOptions("", codes))).toEqual([
      "Safety",
      "Safety > Risk assessment",
      "Réseau",
    ]);
  });

  it("finds a code by letters of its path, whatever the case and accents", () => {
    const codes = chooserCodes(tree);
    expect(shown(chooserOptions("safety risk", codes))).toEqual(["Safety > Risk assessment"]);
    expect(shown(chooserOptions("RESEAU", codes))).toEqual(["Réseau"]);
  });

  it("leaves out a code's own branch, for a merge or a move", () => {
    const codes = chooserCodes(tree, new Set([1 as CodeId, 2 as CodeId]));
    expect(shown(chooserOptions("", codes, { topLevel: true }))).toEqual(["top", "Réseau"]);
    // Typing narrows the codes; "Top level" is for browsing only.
    expect(shown(chooserOptions("re", codes, { topLevel: true }))).toEqual(["Réseau"]);
  });

  it("offers to create a typed path that no code has, and not one that exists", () => {
    const codes = chooserCodes(tree);
    expect(shown(chooserOptions("Safety > Police", codes, { create: true })).at(-1)).toBe(
      "create Safety > Police",
    );
    expect(shown(chooserOptions("safety > risk assessment", codes, { create: true }))).toEqual([
      "Safety > Risk assessment",
    ]);
    expect(shown(chooserOptions("Police", codes))).toEqual([]);
  });

  it("puts the codes a few typed letters match before the offer to create them", () => {
    const codes = chooserCodes(tree);
    const options = shown(chooserOptions("risk", codes, { create: true }));
    expect(options[0]).toBe("Safety > Risk assessment");
    expect(options.at(-1)).toBe("create risk");
  });
});
