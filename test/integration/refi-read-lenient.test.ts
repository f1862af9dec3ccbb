/**
 * What programs in the wild write, read leniently: other names and namespaces, GUID
 * spellings, colours, missing attributes, BOMs and UTF-16, texts inline or in any-case
 * source folders, and sources Cairn leaves out. Each bend is said once in `warnings`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readQdc, readQdpx } from "../../electron/core/refi/read/refi-read.ts";
import { guidKey } from "../../electron/core/refi/model.ts";
import { rawZip, type RawEntry } from "../helpers/raw-zip.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const G1 = "0f8fad5b-d9cb-469f-a165-70867728950e";
const G2 = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const G3 = "{A4E1B4C2-3D5E-4F60-8A7B-9C0D1E2F3A4B}";
const USER = "D1E2F3A4-B5C6-4D7E-8F90-A1B2C3D4E5F6";

function qdpx(entries: readonly RawEntry[], name = "study.qdpx"): string {
  const path = join(tempDir(), name);
  writeFileSync(path, rawZip(entries));
  return path;
}

function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([Buffer.from(bom ? [0xff, 0xfe] : []), Buffer.from(text, "utf16le")]);
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, "utf16le");
  bytes.swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]);
}

const INDENTED_TEXT = "\n   two spaces lead this line  \r\n\tand a tab\n";
/** XML reads a raw CRLF as LF (its end-of-line rule): a writer keeps a CR as &#13;. */
const INDENTED_XML = "\n   two spaces lead this line  &#13;\n\tand a tab\n";

const QDE = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1:0" name="Study 26" origin="ATLAS.ti 26">
  <Users><User guid="${USER}" name="Ana"/><User guid="${G1}"/></Users>
  <CodeBook><Codes>
    <Code guid="${G3}" name="Parent" isCodable="false" color="#ABC">
      <Description>
          Indented by the XML around it.
      </Description>
      <Code guid="${G2.toUpperCase()}" name="Child" color="red"/>
      <Unknown><Code guid="${G1}" name="Hidden in an unknown element" isCodable="true"/></Unknown>
    </Code>
    <Code guid="${G1}" name="Plain" isCodable="1" color="#00FF7f"/>
  </Codes></CodeBook>
  <Variables>
    <Variable guid="11111111-1111-1111-1111-111111111111" name="Age" typeOfVariable="Integer"/>
    <Variable guid="22222222-2222-2222-2222-222222222222" name="Smokes" typeOfVariable="Boolean"/>
    <Variable guid="33333333-3333-3333-3333-333333333333" name="Odd" typeOfVariable="Colour"/>
  </Variables>
  <Cases>
    <Case guid="44444444-4444-4444-4444-444444444444" name="R1">
      <VariableValue><VariableRef targetGUID="11111111-1111-1111-1111-111111111111"/><IntegerValue>42</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="22222222-2222-2222-2222-222222222222"/><BooleanValue>true</BooleanValue></VariableValue>
      <VariableValue><VariableRef targetGUID="33333333-3333-3333-3333-333333333333"/><TextValue/></VariableValue>
      <SourceRef targetGUID="55555555-5555-5555-5555-555555555551"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="55555555-5555-5555-5555-555555555551" name="bom" plainTextPath="internal://a.txt" creatingUser="${USER}" creationDateTime="2024-01-02T03:04:05Z">
      <PlainTextSelection guid="66666666-6666-6666-6666-666666666661" startPosition="0" endPosition="5" creatingUser="${USER}">
        <Description>  a memo  </Description>
        <Coding guid="77777777-7777-7777-7777-777777777771" creatingUser="${USER.toLowerCase()}"><CodeRef targetGUID="${G2}"/><NoteRef targetGUID="88888888-8888-8888-8888-888888888881"/></Coding>
        <Coding guid="77777777-7777-7777-7777-777777777772"/>
      </PlainTextSelection>
      <PlainTextSelection guid="66666666-6666-6666-6666-666666666662" startPosition="x" endPosition="5"/>
      <Coding guid="77777777-7777-7777-7777-777777777773"><CodeRef targetGUID="${G1}"/></Coding>
    </TextSource>
    <TextSource guid="55555555-5555-5555-5555-555555555552" name="le" plainTextPath="internal://b.txt"/>
    <TextSource guid="55555555-5555-5555-5555-555555555553" name="be" plainTextPath="internal://c.txt"/>
    <TextSource guid="55555555-5555-5555-5555-555555555554" name="inline"><PlainTextContent>${INDENTED_XML}</PlainTextContent></TextSource>
    <TextSource guid="55555555-5555-5555-5555-555555555555" name="latin" plainTextPath="internal://d.txt"/>
    <PDFSource guid="99999999-9999-9999-9999-999999999991" path="relative://a.pdf"/>
    <PDFSource guid="99999999-9999-9999-9999-999999999992" path="relative://b.pdf"/>
    <PictureSource guid="99999999-9999-9999-9999-999999999993"/>
    <AudioSource guid="99999999-9999-9999-9999-999999999994"/>
    <VideoSource guid="99999999-9999-9999-9999-999999999995"/>
  </Sources>
  <Notes>
    <Note guid="88888888-8888-8888-8888-888888888881" name="inline note"><PlainTextContent>Note text</PlainTextContent></Note>
    <Note guid="88888888-8888-8888-8888-888888888882" plainTextPath="internal://note.txt"/>
  </Notes>
  <Links><Link guid="aaaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa"/></Links>
  <Sets>
    <Set guid="bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb" name="Question 1">
      <Description>What did you think?</Description>
      <MemberSource targetGUID="55555555-5555-5555-5555-555555555551"/>
      <MemberCode targetGUID="${G1}"/>
    </Set>
  </Sets>
  <Description>The project</Description>
