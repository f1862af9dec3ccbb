/**
 * A coded survey exported as REFI-QDA (decision 0016): respondents as cases, answers as
 * text sources, questions as sets, codes, coders and memos, every passage at the right
 * positions; each file written is checked against the standard's schema with xmllint.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CairnError } from "../../shared/api/errors.ts";
import type { ExportProgress, ExportReport } from "../../shared/api/export-api.ts";
import type { RespondentId } from "../../shared/domain.ts";
import { setMemo } from "../../electron/core/coding/coding-service.ts";
import { setCodeColor, setCodeEntry } from "../../electron/core/db/codes.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import type { ExportContext } from "../../electron/core/export/export-service.ts";
import { guidsFor } from "../../electron/core/refi/export/guids.ts";
import { APP_VERSION } from "../../electron/core/core.ts";
import { CAIRN_ORIGIN, refiProjectMeta } from "../../electron/core/refi/export/project-meta.ts";
import { writeQdc } from "../../electron/core/refi/export/qdc-export.ts";
import { writeQdpx } from "../../electron/core/refi/export/qdpx-export.ts";
import {
  codeAnswer,
  codeIdByName,
  importedSurvey,
  NOW,
  surveyMapping,
  type CodingProject,
} from "../helpers/coding-project.ts";
import { child, findAll, parseXml, readZipEntries, type XmlNode } from "../helpers/refi-zip.ts";
import { useTempDir } from "../helpers/temp.ts";
import {
  expectValidExport,
  refiSchemaSkipReason,
  validateAgainstSchema,
} from "../helpers/xmllint.ts";

const Q1_R1 = "Safety at night matters most.\r\nAlso better lighting.";
const Q1_R2 = 'I feel safe 😀 here & "fine" <ok>';
const Q2_R1 = "More buses 🚌 please";

const CSV = [
  "id,Country,Age,Q1,Q2",
  `R1,Ireland,30,"${Q1_R1}",${Q2_R1}`,
  `R2,Malta,,"${Q1_R2.replace(/"/g, '""')}",n/a`,
  "R3,Cyprus,45,n/a,",
].join("\n");

function span(text: string, passage: string): [number, number] {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`test: "${passage}" is not in "${text}"`);
  return [start, start + passage.length];
}

/**
 * Three respondents, two questions, codes Safety > Night and Transport with colours and
 * a codebook entry, two coders whose passages overlap and coincide, and memos of every kind.
 */
async function surveyWithCoding(dir: string): Promise<CodingProject> {
  const p = await importedSurvey(
    dir,
    CSV,
    surveyMapping("What should change?", { attributes: ["Country", "Age"] }),
  );
  const r1q1 = p.answer("R1", "Q1");
  // Cairn's importers turn CRLF into LF; a REFI import keeps the file's line ends.
  p.db().prepare("UPDATE answers SET text = ? WHERE id = ?").run(Q1_R1, r1q1);
  const night = span(Q1_R1, "Safety at night matters most");
  codeAnswer(p, r1q1, "Safety>Night", night, { coder: "Anna" });
  codeAnswer(p, r1q1, "Safety", night, { coder: "Ben", memo: "Both coders saw this" });
  codeAnswer(p, r1q1, "Safety>Night", span(Q1_R1, "at night"), { coder: "Ben" });
  codeAnswer(p, r1q1, "Transport", span(Q1_R1, "night matters most.\r\nAlso better"), {
    coder: "Anna",
  });
  codeAnswer(p, p.answer("R2", "Q1"), "Safety", span(Q1_R2, "safe 😀 here"), { coder: "Anna" });
  codeAnswer(p, p.answer("R1", "Q2"), "Transport", span(Q2_R1, "buses 🚌"), { coder: "Ben" });
  const db = p.db();
  setCodeColor(db, codeIdByName(db, "Safety"), "#1f77b4");
  setCodeColor(db, codeIdByName(db, "Night"), "#ff7f0e");
  setCodeEntry(db, codeIdByName(db, "Safety"), {
    description: "Feeling safe or unsafe.",
    whenToUse: "Any mention of fear",
    whenNotToUse: "",
    example: "I avoid the park",
  });
  setMemo(db, { target: { answerId: r1q1 }, coder: "Anna", text: "Two themes\r\nhere" }, NOW);
  setMemo(
    db,
    {
      target: { respondentId: p.respondent("R1") as RespondentId },
      coder: "Ben",
      text: "Long answers",
    },
    NOW,
  );
  db.prepare(
    `INSERT INTO memos (code_id, coder_id, text, created_at, updated_at)
     VALUES (?, (SELECT id FROM coders WHERE name = 'Anna'), 'Buses and trains', ?, ?)`,
  ).run(codeIdByName(db, "Transport"), NOW, NOW);
  return p;
}

