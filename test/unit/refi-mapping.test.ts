/** The pure parts of the REFI-QDA mapping: names, merges, memos, the fallback coder. */
import { describe, expect, it } from "vitest";
import { programCoderName } from "../../electron/core/refi/import/coders.ts";
import { descriptionFields, repairCodeName } from "../../electron/core/refi/import/codes.ts";
import { respondentMemos } from "../../electron/core/refi/import/memos.ts";
import { UniqueNames } from "../../electron/core/refi/import/names.ts";
import { mergeTouching, type PlannedSegment } from "../../electron/core/refi/import/segments.ts";

function segment(start: number, end: number, memo = "", createdAt = "2026-01-02"): PlannedSegment {
  return { answer: 0, code: 0, coder: "Aoife", start, end, memo, createdAt };
}

describe("code names from other programs", () => {
  it("keep a valid name, collapse spaces, and repair what Cairn cannot hold", () => {
    expect(repairCodeName("Safety")).toBe("Safety");
    expect(repairCodeName("  At \t night ")).toBe("At night");
    expect(repairCodeName("Trust > Doctors")).toBe("Trust › Doctors");
    expect(repairCodeName("   ")).toBe("Unnamed code");
    expect(repairCodeName("x".repeat(250))).toHaveLength(200);
    expect(repairCodeName("half \ud83d")).toBe("half \ufffd");
  });

  it("number a taken name, as Cairn compares them (case and spacing aside)", () => {
    const names = new UniqueNames((name) => name.toLowerCase());
    expect(names.take("GP")).toEqual({ name: "GP", renamed: false });
    expect(names.take("gp")).toEqual({ name: "gp (2)", renamed: true });
    expect(names.take("Gp")).toEqual({ name: "Gp (3)", renamed: true });
    expect(names.take("GP (2)")).toEqual({ name: "GP (2) (2)", renamed: true });
  });

  it("number 50,000 twins in a blink (a file may name every source the same)", () => {
    const names = new UniqueNames();
    const started = performance.now();
    let last = "";
    for (let i = 0; i < 50_000; i++) last = names.take("Interview").name;
    expect(last).toBe("Interview (50000)");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("split Cairn's labelled description back into the codebook entry", () => {
    expect(descriptionFields("Safe\r\n\r\nWhen to use: risk\r\n\r\nExample: dark")).toEqual({
      description: "Safe",
      whenToUse: "risk",
      whenNotToUse: "",
      example: "dark",
    });
    expect(descriptionFields(null)).toBeNull();
  });
});

describe("one coder's codings of one code on one text", () => {
  it("merge when they overlap or touch, keeping memos and the earliest date", () => {
    expect(
      mergeTouching([
        segment(10, 20, "b", "2026-01-03"),
        segment(0, 5, "a"),
        segment(5, 8, "", "2026-01-01"),
        segment(19, 25, "b"),
        segment(30, 31),
      ]),
    ).toEqual([
      segment(0, 8, "a", "2026-01-01"),
      segment(10, 25, "b", "2026-01-02"),
      segment(30, 31),
    ]);
  });
});

describe("a case's description as respondent memos", () => {
  it("gives each coder's paragraphs back to that coder, the rest to the fallback", () => {
    expect(
      respondentMemos(
        "Note first\n\naoife: call back\n\nstill Aoife\n\nBen: fine",
        ["Aoife", "Ben"],
        "Cairn",
      ),
    ).toEqual([
      { coder: "Cairn", text: "Note first", createdAt: null },
      { coder: "Aoife", text: "call back\n\nstill Aoife", createdAt: null },
      { coder: "Ben", text: "fine", createdAt: null },
    ]);
  });
});

describe("the coder of codings without a known user", () => {
  it("is named after the program that wrote the file", () => {
    expect(programCoderName("NVivo for Windows 12.6")).toBe("NVivo");
    expect(programCoderName("ATLAS.ti for Windows 23.2.3.27778")).toBe("ATLAS.ti");
    expect(programCoderName("MAXQDA 2022")).toBe("MAXQDA");
    expect(programCoderName("QualCoder 3.5")).toBe("QualCoder");
    expect(programCoderName("MastodonMoodBoard")).toBe("imported");
    expect(programCoderName(null)).toBe("imported");
  });
});
