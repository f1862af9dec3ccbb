import { writeFileSync } from "node:fs";
import JSZip from "jszip";

/**
 * Minimal but valid Word files for tests, the parts Word itself writes for a plain
 * document: content types, package and document relationships, the body, the styles
 * mammoth maps by name ("heading 1", "Title") and, when needed, one numbering part.
 */

export interface DocxParagraph {
  /** "\n" becomes a line break inside the paragraph, "\t" a tab. */
  readonly text: string;
  readonly style?: "Heading1" | "Heading2" | "Title";
  /**
   * Word auto-numbering: `true` is the document's main list; a number picks another,
   * separately defined list (as Word makes for a list typed inside an answer).
   */
  readonly numbered?: boolean | number;
}

/** A table, one string per cell; cells hold one paragraph each ("\n" breaks lines). */
export interface DocxTable {
  readonly table: readonly (readonly string[])[];
}

export type DocxBlock = DocxParagraph | DocxTable;

const MAIN_LIST = 1;

export async function writeDocx(path: string, blocks: readonly DocxBlock[]): Promise<void> {
  writeFileSync(path, await docxBytes(blocks));
}

export async function docxBytes(blocks: readonly DocxBlock[]): Promise<Buffer> {
  const lists = listIds(blocks);
  const zip = new JSZip();
  zip.file("[Content_Types].xml", contentTypes(lists.length > 0));
  zip.file("_rels/.rels", PACKAGE_RELS);
  zip.file("word/_rels/document.xml.rels", documentRels(lists.length > 0));
  zip.file("word/document.xml", documentXml(blocks));
  zip.file("word/styles.xml", STYLES);
  if (lists.length > 0) zip.file("word/numbering.xml", numberingXml(lists));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function listIds(blocks: readonly DocxBlock[]): number[] {
  const ids = new Set<number>();
  for (const block of blocks) {
    if ("text" in block && block.numbered !== undefined && block.numbered !== false) {
      ids.add(block.numbered === true ? MAIN_LIST : block.numbered);
    }
  }
  return [...ids].sort((a, b) => a - b);
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function contentTypes(withNumbering: boolean): string {
  const part = (name: string, type: string) =>
    `<Override PartName="/word/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`;
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    part("document", "document.main") +
    part("styles", "styles") +
    (withNumbering ? part("numbering", "numbering") : "") +
    "</Types>"
  );
}

const PACKAGE_RELS =
  XML_DECL +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="word/document.xml"/>` +
  "</Relationships>";

function documentRels(withNumbering: boolean): string {
  return (
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    (withNumbering
      ? `<Relationship Id="rId2" Type="${REL_NS}/numbering" Target="numbering.xml"/>`
      : "") +
    "</Relationships>"
  );
}

function documentXml(blocks: readonly DocxBlock[]): string {
  const body = blocks.map((block) => ("text" in block ? paragraph(block) : table(block)));
  return (
    XML_DECL +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${REL_NS}"><w:body>` +
    body.join("") +
    '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>' +
    "</w:body></w:document>"
  );
}

function paragraph(block: DocxParagraph): string {
  const properties: string[] = [];
  if (block.style) properties.push(`<w:pStyle w:val="${block.style}"/>`);
  if (block.numbered !== undefined && block.numbered !== false) {
    const numId = block.numbered === true ? MAIN_LIST : block.numbered;
    properties.push(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr>`);
  }
  const pPr = properties.length > 0 ? `<w:pPr>${properties.join("")}</w:pPr>` : "";
  return `<w:p>${pPr}${run(block.text)}</w:p>`;
}

/** One run; line breaks and tabs are elements of their own between text pieces. */
function run(text: string): string {
  if (text === "") return "";
  const pieces = text.split(/(\n|\t)/).map((piece) => {
    if (piece === "\n") return "<w:br/>";
    if (piece === "\t") return "<w:tab/>";
    return piece === "" ? "" : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`;
  });
  return `<w:r>${pieces.join("")}</w:r>`;
}

function table(block: DocxTable): string {
  const columns = Math.max(1, ...block.table.map((row) => row.length));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="3000"/>'.repeat(columns)}</w:tblGrid>`;
  const rows = block.table.map(
    (row) => `<w:tr>${row.map((cell) => `<w:tc><w:p>${run(cell)}</w:p></w:tc>`).join("")}</w:tr>`,
  );
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${rows.join("")}</w:tbl>`;
}

function style(id: string, name: string, extra = ""): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>` +
    `<w:basedOn w:val="Normal"/><w:qFormat/>${extra}</w:style>`
  );
}

const STYLES =
  XML_DECL +
  `<w:styles xmlns:w="${W_NS}">` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  style("Heading1", "heading 1", '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>') +
  style("Heading2", "heading 2", '<w:pPr><w:outlineLvl w:val="1"/></w:pPr>') +
  style("Title", "Title") +
  style("ListParagraph", "List Paragraph") +
  "</w:styles>";

function numberingXml(lists: readonly number[]): string {
  const abstract = (id: number) =>
    `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>` +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>' +
    '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>';
  const num = (id: number) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`;
  return (
    XML_DECL +
    `<w:numbering xmlns:w="${W_NS}">` +
    lists.map(abstract).join("") +
    lists.map(num).join("") +
    "</w:numbering>"
  );
}
