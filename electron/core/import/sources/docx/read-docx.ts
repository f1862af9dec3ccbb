/**
 * One Word file read into its body paragraphs, in reading order, with what the
 * questionnaire reader needs of each: text, heading or title style, ordered Word list and
 * whether it sits in a table.
 * Files that are not .docx (old .doc, Word's lock files, damaged zips) fail here with a
 * sentence naming the file.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import mammoth from "mammoth";
import { badInput } from "./bad-input.ts";

/** A body paragraph in reading order; table cells give paragraphs of their own. */
export interface Paragraph {
  readonly text: string;
  readonly kind: "heading" | "title" | "body";
  /**
   * mammoth's numbering level of an ordered Word list, or null. mammoth hands out one
   * object per list definition and level, so the same object means the same list.
   */
  readonly list: object | null;
  readonly inTable: boolean;
}

/** The parts of mammoth's document model that are read here. */
interface MammothElement {
  readonly type: string;
  readonly children?: readonly MammothElement[];
  readonly value?: string;
  readonly styleName?: string | null;
  readonly styleId?: string | null;
  readonly numbering?: { readonly isOrdered?: boolean } | null;
  readonly breakType?: string;
  readonly checked?: boolean;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readParagraphs(path: string): Promise<Paragraph[]> {
  const name = basename(path);
  const bytes = await readBytes(path, name);
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw badInput(`${name} is an old Word .doc file: save it as .docx in Word first`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw badInput(
      name.startsWith("~$")
        ? `${name} is a lock file Word keeps while a document is open, not a questionnaire`
        : `${name} is not a Word .docx file`,
    );
  }
  let body: MammothElement | undefined;
  try {
    // Only the document model is needed: mammoth gets an empty body to turn into HTML.
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument: (document: MammothElement) => {
          body = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch {
    body = undefined;
  }
  if (body === undefined) throw badInput(`${name} is damaged or is not a Word .docx file`);
  const paragraphs: Paragraph[] = [];
  collectParagraphs(body, false, paragraphs);
  return paragraphs;
}

async function readBytes(path: string, name: string): Promise<Buffer> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw badInput(missing ? `${name} does not exist` : `${name} could not be read`);
  }
  if (isDirectory) throw badInput(`${name} is a folder, not a Word file`);
  try {
    return await readFile(path);
  } catch {
    throw badInput(`${name} could not be read`);
  }
}

function collectParagraphs(element: MammothElement, inTable: boolean, out: Paragraph[]): void {
  for (const child of element.children ?? []) {
    if (child.type === "paragraph") out.push(paragraphOf(child, inTable));
    else if (child.type === "tableRow") collectRow(child, out);
    else collectParagraphs(child, inTable || child.type === "table", out);
  }
}

/** A two-cell row "Label:" | "value" reads as one "Label: value" line, as forms mean it. */
function collectRow(row: MammothElement, out: Paragraph[]): void {
  const cells = (row.children ?? []).map((cell) => {
    const paragraphs: Paragraph[] = [];
    collectParagraphs(cell, true, paragraphs);
    return paragraphs;
  });
  const [label, value] = cells.map((cell) => cell.map((p) => p.text).join("\n"));
  if (cells.length === 2 && label?.endsWith(":") && !label.includes("\n")) {
    out.push({ text: `${label} ${value ?? ""}`.trim(), kind: "body", list: null, inTable: true });
  } else {
    out.push(...cells.flat());
  }
}

function paragraphOf(element: MammothElement, inTable: boolean): Paragraph {
  const style = element.styleName ?? element.styleId ?? "";
  const heading = /^heading ?[1-6]$/i.test(style);
  const kind = heading ? "heading" : /^title$/i.test(style) ? "title" : "body";
  const list = element.numbering?.isOrdered ? element.numbering : null;
  return { text: textOf(element).trim(), kind, list, inTable };
}

function textOf(element: MammothElement): string {
  switch (element.type) {
    case "text":
      return element.value ?? "";
    case "tab":
      return "\t";
    case "break":
      return element.breakType === "line" ? "\n" : "";
    case "checkbox":
      return element.checked ? "☒" : "☐";
    default:
      return (element.children ?? []).map(textOf).join("");
  }
}
