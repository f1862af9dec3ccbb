/**
 * The real REFI-QDA files of ../shared/refi/samples, read in place (the ATLAS.ti ones
 * may not be copied). The NVivo sample's text is sensitive: nothing here prints it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readQdc, readQdpx } from "../../electron/core/refi/read/refi-read.ts";
import type { RefiCode } from "../../electron/core/refi/model.ts";
import { detectReading, isWordBoundary } from "../../shared/refi/position-detect.ts";
import { ALL_READINGS, offsetOfPosition, positionOffsets } from "../../shared/refi/positions.ts";

const SAMPLES = join(import.meta.dirname, "../../../shared/refi/samples");
const available = existsSync(SAMPLES);
if (!available) {
  console.warn(
    `skipping the REFI-QDA sample tests: ${SAMPLES} is not there (see ../shared/README.md)`,
  );
}
const sample = (name: string) => join(SAMPLES, name);

function countCodes(codes: readonly RefiCode[]): number {
  return codes.reduce((sum, code) => sum + 1 + countCodes(code.children), 0);
}

describe.skipIf(!available)("the NVivo 12.6 sample (Hungarian comments, emoji, CRLF)", () => {
  let read: ReturnType<typeof readQdpx> | null = null;
  const nvivo = () => (read ??= readQdpx(sample("nvivo_win_oltas0517_hu_vaccine_comments.qdpx")));

  it("reads 2 text sources with their text, 152 codes, 303 selections and 2 users", async () => {
    const project = await nvivo();
    expect(project.origin).toBe("NVivo for Windows 12.6");
    expect(project.users.map((user) => user.name)).toEqual(["Gergo", "floriansipos"]);
    expect(countCodes(project.codes)).toBe(152);
    expect(project.sources).toHaveLength(2);
    for (const source of project.sources) {
      expect(source.textProblem).toBeNull();
      expect(source.text?.length).toBeGreaterThan(500_000);
      // The .txt starts with a BOM that NVivo does not count.
      expect(source.text?.charCodeAt(0)).not.toBe(0xfeff);
      expect(source.text?.includes("\r\n")).toBe(true); // never the text itself in a failure
    }
    const selections = project.sources.flatMap((source) => source.selections);
    expect(selections).toHaveLength(303);
    expect(selections.every((selection) => selection.codings.length === 1)).toBe(true);
    expect(project.warnings).toEqual([]);
  });

  it("detects NVivo's UTF-16 code units, CRLF as two, far ahead of every other reading", async () => {
    const project = await nvivo();
    const inputs = project.sources.map((source) => ({
      text: source.text ?? "",
      selections: source.selections,
    }));
    const detected = detectReading(inputs);
    expect(detected.reading).toEqual({ unit: "utf16", crlf: 2 });
    expect(detected.selections).toBe(303);
    // 300 of 303 land exactly on word boundaries; the other three are the coders' own
    // overshoots by one to three letters (their neighbours, which share their offsets,
    // land exactly, so nothing drifts). Every other reading lands fewer than 50.
    expect(detected.onWordBoundaries).toBe(300);
    expect(detected.explanation).toBe(
      "UTF-16 code units, CRLF counted as 2 (as NVivo writes them): " +
        "300 of 303 selections start and end on word boundaries",
    );
    for (const reading of ALL_READINGS.filter((r) => r !== detected.reading)) {
      const alone = inputs.reduce((sum, input) => {
        const offsets = positionOffsets(input.text, reading);
        return (
          sum +
          input.selections.filter((s) => {
            const a = offsetOfPosition(offsets, s.start);
            const b = offsetOfPosition(offsets, s.end);
            return (
              a !== null &&
              b !== null &&
              isWordBoundary(input.text, a) &&
              isWordBoundary(input.text, b)
            );
          }).length
        );
      }, 0);
      expect(alone).toBeLessThan(50);
    }
  });

  it("puts every selection's edges within three characters of a word boundary", async () => {
    const project = await nvivo();
    for (const source of project.sources) {
      const text = source.text ?? "";
      const offsets = positionOffsets(text, { unit: "utf16", crlf: 2 });
      const near = (offset: number) =>
        [0, -1, 1, -2, 2, -3, 3].some((delta) => isWordBoundary(text, offset + delta));
      for (const selection of source.selections) {
        const start = offsetOfPosition(offsets, selection.start);
        const end = offsetOfPosition(offsets, selection.end);
        expect(start !== null && end !== null && start < end).toBe(true);
        expect(near(start ?? 0) && near(end ?? 0)).toBe(true);
      }
    }
  });
});

describe.skipIf(!available)("the ATLAS.ti 23 samples", () => {
  it("reads the blank project: two users and nothing else", async () => {
    const project = await readQdpx(sample("atlasti23_win_blank-atlas-project.qdpx"));
    expect(project.name).toBe("blank-atlas-project");
    expect(project.origin).toBe("ATLAS.ti for Windows 23.2.3.27778");
    expect(project.users).toEqual([
      { guid: "088B08AC-D5CD-4ADB-8B71-B4F3459C177F", name: "Enric Llagostera" },
      { guid: "C32A2BD5-537F-4838-8B17-DF9EFBAFDF4B", name: "ATLAS.ti" },
    ]);
    expect(project.codes).toEqual([]);
    expect(project.sources).toEqual([]);
    expect(project.warnings).toEqual([]);
  });

  it("reads nested codes without colours, their GUIDs kept as written (upper case)", async () => {
    const project = await readQdpx(sample("atlasti23_win_target-atlas-project.qdpx"));
    const [commits] = project.codes;
    expect(project.codes).toHaveLength(1);
    expect(commits?.name).toBe("Commits");
    expect(commits?.guid).toBe("A182CD3A-D83C-4D8C-BC80-26D9103EC6D6");
    expect(commits?.color).toBeNull();
    expect(commits?.children.map((code) => [code.name, code.color, code.isCodable])).toEqual([
      ["2022-05-10T02:05:59Z 19e4dce", null, true],
      ["2022-02-11T10:39:25Z cdbfd92", null, true],
    ]);
    expect(project.warnings).toEqual([]);
  });

  it("reads the 23.4 codebook whose schemaLocation names the old 0:4 draft", async () => {
    const codebook = await readQdc(sample("atlasti23_win_codebook_from_requal_test.qdc"));
    expect(codebook.origin).toBe("ATLAS.ti Win 23.4.0");
    expect(codebook.codes).toEqual([
      {
        guid: "1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294",
        name: "code1",
        isCodable: true,
        color: "#46aa00",
        description: "description",
        noteGuids: [],
        children: [],
      },
    ]);
    expect(codebook.sets).toEqual([
      {
        guid: "ECA18D76-2B8B-4F26-BC1D-19ECA19FB3F0",
        name: "code group 1",
        description: "kategorie 1",
        memberCodeGuids: ["1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294"],
        memberSourceGuids: [],
      },
    ]);
    expect(codebook.warnings).toEqual([]);
  });
});

describe.skipIf(!available)("the openqda codebook that breaks the schema", () => {
  it("reads leniently: 4 groups of 44 codes, descriptions without their indentation, one warning", async () => {
    const codebook = await readQdc(sample("openqda_example_MastodonMoodBoard_NONCONFORMANT.qdc"));
    expect(codebook.origin).toBe("MastodonMoodBoard");
    expect(codebook.codes.map((code) => code.name)).toEqual([
      "Negativ/Aufgeregt",
      "Negativ/Ruhig",
      "Positiv/Aufgeregt",
      "Positiv/Ruhig",
    ]);
    expect(countCodes(codebook.codes)).toBe(44);
    expect(codebook.codes[0]?.guid).toBe("c001");
    expect(codebook.codes[0]?.color).toBe("#e57373");
    expect(codebook.codes[0]?.description).toBe(
      "All emotions with negative valence and positive arousal.",
    );
    expect(codebook.warnings).toEqual([
      "44 ids are not GUIDs as the standard requires (c001, c21, c20, …); read anyway",
    ]);
  });
});
