/** The pieces of a REFI-QDA export: XML escaping, labelled descriptions, GUIDs and names. */
import { describe, expect, it } from "vitest";
import { guidsFor } from "../../electron/core/refi/export/guids.ts";
import { selectionName } from "../../electron/core/refi/export/sources.ts";
import { XmlEscaper, XmlWriter, xsdDateTime } from "../../electron/core/refi/export/xml-writer.ts";
import { codeDescriptionFields, codeDescriptionText } from "../../shared/refi/code-description.ts";

describe("escaping XML", () => {
  it("escapes markup characters in text and quotes in attributes", () => {
    const escape = new XmlEscaper();
    expect(escape.text(`Fish & "chips" <b>`)).toBe(`Fish &amp; "chips" &lt;b&gt;`);
    expect(escape.attr(`Fish & "chips" <b>`)).toBe("Fish &amp; &quot;chips&quot; &lt;b&gt;");
  });

  it("writes a CR as a character reference so it survives parsing", () => {
    const escape = new XmlEscaper();
    expect(escape.text("one\r\ntwo\tthree")).toBe("one&#13;\ntwo\tthree");
    expect(escape.attr("one\r\ntwo\tthree")).toBe("one&#13;&#10;two&#9;three");
  });

  it("replaces characters XML 1.0 cannot hold and counts them", () => {
    const escape = new XmlEscaper();
    expect(escape.text("bell\u0007 nul\u0000 ff\u000c")).toBe("bell\ufffd nul\ufffd ff\ufffd");
    expect(escape.attr("lone \ud800 and \uffff")).toBe("lone \ufffd and \ufffd");
    expect(escape.replaced).toBe(5);
  });

  it("keeps emoji (surrogate pairs) as they are", () => {
    const escape = new XmlEscaper();
    expect(escape.text("I feel safe 😀 👍🏽")).toBe("I feel safe 😀 👍🏽");
    expect(escape.replaced).toBe(0);
  });

  it("hands the document on in chunks of about the size asked", async () => {
    const chunks: string[] = [];
    const writer = new XmlWriter((chunk) => {
      chunks.push(chunk.toString("utf8"));
      return Promise.resolve();
    }, 100);
    for (let i = 0; i < 30; i++) {
      writer.empty("Item", { n: i, name: `item ${i}` });
      await writer.maybeFlush();
    }
    await writer.flush();
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.join("")).toContain('<Item n="29" name="item 29"/>');
  });

  it("writes only valid xsd:dateTime values", () => {
    expect(xsdDateTime("2026-11-24T09:00:00.000Z")).toBe("2026-11-24T09:00:00.000Z");
    expect(xsdDateTime("2026-11-24 09:00")).toBeNull();
    expect(xsdDateTime("")).toBeNull();
  });
});

describe("a code's codebook entry in one description", () => {
  const entry = {
    description: "Feeling unsafe in public.\n\nIncludes transport.",
    whenToUse: "Any mention of fear",
    whenNotToUse: "Crime statistics",
    example: "I avoid the park at night",
  };

  it("labels the parts after the definition and splits them back", () => {
    const text = codeDescriptionText(entry);
    expect(text).toBe(
      "Feeling unsafe in public.\n\nIncludes transport.\n\nWhen to use: Any mention of fear" +
        "\n\nWhen not to use: Crime statistics\n\nExample: I avoid the park at night",
    );
    expect(codeDescriptionFields(text)).toEqual(entry);
  });

  it("leaves out empty parts, and round-trips them", () => {
    const only = { description: "", whenToUse: "", whenNotToUse: "", example: "a park" };
    expect(codeDescriptionText(only)).toBe("Example: a park");
    expect(codeDescriptionFields("Example: a park")).toEqual(only);
    const none = { description: "", whenToUse: "", whenNotToUse: "", example: "" };
    expect(codeDescriptionText(none)).toBe("");
    expect(codeDescriptionFields("")).toEqual(none);
  });

  it("reads another program's description as all definition, CRLF paragraphs too", () => {
    expect(codeDescriptionFields("Just a definition: with a colon")).toEqual({
      description: "Just a definition: with a colon",
      whenToUse: "",
      whenNotToUse: "",
      example: "",
    });
    expect(codeDescriptionFields("Def\r\n\r\nWhen to use: fear").whenToUse).toBe("fear");
  });
});

describe("REFI-QDA GUIDs and names", () => {
  it("derives the same lower-case UUID from the same project and row", () => {
    const a = guidsFor("2026-11-24T09:00:00.000Z");
    const b = guidsFor("2026-11-24T09:00:00.000Z");
    expect(a("code", 7)).toBe(b("code", 7));
    expect(a("code", 7)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a("code", 7)).not.toBe(a("user", 7));
    expect(a("code", 7)).not.toBe(guidsFor("another project")("code", 7));
  });

  it("names a selection by its text on one line, cut at 50 characters", () => {
    const name = (passage: string) => selectionName(passage, 0, passage.length);
    expect(name("  Safety\r\nat night ")).toBe("Safety at night");
    expect(name("😀".repeat(60))).toBe(`${"😀".repeat(50)}…`);
    expect(name(" \n ")).toBeNull();
    expect(name(`${" ".repeat(300)}late words`)).toBeNull(); // only the beginning is read
    expect(selectionName("Before the passage, then it", 20, 27)).toBe("then it");
  });
});
