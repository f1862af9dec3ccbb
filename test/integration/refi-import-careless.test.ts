/**
 * Files that break the standard's rules, imported whole (zip, XML, mapping): each one
 * ends in a correct project with its bends said once, or in one clear refusal that
 * leaves the new project empty. Never a crash, never a passage on the wrong text.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Db } from "../../electron/core/db/project-file.ts";
import { importRefiProject } from "../../electron/core/refi/import/refi-import-service.ts";
import { CairnError } from "../../shared/api/errors.ts";
import { newSession, snapshot } from "../helpers/project.ts";
import { rawZip, type RawEntry } from "../helpers/raw-zip.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const NOW = "2026-11-24T09:00:00.000Z";
const ANN = "a0000000-0000-4000-8000-000000000001";
const CODE = "c0000000-0000-4000-8000-000000000001";
const TEXT = "Hello world, this is fine.";

let ids = 0;
const guid = () => `e0000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`;

function qde(body: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${declaration}<Project xmlns="urn:QDA-XML:project:1.0" name="Careless" origin="Elsewhere 1.0"><Users><User guid="${ANN}" name="Ann"/></Users>${body}</Project>`;
}

const codebook = `<CodeBook><Codes><Code guid="${CODE}" name="Code" isCodable="true"/></Codes></CodeBook>`;

function selection(start: number | string, end: number | string, code = CODE): string {
  return (
    `<PlainTextSelection guid="${guid()}" startPosition="${start}" endPosition="${end}">` +
    `<Coding guid="${guid()}" creatingUser="${ANN}"><CodeRef targetGUID="${code}"/></Coding>` +
    `</PlainTextSelection>`
  );
}

function source(sourceGuid: string, file: string, selections: string): string {
  return `<TextSource guid="${sourceGuid}" name="${file}" plainTextPath="internal://${file}">${selections}</TextSource>`;
}

async function importFile(entries: readonly RawEntry[]) {
  const path = join(tempDir(), "careless.qdpx");
  writeFileSync(path, rawZip(entries));
  const session = newSession();
  session.create(join(tempDir(), "imported.cairn"));
  const db = session.db();
  try {
    const report = await importRefiProject(db, path, { now: NOW });
    return {
      report,
      passages: passagesOf(db),
      codes: column(db, "SELECT name FROM codes ORDER BY id"),
      coders: column(db, "SELECT name FROM coders ORDER BY id"),
    };
  } finally {
    session.close();
  }
}

async function refusalOf(entries: readonly RawEntry[]): Promise<CairnError> {
  const path = join(tempDir(), "careless.qdpx");
  writeFileSync(path, rawZip(entries));
  const session = newSession();
  session.create(join(tempDir(), "refused.cairn"));
  const db = session.db();
  const before = snapshot(db);
  try {
    await importRefiProject(db, path, { now: NOW });
  } catch (error) {
    expect(snapshot(db)).toBe(before);
    if (error instanceof CairnError) return error;
    throw error;
  } finally {
    session.close();
  }
  throw new Error("the import should have been refused");
}

function column(db: Db, sql: string): unknown[] {
  return db.prepare(sql).pluck().all();
}

/** "Respondent: passage" for every segment, in the order of the answers. */
function passagesOf(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT r.external_id AS who, a.text, s.start, s.end FROM segments s
         JOIN answers a ON a.id = s.answer_id JOIN respondents r ON r.id = a.respondent_id
        ORDER BY a.id, s.start`,
    )
    .all() as { who: string; text: string; start: number; end: number }[];
  return rows.map((row) => `${row.who}: ${row.text.slice(row.start, row.end)}`);
}

describe("a file another program wrote carelessly", () => {
  it("leaves out selections with negative, huge, reversed or unreadable positions, and says so", async () => {
    const { report, passages } = await importFile([
      {
        name: "project.qde",
        data: qde(
          codebook +
            `<Sources>${source(
              guid(),
              "a.txt",
              selection(-3, 5) +
                selection(0, 99_999_999_999) +
                selection(12, 5) +
                selection("1e3", 5) +
                selection(0, "9007199254740993") +
                selection(6, 11),
            )}</Sources>`,
        ),
      },
      { name: "sources/a.txt", data: TEXT },
    ]);
    expect(passages).toEqual(["a.txt: world"]);
    expect(report.warnings).toContain(
      "3 selections lie outside their sources' texts (or end before they start); left out",
    );
    expect(report.warnings.join("\n")).toMatch(
      /^2 selections have no readable start and end \(.*\); left out$/m,
    );
  });

  it("names a nameless code and a nameless user, and keeps '>' out of code names", async () => {
    const nested = "c0000000-0000-4000-8000-000000000002";
    const { report, passages, codes, coders } = await importFile([
      {
        name: "project.qde",
        data: qde(
          `<Users><User guid="${guid()}"/></Users>` +
            `<CodeBook><Codes><Code guid="${CODE}" name="" isCodable="true"/>` +
            `<Code guid="${nested}" name="before &gt; after" isCodable="true"/></Codes></CodeBook>` +
            `<Sources>${source(guid(), "a.txt", selection(0, 5) + selection(6, 11, nested))}</Sources>`,
        ),
      },
      { name: "sources/a.txt", data: TEXT },
    ]);
    expect(codes).toEqual(["Unnamed code", "before › after"]);
    expect(coders).toEqual(["Ann", "User 1"]);
    expect(passages).toEqual(["a.txt: Hello", "a.txt: world"]);
    expect(report.warnings).toContain(
      "1 code name was not valid in Cairn (empty, too long, or holding '>') and repaired",
    );
  });

  it("gives each of two sources that share a GUID its own respondent and its own passages", async () => {
    const shared = guid();
    const { report, passages } = await importFile([
      {
        name: "project.qde",
        data: qde(
          codebook +
            `<Sources>${source(shared, "a.txt", selection(0, 5))}` +
            `${source(shared.toUpperCase(), "b.txt", selection(6, 12))}</Sources>`,
        ),
      },
      { name: "sources/a.txt", data: TEXT },
      { name: "sources/b.txt", data: "Other answer, longer than the first." },
    ]);
    expect(passages).toEqual(["a.txt: Hello", "b.txt: answer"]);
    expect(report.warnings).toContain(
      "1 text source repeats another's GUID; each became a respondent of its own",
    );
  });

  it("keeps codes 20 levels deep, as Cairn does, and leaves the deeper ones out", async () => {
    const chain = Array.from(
      { length: 30 },
      (_, level) => `<Code guid="${guid()}" name="L${level}">`,
    );
    const { report, codes } = await importFile([
      {
        name: "project.qde",
        data: qde(`<CodeBook><Codes>${chain.join("")}${"</Code>".repeat(30)}</Codes></CodeBook>`),
      },
    ]);
    expect(codes).toEqual(Array.from({ length: 20 }, (_, level) => `L${level}`));
    expect(report.warnings).toContain("10 codes lie more than 20 levels deep; left out");
  });

  it("ignores a case's reference to a source the file does not have", async () => {
    const answer = guid();
    const { report, passages } = await importFile([
      {
        name: "project.qde",
        data: qde(
          codebook +
            `<Cases><Case guid="${guid()}" name="R1"><SourceRef targetGUID="${guid()}"/>` +
            `<SourceRef targetGUID="${answer}"/></Case></Cases>` +
            `<Sources>${source(answer, "a.txt", selection(0, 5))}</Sources>` +
            `<Sets><Set guid="${guid()}" name="Q1"><MemberSource targetGUID="${answer}"/></Set></Sets>`,
        ),
      },
      { name: "sources/a.txt", data: TEXT },
    ]);
    expect(report).toMatchObject({ respondents: 1, questions: 1, segments: 1 });
    expect(passages).toEqual(["R1: Hello"]);
    expect(report.warnings).toContain(
      "1 set or case names a source the file does not have; ignored",
    );
  });
});

describe("encodings and line ends", () => {
  it("reads a project file in the encoding its declaration names", async () => {
    const { codes } = await importFile([
      {
        name: "project.qde",
        data: Buffer.from(
          qde(
            `<CodeBook><Codes><Code guid="${CODE}" name="Café" isCodable="true"/></Codes></CodeBook>`,
            '<?xml version="1.0" encoding="ISO-8859-1"?>',
          ),
          "latin1",
        ),
      },
    ]);
    expect(codes).toEqual(["Café"]);
  });

  it("reads UTF-8 that calls itself UTF-16 (no BOM, no zero bytes) as UTF-8", async () => {
    const { codes } = await importFile([
      { name: "project.qde", data: qde(codebook, '<?xml version="1.0" encoding="UTF-16"?>') },
    ]);
    expect(codes).toEqual(["Code"]);
  });

  it("refuses an encoding it does not know, in one sentence", async () => {
    const error = await refusalOf([
      { name: "project.qde", data: qde("", '<?xml version="1.0" encoding="x-martian"?>') },
    ]);
    expect(error.message).toBe(
      'careless.qdpx (project.qde) declares the encoding "x-martian", which Cairn cannot ' +
        "read; save it as UTF-8 and try again",
    );
  });

  it("puts back the CRs of an inline text when its positions counted them", async () => {
    // XML reads the raw CRLF of PlainTextContent as LF; the program counted two.
    const text = "First line.\r\nSecond line.\r\nThird ends.";
    const at = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;
    const selections = ["Second", "Third", "ends"].map((word) => selection(...at(word)));
    const { report, passages } = await importFile([
      {
        name: "project.qde",
        data: qde(
          codebook +
            `<Sources><TextSource guid="${guid()}" name="inline">` +
            `<PlainTextContent>${text}</PlainTextContent>${selections.join("")}</TextSource></Sources>`,
        ),
      },
    ]);
    expect(passages).toEqual(["inline: Second", "inline: Third", "inline: ends"]);
    expect(report.positions).toMatchObject({ onWordBoundaries: 3, widened: 0 });
    expect(report.warnings).toContain(
      "1 source's inline text had its CRLF line ends put back (XML reads a written CRLF as " +
        "LF): only with them do the selections fall on words",
    );
  });

  it("keeps an inline text's LF line ends when the positions fit them", async () => {
    const text = "First line.\nSecond line.\nThird ends.";
    const at = (word: string) => [text.indexOf(word), text.indexOf(word) + word.length] as const;
    const { report, passages } = await importFile([
      {
        name: "project.qde",
        data: qde(
          codebook +
            `<Sources><TextSource guid="${guid()}" name="inline">` +
            `<PlainTextContent>${text}</PlainTextContent>${selection(...at("Third"))}</TextSource></Sources>`,
        ),
      },
    ]);
    expect(passages).toEqual(["inline: Third"]);
    expect(report.warnings.join("\n")).not.toMatch(/put back/);
  });
});
