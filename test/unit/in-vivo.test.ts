import { describe, expect, it } from "vitest";
import { IN_VIVO_MAX_LENGTH, inVivoName } from "../../shared/codes/in-vivo.ts";
import { parseCodePathInput } from "../../shared/codes/fuzzy.ts";

describe("the respondent's own words become a code's name", () => {
  it("keeps a phrase as it was written", () => {
    expect(inVivoName("never felt safe")).toBe("never felt safe");
    expect(inVivoName("don't call the police")).toBe("don't call the police");
  });

  it("collapses spaces and line breaks of a selection over several lines", () => {
    expect(inVivoName("  nobody\r\ncame   to\n\nhelp \t")).toBe("nobody came to help");
    expect(inVivoName("one\rtwo")).toBe("one two");
  });

  it("drops the quotes and punctuation a selection picked up around the words", () => {
    expect(inVivoName('"we were never safe,"')).toBe("we were never safe");
    expect(inVivoName("“The police didn’t come.”")).toBe("The police didn’t come");
    expect(inVivoName("«Je n'avais personne»")).toBe("Je n'avais personne");
    expect(inVivoName("'waiting lists'...")).toBe("waiting lists");
    expect(inVivoName("— too little, too late!")).toBe("too little, too late");
  });

  it("drops brackets around the whole phrase but keeps brackets inside it", () => {
    expect(inVivoName("(as always)")).toBe("as always");
    expect(inVivoName("(not) enough money")).toBe("(not) enough money");
    expect(inVivoName("enough money (really)")).toBe("enough money (really)");
    expect(inVivoName("(money) and (time)")).toBe("(money) and (time)");
    expect(inVivoName("cut (twice")).toBe("cut (twice");
    expect(inVivoName("cut twice)")).toBe("cut twice");
  });

  it("keeps signs that carry meaning", () => {
    expect(inVivoName("50%")).toBe("50%");
    expect(inVivoName("#metoo")).toBe("#metoo");
    expect(inVivoName("@council")).toBe("@council");
  });

  it("replaces '>', which would split the name into levels", () => {
    const name = inVivoName("rent > wages");
    expect(name).toBe("rent › wages");
    expect(parseCodePathInput(name ?? "")).toEqual(["rent › wages"]);
    expect(inVivoName("> quoted from an email")).toBe("quoted from an email");
  });

  it("keeps emoji, accents and right-to-left words", () => {
    expect(inVivoName("great 👍🏽")).toBe("great 👍🏽");
    expect(inVivoName("👨‍👩‍👧 first")).toBe("👨‍👩‍👧 first");
    expect(inVivoName("cafe\u0301 au lait")).toBe("cafe\u0301 au lait");
    expect(inVivoName("الأمان مهم.")).toBe("الأمان مهم");
    expect(inVivoName("\u200fשלום עולם\u200f")).toBe("שלום עולם");
  });

  it("cuts a long selection at a word and marks the cut", () => {
    const selected =
      "I waited three months for an appointment and nobody ever called me back about it";
    const name = inVivoName(selected);
    expect(name).toBe("I waited three months for an appointment and nobody ever…");
    expect(name?.length).toBeLessThanOrEqual(IN_VIVO_MAX_LENGTH);
  });

  it("does not leave punctuation before the ellipsis", () => {
    const name = inVivoName(
      "They said: wait, wait, wait, wait, wait, wait, wait, wait, wait, wait, wait",
    );
    expect(name).toBe("They said: wait, wait, wait, wait, wait, wait, wait, wait…");
  });

  it("cuts one very long word by characters", () => {
    const compound =
      "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung ist teuer";
    expect(inVivoName(compound)).toBe(
      "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenvers…",
    );
  });

  it("never cuts inside an emoji", () => {
    expect(inVivoName("👍🏽".repeat(20))).toBe("👍🏽".repeat(14) + "…");
  });

  it("keeps a selection of exactly the maximum length whole", () => {
    const words = "word ".repeat(12).trim();
    expect(words.length).toBe(59);
    expect(inVivoName(words + "s")).toBe(words + "s");
  });

  it("gives no name when nothing but spaces or punctuation was selected", () => {
    expect(inVivoName("")).toBeNull();
    expect(inVivoName(" \r\n\t ")).toBeNull();
    expect(inVivoName('"..."')).toBeNull();
    expect(inVivoName("()")).toBeNull();
    expect(inVivoName("\u200b")).toBeNull();
  });
});
