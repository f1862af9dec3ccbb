/**
 * A project of 25,000 answers, as Cairn's own export writes one (a text file per source
 * in sources/, a selection with a coding on each), reads in about a second. yauzl's own
 * file reader (two reads and a stream per entry) took 300 µs a source: 7 s here. The
 * 100,000-answer figures are bench:export's.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readQdpx } from "../../electron/core/refi/read/refi-read.ts";
import { rawZip, type RawEntry } from "../helpers/raw-zip.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const SOURCES = 25_000;

function guid(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, "0")}-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

function bigProject(): string {
  const code = guid(9, 0);
  const parts = [
    `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="big">`,
    `<CodeBook><Codes><Code guid="${code}" name="Waiting" isCodable="true"/></Codes></CodeBook><Sources>`,
  ];
  const entries: RawEntry[] = [];
  for (let n = 0; n < SOURCES; n++) {
    const source = guid(1, n);
    parts.push(
      `<TextSource guid="${source}" name="R${n}" plainTextPath="internal://${source}.txt">` +
        `<PlainTextSelection guid="${guid(2, n)}" startPosition="0" endPosition="6">` +
        `<Coding guid="${guid(3, n)}"><CodeRef targetGUID="${code}"/></Coding>` +
        `</PlainTextSelection></TextSource>`,
    );
    entries.push({ name: `sources/${source}.txt`, data: `Answer ${n}: the wait was long.` });
  }
  parts.push("</Sources></Project>");
  const path = join(tempDir(), "big.qdpx");
  writeFileSync(
    path,
    rawZip([{ name: "project.qde", data: parts.join(""), method: 8 }, ...entries]),
  );
  return path;
}

describe("a .qdpx of 25,000 answers", () => {
  it("reads every source with its text and coding in a second or so", async () => {
    const path = bigProject();
    const started = performance.now();
    const project = await readQdpx(path);
    const seconds = (performance.now() - started) / 1000;
    expect(project.sources).toHaveLength(SOURCES);
    expect(project.sources[SOURCES - 1]?.text).toBe(`Answer ${SOURCES - 1}: the wait was long.`);
    expect(project.sources.every((source) => source.selections[0]?.codings.length === 1)).toBe(
      true,
    );
    expect(project.warnings).toEqual([]);
    expect(seconds).toBeLessThan(5);
  });
});
