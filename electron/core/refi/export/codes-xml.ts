/**
 * The code tree as REFI-QDA `<Codes>`, shared by the project (.qdpx) and the codebook
 * (.qdc): every code codable, with its colour and its codebook entry as the description.
 */
import { codeDescriptionText } from "../../../../shared/refi/code-description.ts";
import type { ExportCode } from "../../db/refi-export-read.ts";
import type { GuidOf } from "./guids.ts";
import type { XmlWriter } from "./xml-writer.ts";

/**
 * Writes `<Codes>` (the caller checks there is at least one code: the schemas want one).
 * `noteGuids` (project only: the codebook schema has no NoteRef) are a code's memos.
 */
export function writeCodes(
  writer: XmlWriter,
  codes: readonly ExportCode[],
  guid: GuidOf,
  noteGuids: ReadonlyMap<number, readonly string[]> = new Map(),
): void {
  const children = new Map<number | null, ExportCode[]>();
  for (const code of codes) {
    const siblings = children.get(code.parentId);
    if (siblings) siblings.push(code);
    else children.set(code.parentId, [code]);
  }
  const write = (code: ExportCode): void => {
    writer.open("Code", {
      guid: guid("code", code.id),
      name: code.name,
      isCodable: "true",
      color: /^#[0-9a-f]{6}$/i.test(code.color) ? code.color.toLowerCase() : null,
    });
    const description = codeDescriptionText(code);
    if (description !== "") writer.element("Description", description);
    for (const note of noteGuids.get(code.id) ?? []) writer.empty("NoteRef", { targetGUID: note });
    for (const child of children.get(code.id) ?? []) write(child);
    writer.close("Code");
  };
  writer.open("Codes");
  for (const top of children.get(null) ?? []) write(top);
  writer.close("Codes");
}
