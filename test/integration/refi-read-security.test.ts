/**
 * Hostile and broken .qdpx and .qdc files: each is refused with one CairnError that says
 * what is wrong, before anything is unpacked or any entity is resolved, and nothing
 * outside the file is ever read.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CairnError } from "../../shared/api/errors.ts";
import { readQdc, readQdpx } from "../../electron/core/refi/read/refi-read.ts";
import { checkEntryCount } from "../../electron/core/refi/read/zip-safety.ts";
import { rawZip, type RawEntry } from "../helpers/raw-zip.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const GIB = 1024 ** 3;
const MIB = 1024 ** 2;
const PROJECT = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Description>fine</Description></Project>`;

function qdpx(entries: readonly RawEntry[], name = "hostile.qdpx"): string {
  const path = join(tempDir(), name);
  writeFileSync(path, rawZip(entries));
  return path;
}

/** The error a read fails with, which must be a CairnError. */
async function refusal(reading: Promise<unknown>): Promise<CairnError> {
  const error = await reading.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(CairnError);
  return error as CairnError;
}

describe("a .qdpx whose entries would land outside its folder", () => {
  it.each([
    ["../evil.txt", 'its entry "../evil.txt" climbs out with ".."'],
    ["sources/../../evil.txt", 'its entry "sources/../../evil.txt" climbs out with ".."'],
    ["/etc/evil", 'its entry "/etc/evil" is an absolute path'],
    ["\\evil.txt", 'its entry "\\evil.txt" is an absolute path'],
    ["C:/Windows/evil.txt", 'its entry "C:/Windows/evil.txt" names a drive'],
    ["c:evil.txt", 'its entry "c:evil.txt" names a drive'],
  ])("is refused for the entry %s", async (name, problem) => {
    const error = await refusal(
      readQdpx(
        qdpx([
          { name: "project.qde", data: PROJECT },
          { name, data: "x" },
        ]),
      ),
    );
    expect(error.code).toBe("bad_input");
    expect(error.message).toBe(
      `hostile.qdpx was refused: ${problem}, which could write outside the file`,
    );
  });
});