function exportContext(onProgress: (progress: ExportProgress) => void = () => {}): ExportContext {
  return { signal: new AbortController().signal, onProgress, now: NOW };
}

interface Exported {
  readonly report: ExportReport;
  readonly entries: Map<string, Buffer>;
  readonly qde: string;
  readonly project: XmlNode;
}

async function exportQdpx(
  db: Db,
  path: string,
  positions: "codepoints" | "utf16" = "codepoints",
): Promise<Exported> {
  const report = await writeQdpx(db, { format: "qdpx", path, positions }, exportContext());
  await expectValidExport(path);
  const entries = await readZipEntries(path);
  const qde = entries.get("project.qde")?.toString("utf8") ?? "";
  return { report, entries, qde, project: parseXml(qde) };
}

interface SegmentText {
  readonly id: number;
  readonly text: string;
}

/** Each segment's coded text, by its coding's GUID in the export. */
function codedTextsByCodingGuid(db: Db): Map<string, SegmentText> {
  const guid = guidsFor(refiProjectMeta(db).guidKey);
  const rows = db
    .prepare(
      `SELECT s.id, a.text, s.start, s.end FROM segments s JOIN answers a ON a.id = s.answer_id`,
    )
    .all() as { id: number; text: string; start: number; end: number }[];
  return new Map(
    rows.map((r) => [guid("coding", r.id), { id: r.id, text: r.text.slice(r.start, r.end) }]),
  );
}

/** Every selection with its source file's text. */
function selectionsWithText(exported: Exported): { selection: XmlNode; text: string }[] {
  return findAll(exported.project, "TextSource").flatMap((source) => {
    const file = (source.attributes.plainTextPath ?? "").replace("internal://", "sources/");
    const text = exported.entries.get(file)?.toString("utf8") ?? "<missing>";
    return findAll(source, "PlainTextSelection").map((selection) => ({ selection, text }));
  });
}

const position = (node: XmlNode, name: string) => Number(node.attributes[name]);