</Project>`;

function studyEntries(): RawEntry[] {
  return [
    {
      name: "Study 26.qde",
      data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(QDE)]),
      method: 8,
    },
    {
      name: "SOURCES/a.txt",
      data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Hello world\r\n")]),
    },
    { name: "SOURCES/b.txt", data: utf16le("Grüße 😀\r\n") },
    { name: "SOURCES/c.txt", data: utf16be("Big end 😀") },
    { name: "SOURCES/d.txt", data: Buffer.from([0x63, 0x61, 0x66, 0xe9]) },
    { name: "SOURCES/note.txt", data: "A note from a file" },
    // A rich-text copy nothing references, packed with a method no one can unpack:
    // reading it would fail, so the read proves it is left alone.
    { name: "SOURCES/a.docx", data: "not really", method: 99 as 8 },
  ];
}

describe("a project as ATLAS.ti 26 and others write it", () => {
  it("finds the one .qde whatever its name, and its sources in a folder of any case", async () => {
    const project = await readQdpx(qdpx(studyEntries()));
    expect(project.name).toBe("Study 26");
    expect(project.origin).toBe("ATLAS.ti 26");
    expect(project.description).toBe("The project");
    expect(project.sources.map((source) => [source.name, source.text])).toEqual([
      ["bom", "Hello world\r\n"],
      ["le", "Grüße 😀\r\n"],
      ["be", "Big end 😀"],
      ["inline", INDENTED_TEXT],
      ["latin", "café"],
    ]);
    expect(project.sources.every((source) => source.textProblem === null)).toBe(true);
  });

  it("keeps GUIDs as written, to be compared without case or braces", async () => {
    const project = await readQdpx(qdpx(studyEntries()));
    const [parent, plain] = project.codes;
    expect(parent?.guid).toBe(G3);
    expect(parent?.children[0]?.guid).toBe(G2.toUpperCase());
    const coding = project.sources[0]?.selections[0]?.codings[0];
    expect(coding?.codeGuid).toBe(G2);
    expect(guidKey(coding?.codeGuid ?? "")).toBe(guidKey(parent?.children[0]?.guid ?? ""));
    expect(guidKey(G3)).toBe("a4e1b4c2-3d5e-4f60-8a7b-9c0d1e2f3a4b");
    expect(plain?.name).toBe("Plain");
  });

  it("reads colours, codability and descriptions leniently, ignoring unknown elements", async () => {
    const project = await readQdpx(qdpx(studyEntries()));
    const [parent, plain] = project.codes;
    expect(project.codes).toHaveLength(2);
    expect(parent).toMatchObject({
      name: "Parent",
      isCodable: false,
      color: "#aabbcc",
      description: "Indented by the XML around it.",
    });
    expect(parent?.children).toEqual([
      {
        guid: G2.toUpperCase(),
        name: "Child",
        isCodable: true,
        color: null,
        description: null,
        noteGuids: [],
        children: [],
      },
    ]);
    expect(plain).toMatchObject({ isCodable: true, color: "#00ff7f" });
  });

  it("reads users, variables, cases, selections, codings, notes and sets", async () => {
    const project = await readQdpx(qdpx(studyEntries()));
    expect(project.users).toEqual([
      { guid: USER, name: "Ana" },
      { guid: G1, name: null },
    ]);
    expect(project.variables.map((v) => [v.name, v.type])).toEqual([
      ["Age", "Integer"],
      ["Smokes", "Boolean"],
      ["Odd", "Text"],
    ]);
    expect(project.cases[0]?.values.map((value) => value.value)).toEqual([42, true, null]);
    expect(project.cases[0]?.sourceGuids).toEqual(["55555555-5555-5555-5555-555555555551"]);
    const source = project.sources[0];
    expect(source?.creatingUser).toBe(USER);
    expect(source?.creationDateTime).toBe("2024-01-02T03:04:05Z");
    expect(source?.selections).toEqual([
      {
        guid: "66666666-6666-6666-6666-666666666661",
        name: null,
        start: 0,
        end: 5,
        creatingUser: USER,
        creationDateTime: null,
        description: "a memo",
        codings: [
          {
            guid: "77777777-7777-7777-7777-777777777771",
            codeGuid: G2,
            creatingUser: USER.toLowerCase(),
            creationDateTime: null,
            noteGuids: ["88888888-8888-8888-8888-888888888881"],
          },
        ],
        noteGuids: [],
      },
    ]);
    expect(source?.codings.map((coding) => coding.codeGuid)).toEqual([G1]);
    expect(project.notes.map((note) => [note.name, note.text])).toEqual([
      ["inline note", "Note text"],
      [null, "A note from a file"],
    ]);
    expect(project.sets).toEqual([
      {
        guid: "bbbbbbbb-bbbb-bbbb-bbbb-bbbbbbbbbbbb",
        name: "Question 1",
        description: "What did you think?",
        memberCodeGuids: [G1],
        memberSourceGuids: ["55555555-5555-5555-5555-555555555551"],
      },
    ]);
  });

  it("counts the sources it leaves out and says every bend once", async () => {
    const project = await readQdpx(qdpx(studyEntries()));
    expect(project.skippedSources).toEqual({ PDF: 2, picture: 1, audio: 1, video: 1 });
    expect(project.warnings).toEqual([
      "study.qdpx uses the namespace urn:QDA-XML:project:1:0, an older spelling of " +
        "urn:QDA-XML:project:1.0; read anyway",
      "1 source is not UTF-8 and was read as Windows-1252",
      '1 colour is not "#rrggbb" (red); left out',
      "1 code does not say whether it is codable (Child); read as codable",
      "1 selection has no readable start and end (66666666-6666-6666-6666-666666666662); left out",
      "1 coding names no code (77777777-7777-7777-7777-777777777772); left out",
      "1 variable has an unknown type (Colour); read as Text",
      "2 PDF sources were left out (Cairn reads text sources only)",
      "1 picture source was left out (Cairn reads text sources only)",
      "1 audio source was left out (Cairn reads text sources only)",
      "1 video source was left out (Cairn reads text sources only)",
    ]);
  });

  it("reads a project file written in UTF-16 with a BOM", async () => {
    const qde = `<?xml version="1.0" encoding="utf-16"?><Project xmlns="urn:QDA-XML:project:1.0" name="Wide"><Users><User guid="${G1}" name="Zoë"/></Users></Project>`;
    const project = await readQdpx(qdpx([{ name: "project.qde", data: utf16le(qde) }]));
    expect(project.name).toBe("Wide");
    expect(project.users).toEqual([{ guid: G1, name: "Zoë" }]);
    expect(project.warnings).toEqual([]);
  });

  it("reads a project without a namespace, and one without a name, with a warning", async () => {
    const project = await readQdpx(
      qdpx([{ name: "Nameless.qde", data: `<Project><Users/></Project>` }]),
    );
    expect(project.name).toBe("Nameless");
    expect(project.warnings).toEqual([
      "study.qdpx names no namespace (the standard's is urn:QDA-XML:project:1.0); read anyway",
    ]);
  });
});

describe("codebooks (.qdc)", () => {
  it("reads the 0:4 draft namespace with a warning, and MemberCode by guid", async () => {
    const path = join(tempDir(), "draft.qdc");
    writeFileSync(
      path,
      `\uFEFF<?xml version="1.0"?>
<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="MAXQDA 24">
  <Codes><Code guid="${G1}" name="A" isCodable="true" color="#fff"/></Codes>
  <Sets><Set guid="${G2}" name="S"><MemberCode guid="${G1}"/></Set></Sets>
</CodeBook>`,
    );
    const codebook = await readQdc(path);
    expect(codebook.origin).toBe("MAXQDA 24");
    expect(codebook.codes[0]?.color).toBe("#ffffff");
    expect(codebook.sets[0]?.memberCodeGuids).toEqual([G1]);
    expect(codebook.warnings).toEqual([
      "draft.qdc uses the namespace urn:QDA-XML:codebook:0:4, an older spelling of " +
        "urn:QDA-XML:codebook:1.0; read anyway",
    ]);
  });

  it("refuses a project file given as a codebook, naming what it found", async () => {
    const path = join(tempDir(), "project.qdc");
    writeFileSync(path, `<Project xmlns="urn:QDA-XML:project:1.0" name="p"/>`);
    await expect(readQdc(path)).rejects.toThrow(
      "project.qdc is not a REFI-QDA codebook: its XML starts with <Project>, not <CodeBook>",
    );
  });
});