describe("a .qdpx that would unpack to more than Cairn reads (a zip bomb)", () => {
  it("is refused before unpacking when one entry declares 3 GiB", async () => {
    const error = await refusal(
      readQdpx(
        qdpx([
          { name: "project.qde", data: PROJECT },
          { name: "sources/big.txt", data: "a".repeat(1000), method: 8, declaredSize: 3 * GIB },
        ]),
      ),
    );
    expect(error.code).toBe("bad_input");
    expect(error.message).toBe(
      'hostile.qdpx was refused: its entry "sources/big.txt" would unpack to 3.0 GiB, ' +
        "more than the 1 GiB limit",
    );
  });

  it("is refused when an entry would unpack far more than deflate can pack", async () => {
    const error = await refusal(
      readQdpx(
        qdpx([
          { name: "project.qde", data: PROJECT },
          { name: "sources/zeros.txt", data: "0".repeat(4096), method: 8, declaredSize: 900 * MIB },
        ]),
      ),
    );
    expect(error.message).toMatch(
      /^hostile\.qdpx was refused: its entry "sources\/zeros\.txt" would unpack \d+ times its packed size, as a zip bomb does$/,
    );
  });

  it("is refused when its entries together would unpack to more than 2 GiB", async () => {
    const noise = randomBytes(MIB);
    const entries: RawEntry[] = [0, 1, 2].map((n) => ({
      name: `sources/${n}.bin`,
      data: noise,
      method: 8,
      declaredSize: 900 * MIB,
      prepacked: true,
    }));
    const error = await refusal(
      readQdpx(qdpx([{ name: "project.qde", data: PROJECT }, ...entries])),
    );
    expect(error.message).toBe(
      "hostile.qdpx was refused: its files would unpack to more than the 2 GiB limit",
    );
  });

  it("stops unpacking an entry that inflates past the size it declares", async () => {
    const error = await refusal(
      readQdpx(qdpx([{ name: "project.qde", data: PROJECT, method: 8, declaredSize: 20 }])),
    );
    expect(error.code).toBe("bad_input");
    expect(error.message).toMatch(
      /^hostile\.qdpx is not a readable \.qdpx \(zip\) file \(in "project\.qde"\): too many bytes in the stream/,
    );
  });

  it("stops at once when a source text inflates past the size it declares", async () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Sources>
<TextSource guid="00000000-0000-0000-0000-000000000001" plainTextPath="internal://a.txt"/></Sources></Project>`;
    const error = await refusal(
      readQdpx(
        qdpx([
          { name: "project.qde", data: qde },
          { name: "sources/a.txt", data: "word ".repeat(10_000), method: 8, declaredSize: 100 },
        ]),
      ),
    );
    expect(error.message).toBe(
      'hostile.qdpx is not a readable .qdpx (zip) file (in "sources/a.txt"): too many bytes in the stream',
    );
  });

  it("refuses more than 200,000 entries", () => {
    expect(() => checkEntryCount("many.qdpx", 200_001)).toThrow(
      new CairnError(
        "bad_input",
        "many.qdpx holds 200,001 files, more than the 200,000 Cairn reads from a .qdpx",
      ),
    );
  });
});

describe("XML entities, which Cairn never resolves", () => {
  function secretFile(): string {
    const path = join(tempDir(), "secret.txt");
    writeFileSync(path, "TOP-SECRET-CONTENT");
    return path;
  }

  it("refuses a project that declares an external (SYSTEM) entity, and never shows its file", async () => {
    const secret = secretFile();
    const qde = `<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file://${secret}">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Description>&xxe;</Description></Project>`;
    const error = await refusal(readQdpx(qdpx([{ name: "project.qde", data: qde }])));
    expect(error.code).toBe("bad_input");
    expect(error.message).toBe(
      "hostile.qdpx (project.qde) declares XML entities, which Cairn never reads " +
        "(they can pull in other files)",
    );
    expect(error.message).not.toContain("TOP-SECRET");
  });

  it("refuses the billion laughs (entities inside entities) at once", async () => {
    const laughs = Array.from(
      { length: 9 },
      (_, n) => `<!ENTITY lol${n + 1} "${`&lol${n};`.repeat(10)}">`,
    ).join("");
    const qdc = `<?xml version="1.0"?>
<!DOCTYPE CodeBook [<!ENTITY lol0 "lol">${laughs}]>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&lol9;" isCodable="true"/></Codes></CodeBook>`;
    const path = join(tempDir(), "laughs.qdc");
    writeFileSync(path, qdc);
    const started = performance.now();
    const error = await refusal(readQdc(path));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.message).toBe(
      "laughs.qdc declares XML entities, which Cairn never reads (they can pull in other files)",
    );
  });

  it("never fetches an external DTD: an entity it would define stays unknown", async () => {
    const secret = secretFile();
    const dtd = join(tempDir(), "evil.dtd");
    writeFileSync(dtd, `<!ENTITY xxe SYSTEM "file://${secret}">`);
    const qdc = `<?xml version="1.0"?>
<!DOCTYPE CodeBook SYSTEM "file://${dtd}">
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="x" name="&xxe;" isCodable="true"/></Codes></CodeBook>`;
    const path = join(tempDir(), "external.qdc");
    writeFileSync(path, qdc);
    const error = await refusal(readQdc(path));
    expect(error.code).toBe("bad_input");
    expect(error.message).toMatch(
      /^external\.qdc uses an XML entity Cairn does not know \(.*undefined entity\); Cairn never reads entities other than the five XML defines$/,
    );
    expect(error.message).not.toContain("TOP-SECRET");
  });

  it("reads the five predefined entities and character references", async () => {
    const qdc = `<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
<Code guid="x" name="a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#233;&#x1F600;" isCodable="true"/>
</Codes></CodeBook>`;
    const path = join(tempDir(), "fine.qdc");
    writeFileSync(path, qdc);
    const codebook = await readQdc(path);
    expect(codebook.codes[0]?.name).toBe(`a & b <c> "d" 'e' é😀`);
  });
});