describe("exporting a project as REFI-QDA", () => {
  const tempDir = useTempDir();
  let project: CodingProject | null = null;
  afterEach(() => {
    project?.session.close();
    project = null;
  });
  const open = async () => (project = await surveyWithCoding(tempDir()));

  it("writes a .qdpx whose project.qde the standard's schema accepts", async () => {
    const p = await open();
    const exported = await exportQdpx(p.db(), join(tempDir(), "survey.qdpx"));
    expect(exported.report.refi).toEqual({
      users: 2,
      codes: 3,
      cases: 3,
      variables: 2,
      sources: 5,
      selections: 5,
      codings: 6,
      notes: 3,
      positions: "codepoints",
    });
    expect(exported.report.bytes).toBe(readFileSync(join(tempDir(), "survey.qdpx")).length);
    // exportQdpx ran xmllint on it, as on every export here.
  });

  it.skipIf(refiSchemaSkipReason !== null)(
    "tells a schema error when there is one (the check is real)",
    () => {
      const broken = '<Project xmlns="urn:QDA-XML:project:1.0"><Users/></Project>';
      const result = validateAgainstSchema(broken, "project");
      expect(result.valid).toBe(false);
      expect(result.errors.join("\n")).toMatch(/name|Users/);
    },
  );

  it("maps respondents to cases, attributes to variables and questions to sets", async () => {
    const p = await open();
    const { project: root, entries } = await exportQdpx(p.db(), join(tempDir(), "survey.qdpx"));
    expect(root.attributes.origin).toBe(`Cairn ${APP_VERSION}`);
    expect(CAIRN_ORIGIN).toBe(`Cairn ${APP_VERSION}`);
    expect(findAll(root, "User").map((u) => u.attributes.name)).toEqual(["Anna", "Ben"]);
    expect(findAll(root, "Variable").map((v) => v.attributes.name)).toEqual(["Country", "Age"]);
    const cases = findAll(root, "Case");
    expect(cases.map((c) => c.attributes.name)).toEqual(["R1", "R2", "R3"]);
    const r2 = cases[1] as XmlNode;
    expect(findAll(r2, "TextValue").map((v) => v.text)).toEqual(["Malta"]); // Age blank
    expect(child(cases[0] as XmlNode, "Description")?.text).toBe("Ben: Long answers");
    const sources = findAll(root, "TextSource");
    expect(sources.map((s) => s.attributes.name)).toEqual([
      "R1 · Q1",
      "R1 · Q2",
      "R2 · Q1",
      "R2 · Q2",
      "R3 · Q1",
    ]);
    // "n/a" is no answer: its source says so, for Cairn to read back.
    expect(sources.map((s) => child(s, "Description")?.text ?? null)).toEqual([
      null,
      null,
      null,
      "Cairn: non-response",
      "Cairn: non-response",
    ]);
    const sets = findAll(root, "Set");
    expect(sets.map((s) => [s.attributes.name, child(s, "Description")?.text])).toEqual([
      ["Q1", "What should change?"],
      ["Q2", "Anything else?"],
    ]);
    expect(findAll(sets[0] as XmlNode, "MemberSource")).toHaveLength(3);
    // Every text file is the stored text, byte for byte, without a BOM.
    const r1q1 = sources[0] as XmlNode;
    const file = entries.get(`sources/${r1q1.attributes.guid}.txt`);
    expect(file?.equals(Buffer.from(Q1_R1, "utf8"))).toBe(true);
    expect(entries.size).toBe(6);
  });

  it("writes codes with colours, nesting and the codebook entry, and memos as notes", async () => {
    const p = await open();
    const { project: root } = await exportQdpx(p.db(), join(tempDir(), "survey.qdpx"));
    const codes = findAll(root, "Code");
    const safety = codes.find((c) => c.attributes.name === "Safety") as XmlNode;
    expect(safety.attributes.color).toBe("#1f77b4");
    expect(safety.attributes.isCodable).toBe("true");
    expect(child(safety, "Description")?.text).toBe(
      "Feeling safe or unsafe.\n\nWhen to use: Any mention of fear\n\nExample: I avoid the park",
    );
    expect(findAll(safety, "Code").map((c) => c.attributes.name)).toEqual(["Night"]);
    const notes = new Map(findAll(root, "Note").map((n) => [n.attributes.guid, n]));
    const transport = codes.find((c) => c.attributes.name === "Transport") as XmlNode;
    const codeNote = notes.get(child(transport, "NoteRef")?.attributes.targetGUID);
    expect(child(codeNote as XmlNode, "PlainTextContent")?.text).toBe("Buses and trains");
    const source = findAll(root, "TextSource")[0] as XmlNode;
    const sourceNote = notes.get(child(source, "NoteRef")?.attributes.targetGUID);
    // The CR survives parsing because it is written as &#13;.
    expect(child(sourceNote as XmlNode, "PlainTextContent")?.text).toBe("Two themes\r\nhere");
    const codingNotes = findAll(root, "Coding").flatMap((c) => findAll(c, "NoteRef"));
    expect(codingNotes).toHaveLength(1);
    const segmentNote = notes.get(codingNotes[0]?.attributes.targetGUID);
    expect(child(segmentNote as XmlNode, "PlainTextContent")?.text).toBe("Both coders saw this");
    expect(segmentNote?.attributes.creatingUser).toBe(
      findAll(root, "User").find((u) => u.attributes.name === "Ben")?.attributes.guid,
    );
  });

  it("puts passages the same span shares in one selection, a coding per coder and code", async () => {
    const p = await open();
    const { project: root } = await exportQdpx(p.db(), join(tempDir(), "survey.qdpx"));
    const users = new Map(findAll(root, "User").map((u) => [u.attributes.guid, u.attributes.name]));
    const codes = new Map(findAll(root, "Code").map((c) => [c.attributes.guid, c.attributes.name]));
    const first = findAll(root, "PlainTextSelection")[0] as XmlNode;
    expect([position(first, "startPosition"), position(first, "endPosition")]).toEqual([0, 28]);
    expect(users.get(first.attributes.creatingUser)).toBe("Anna");
    expect(
      findAll(first, "Coding").map((c) => [
        users.get(c.attributes.creatingUser),
        codes.get(child(c, "CodeRef")?.attributes.targetGUID),
      ]),
    ).toEqual([
      ["Anna", "Night"],
      ["Ben", "Safety"],
    ]);
  });

  it("places every selection on its passage in code points (CRLF as two, emoji as one)", async () => {
    const p = await open();
    const exported = await exportQdpx(p.db(), join(tempDir(), "survey.qdpx"));
    const byGuid = codedTextsByCodingGuid(p.db());
    const checked = selectionsWithText(exported).flatMap(({ selection, text }) => {
      const slice = Array.from(text)
        .slice(position(selection, "startPosition"), position(selection, "endPosition"))
        .join("");
      return findAll(selection, "Coding").map((coding) => {
        expect(slice).toBe(byGuid.get(coding.attributes.guid ?? "")?.text);
        return slice;
      });
    });
    expect(checked).toHaveLength(6);
    expect(checked).toContain("safe 😀 here");
    expect(checked).toContain("night matters most.\r\nAlso better");
  });

  it("writes UTF-16 positions for NVivo when asked", async () => {
    const p = await open();
    const exported = await exportQdpx(p.db(), join(tempDir(), "nvivo.qdpx"), "utf16");
    expect(exported.report.refi?.positions).toBe("utf16");
    const byGuid = codedTextsByCodingGuid(p.db());
    const slices = selectionsWithText(exported).map(({ selection, text }) => {
      const slice = text.slice(
        position(selection, "startPosition"),
        position(selection, "endPosition"),
      );
      const coding = child(selection, "Coding");
      expect(slice).toBe(byGuid.get(coding?.attributes.guid ?? "")?.text);
      return slice;
    });
    expect(slices).toContain("buses 🚌");
  });

  it("writes the same bytes twice", async () => {
    const p = await open();
    await exportQdpx(p.db(), join(tempDir(), "one.qdpx"));
    await exportQdpx(p.db(), join(tempDir(), "two.qdpx"));
    const one = readFileSync(join(tempDir(), "one.qdpx"));
    expect(one.equals(readFileSync(join(tempDir(), "two.qdpx")))).toBe(true);
    await writeQdc(p.db(), { format: "qdc", path: join(tempDir(), "one.qdc") }, exportContext());
    await writeQdc(p.db(), { format: "qdc", path: join(tempDir(), "two.qdc") }, exportContext());
    expect(readFileSync(join(tempDir(), "one.qdc"), "utf8")).toBe(
      readFileSync(join(tempDir(), "two.qdc"), "utf8"),
    );
  });

  it("leaves nothing at the path when the export is cancelled", async () => {
    const p = await open();
    const controller = new AbortController();
    const path = join(tempDir(), "cancelled.qdpx");
    const phases: string[] = [];
    const run = writeQdpx(
      p.db(),
      { format: "qdpx", path, positions: "codepoints" },
      {
        signal: controller.signal,
        onProgress: (progress) => {
          phases.push(progress.phase);
          controller.abort();
        },
        now: NOW,
      },
    );
    await expect(run).rejects.toSatisfy(
      (error) => error instanceof CairnError && error.code === "cancelled",
    );
    expect(phases).toEqual(["texts"]);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(tempDir()).filter((name) => name.includes("cancelled"))).toEqual([]);
  });

  it("exports the codebook alone as a .qdc the codebook schema accepts, with the same GUIDs", async () => {
    const p = await open();
    const path = join(tempDir(), "codes.qdc");
    const report = await writeQdc(p.db(), { format: "qdc", path }, exportContext());
    expect(report.refi?.codes).toBe(3);
    const codebook = parseXml(readFileSync(path, "utf8"));
    expect(codebook.name).toBe("CodeBook");
    expect(codebook.attributes.origin).toMatch(/^Cairn /);
    const { project: root } = await exportQdpx(p.db(), join(tempDir(), "survey.qdpx"));
    const guids = (node: XmlNode) => findAll(node, "Code").map((c) => c.attributes.guid);
    expect(guids(codebook)).toEqual(guids(root));
    await expectValidExport(path);
  });

  it("says how many characters XML cannot hold it replaced, in the .qdpx and the .qdc", async () => {
    const p = await open();
    const db = p.db();
    const clean = await exportQdpx(db, join(tempDir(), "clean.qdpx"));
    expect(clean.report.warnings).toEqual([]);
    expect(clean.report.filter).toBeNull();
    // A form feed in a code's description and a NUL in the question's text.
    setCodeEntry(db, codeIdByName(db, "Safety"), {
      description: "Feeling safe\for unsafe.",
      whenToUse: "",
      whenNotToUse: "",
      example: "",
    });
    db.prepare("UPDATE questions SET text = ? WHERE label = 'Q1'").run("What\u0000 should change?");
    const dirty = await exportQdpx(db, join(tempDir(), "dirty.qdpx"));
    expect(dirty.report.warnings).toEqual(["2 characters XML cannot hold were replaced by \ufffd"]);
    expect(dirty.qde).toContain("Feeling safe\ufffdor unsafe.");
    const qdc = await writeQdc(
      db,
      { format: "qdc", path: join(tempDir(), "codes.qdc") },
      exportContext(),
    );
    expect(qdc.warnings).toEqual(["1 character XML cannot hold was replaced by \ufffd"]);
    await expectValidExport(join(tempDir(), "codes.qdc"));
    expect(qdc.filter).toBeNull();
  });

  it("refuses a .qdc of an empty codebook with a sentence", async () => {
    const p = await importedSurvey(tempDir(), CSV, surveyMapping("What should change?"));
    project = p;
    const path = join(tempDir(), "none.qdc");
    await expect(writeQdc(p.db(), { format: "qdc", path }, exportContext())).rejects.toThrow(
      /no codes/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it("writes a valid project without codes, coders or memos", async () => {
    const p = await importedSurvey(tempDir(), CSV, surveyMapping("What should change?"));
    project = p;
    const exported = await exportQdpx(p.db(), join(tempDir(), "bare.qdpx"));
    expect(exported.report.refi).toMatchObject({ users: 0, codes: 0, selections: 0, notes: 0 });
  });
});
