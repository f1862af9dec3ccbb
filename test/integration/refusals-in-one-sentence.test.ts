/**
 * What the fuzz run (docs/decisions/0021-fuzzing.md) found: refusals that quoted a
 * file's cell or a caller's input whole, so a line break split the message and a
 * megabyte cell became a megabyte message. A refusal is one short sentence, whatever
 * the file or the input held.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createProject } from "../../electron/core/cli/project.ts";
import type { ApiError, Result } from "../../shared/api/errors.ts";
import { useCoreProject } from "../helpers/core.ts";
import { snapshot } from "../helpers/project.ts";
import { rawZip } from "../helpers/raw-zip.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const openCore = useCoreProject();
const MEGABYTE_OF_WORDS = "word ".repeat(200_000);

function sampleApp() {
  const dir = tempDir();
  const core = openCore(dir, createProject(join(dir, "members.cairn"), true));
  return { dir, core, before: snapshot(core.session.db()) };
}

function refusal(result: Result<unknown>): ApiError {
  if (result.ok) throw new Error("the call should have been refused");
  return result.error;
}

/** One sentence: one line, short, and not `internal`. */
function expectOneSentence(error: ApiError): void {
  expect(error.code).not.toBe("internal");
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message.length).toBeLessThan(400);
}

describe("a refusal is one short sentence, whatever the file held", () => {
  it("a codebook file whose colour cell holds a line break is refused on one line", async () => {
    const { dir, core, before } = sampleApp();
    const file = join(dir, "codebook.csv");
    writeFileSync(file, 'path,color\r\nServices,"#4e79a7\r\nx"\r\n');
    const error = refusal(await core.call("codebook.import", { path: file }));
    expectOneSentence(error);
    expect(error.message).toBe(
      'codebook.csv row 2: the colour "#4e79a7 x" is not a colour like #1f77b4; nothing was imported',
    );
    expect(snapshot(core.session.db())).toBe(before);
  });

  it("a codebook file with a column named by a megabyte of text is refused in a short sentence", async () => {
    const { dir, core, before } = sampleApp();
    const file = join(dir, "codebook.csv");
    writeFileSync(file, `path,${MEGABYTE_OF_WORDS}\r\nServices,x\r\n`);
    const error = refusal(await core.call("codebook.import", { path: file }));
    expectOneSentence(error);
    expect(error.message).toMatch(/^codebook\.csv has a column "word word .*…" that a codebook/);
    expect(snapshot(core.session.db())).toBe(before);
  });

  it("a code path a megabyte long in a codebook file is refused in a short sentence", async () => {
    const { dir, core } = sampleApp();
    const file = join(dir, "codebook.csv");
    writeFileSync(file, `path\r\n"Services\n>${MEGABYTE_OF_WORDS}"\r\n`);
    expectOneSentence(refusal(await core.call("codebook.import", { path: file })));
  });

  it("a survey whose repeated respondent id is a megabyte long is refused in a short sentence", async () => {
    const { dir, core, before } = sampleApp();
    const file = join(dir, "survey.csv");
    const id = `R${MEGABYTE_OF_WORDS}`;
    writeFileSync(file, `ID;What should change?\r\n${id};More refuges\r\n${id};Courts\r\n`);
    const source = { paths: [file], delimiter: ";" };
    const mapping = {
      idColumn: "ID",
      attributeColumns: [],
      questions: [{ column: "What should change?", label: "Change", text: "" }],
      codeColumns: [],
      nonResponses: [],
    };
    const error = refusal(await core.call("import.run", { source, mapping }));
    expectOneSentence(error);
    expect(error.message).toMatch(/duplicate respondent id "Rword word .*…" on lines 2 and 3/);
    expect(snapshot(core.session.db())).toBe(before);
  });

  it("a damaged REFI-QDA project whose entry name holds a line break and a NUL", async () => {
    const { dir, core, before } = sampleApp();
    const file = join(dir, "damaged.qdpx");
    const name = `sources/a\r\nPK\u0003\u0004${"x".repeat(500)}\u0000.txt`;
    writeFileSync(file, rawZip([{ name, data: "text" }]));
    const project = join(dir, "from refi.cairn");
    const error = refusal(await core.call("refi.import", { path: file, project }));
    expectOneSentence(error);
    expect(error.message).toMatch(
      /^damaged\.qdpx was refused: its entry "sources\/a PK x+…" holds a NUL/,
    );
    expect(snapshot(core.session.db())).toBe(before);
  });
});

describe("a refusal is one short sentence, whatever a caller sent", () => {
  it("a tally split by an attribute the project lacks, named by a megabyte of text", async () => {
    const { core } = sampleApp();
    const error = refusal(await core.call("tally.crosstab", { attribute: MEGABYTE_OF_WORDS }));
    expectOneSentence(error);
    expect(error.message).toMatch(/^there is no attribute "word word .*…" in this project; its/);
  });

  it("the values of such an attribute, and answers filtered by it, likewise", async () => {
    const { core } = sampleApp();
    const name = `Country\n${MEGABYTE_OF_WORDS}`;
    expectOneSentence(refusal(await core.call("attributes.values", { name: name.slice(0, 500) })));
    const filter = { attributes: { [name]: ["Ireland"] } };
    const listed = await core.call("answers.list", { questionId: 1, filter });
    expectOneSentence(refusal(listed));
  });

  it("a script that sends 100,000 bad items hears about the first few, on one line", async () => {
    const { core } = sampleApp();
    const segmentIds = Array.from({ length: 100_000 }, (_, i) => `s${i}`);
    const error = refusal(await core.call("answers.get", { answerIds: segmentIds }));
    expectOneSentence(error);
    expect(error.code).toBe("bad_input");
  });

  it("an unknown key with a line break in its name is refused on one line", async () => {
    const { core } = sampleApp();
    const error = refusal(await core.call("codes.tree", { "a\nb": 1, "c\u2028d": 2 }));
    expectOneSentence(error);
  });
});