describe("a .qdpx that is not one", () => {
  it("refuses two project files at the root", async () => {
    const error = await refusal(
      readQdpx(
        qdpx([
          { name: "project.qde", data: PROJECT },
          { name: "Other.QDE", data: PROJECT },
        ]),
      ),
    );
    expect(error.message).toBe(
      "hostile.qdpx holds 2 project files (project.qde, Other.QDE) where a .qdpx has one",
    );
  });

  it("refuses a zip without a project file at its root", async () => {
    const error = await refusal(
      readQdpx(
        qdpx([
          { name: "folder/project.qde", data: PROJECT },
          { name: "a.txt", data: "x" },
        ]),
      ),
    );
    expect(error.message).toBe(
      "hostile.qdpx holds no project file (*.qde) at its root, so it is not a REFI-QDA project",
    );
  });

  it("refuses a file that is not a zip", async () => {
    const path = join(tempDir(), "text.qdpx");
    writeFileSync(path, "just some text, not a zip at all");
    const error = await refusal(readQdpx(path));
    expect(error.code).toBe("bad_input");
    expect(error.message).toMatch(/^text\.qdpx is not a readable \.qdpx \(zip\) file: /);
  });

  it("refuses a truncated zip", async () => {
    const whole = rawZip([
      { name: "project.qde", data: PROJECT },
      { name: "sources/a.txt", data: "text ".repeat(100) },
    ]);
    for (const cut of [whole.length - 10, Math.floor(whole.length / 2), 30]) {
      const path = join(tempDir(), "cut.qdpx");
      writeFileSync(path, whole.subarray(0, cut));
      const error = await refusal(readQdpx(path));
      expect(error.code).toBe("bad_input");
      expect(error.message).toMatch(/^cut\.qdpx is not a readable \.qdpx \(zip\) file/);
    }
  });

  it("refuses a project file that is not well-formed XML, naming it", async () => {
    const error = await refusal(
      readQdpx(qdpx([{ name: "project.qde", data: "<Project name='t'><Users>" }])),
    );
    expect(error.message).toMatch(/^hostile\.qdpx \(project\.qde\) is not well-formed XML: /);
  });

  it("refuses elements nested 100,000 deep at once, instead of parsing for minutes", async () => {
    const depth = 100_000;
    const nested = "<Code>".repeat(depth) + "</Code>".repeat(depth);
    const data = `<Project xmlns="urn:QDA-XML:project:1.0"><CodeBook><Codes>${nested}</Codes></CodeBook></Project>`;
    const started = performance.now();
    const error = await refusal(readQdpx(qdpx([{ name: "project.qde", data, method: 8 }])));
    expect(error.message).toBe(
      "hostile.qdpx (project.qde) nests its XML more than 256 elements deep, which no " +
        "REFI-QDA program writes; Cairn reads no deeper",
    );
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it("refuses XML that is not a REFI-QDA project", async () => {
    const error = await refusal(readQdpx(qdpx([{ name: "project.qde", data: "<html/>" }])));
    expect(error.message).toBe(
      "hostile.qdpx is not a REFI-QDA project: its XML starts with <html>, not <Project>",
    );
  });

  it("says a missing file is not found", async () => {
    const error = await refusal(readQdpx(join(tempDir(), "nowhere.qdpx")));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("nowhere.qdpx was not found");
    expect((await refusal(readQdc(join(tempDir(), "nowhere.qdc")))).code).toBe("not_found");
  });

  it("refuses a .qdc that is a zip, or not XML", async () => {
    const zipped = join(tempDir(), "zipped.qdc");
    writeFileSync(zipped, rawZip([{ name: "x.qdc", data: "<CodeBook/>" }]));
    expect((await refusal(readQdc(zipped))).message).toBe(
      "zipped.qdc is a zip file, but a .qdc is XML (a zipped project is a .qdpx)",
    );
    const garbage = join(tempDir(), "garbage.qdc");
    writeFileSync(garbage, "name,colour\nA,#fff\n");
    expect((await refusal(readQdc(garbage))).message).toMatch(
      /^garbage\.qdc is not well-formed XML: /,
    );
  });
});

describe("source texts outside the .qdpx", () => {
  it("are never read: relative, absolute and climbing paths leave the source without text", async () => {
    const secret = join(tempDir(), "secret.txt");
    writeFileSync(secret, "TOP-SECRET-CONTENT");
    const sources = [
      `<TextSource guid="00000000-0000-0000-0000-000000000001" plainTextPath="relative://secret.txt"/>`,
      `<TextSource guid="00000000-0000-0000-0000-000000000002" plainTextPath="${secret}"/>`,
      `<TextSource guid="00000000-0000-0000-0000-000000000003" plainTextPath="internal://../secret.txt"/>`,
    ].join("");
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="t"><Sources>${sources}</Sources></Project>`;
    const project = await readQdpx(qdpx([{ name: "project.qde", data: qde }], "outside.qdpx"));
    expect(project.sources.map((source) => source.text)).toEqual([null, null, null]);
    expect(project.sources.map((source) => source.textProblem)).toEqual([
      "its text is kept outside the .qdpx (relative://secret.txt)",
      `its text is kept outside the .qdpx (${secret})`,
      "sources/../secret.txt is not in the file",
    ]);
    expect(project.warnings).toEqual([
      "2 sources keep their text outside the .qdpx and were left out",
      "1 source names a text file the .qdpx does not hold (sources/../secret.txt)",
    ]);
    expect(JSON.stringify(project)).not.toContain("TOP-SECRET");
  });
});
