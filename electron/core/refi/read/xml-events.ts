/**
 * Streaming XML for REFI-QDA files, on saxes. Elements are matched by local name only
 * (namespaces vary between programs); each element gets a Frame from its parent's
 * frame, and an element no frame asks for is skipped with everything inside it.
 * Safety: a DOCTYPE that declares entities is refused before any entity is met, and
 * saxes resolves nothing beyond the five predefined entities and character references.
 */
import { TextDecoder } from "node:util";
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";
import { CairnError } from "../../../../shared/api/errors.ts";
import { quoteCell } from "../../../../shared/import/quote-cell.ts";

/** Unprefixed attributes by local name. */
export type Attributes = Readonly<Record<string, string>>;

export interface Frame {
  /** The frame of a child element; undefined skips it and its content. */
  readonly child?: (name: string, attributes: Attributes) => Frame | undefined;
  /** Whether the element's text is gathered for `end`. */
  readonly text?: boolean;
  readonly end?: (text: string) => void;
}

export interface RootElement {
  readonly name: string;
  readonly namespace: string;
  readonly attributes: Attributes;
}

/** The frame of the document's root element (it may throw a CairnError to refuse it). */
export type RootFrame = (root: RootElement) => Frame;

const SKIP: Frame = {};

/**
 * Deeper than any real file (codes past 20 levels are left out anyway). saxes looks a
 * namespace up through every open element, so a file nesting 100,000 elements would
 * take minutes: this bounds the work per element.
 */
const MAX_DEPTH = 256;

export async function parseXml(
  label: string,
  chunks: AsyncIterable<Uint8Array>,
  rootFrame: RootFrame,
): Promise<void> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: { frame: Frame; text: string[] | null }[] = [];
  let failure: unknown = null;
  const stop = (error: unknown) => {
    failure ??= error;
  };

  parser.on("doctype", (doctype) => {
    if (/<!ENTITY/i.test(doctype)) {
      throw new CairnError(
        "bad_input",
        `${label} declares XML entities, which Cairn never reads (they can pull in other files)`,
      );
    }
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    if (stack.length >= MAX_DEPTH) {
      throw new CairnError(
        "bad_input",
        `${label} nests its XML more than ${MAX_DEPTH} elements deep, which no REFI-QDA ` +
          "program writes; Cairn reads no deeper",
      );
    }
    const attributes = attributesOf(tag.attributes);
    const parent = stack.at(-1);
    const frame =
      parent === undefined
        ? rootFrame({ name: tag.local, namespace: tag.uri, attributes })
        : (parent.frame.child?.(tag.local, attributes) ?? SKIP);
    stack.push({ frame, text: frame.text === true ? [] : null });
  });
  parser.on("text", (text) => stack.at(-1)?.text?.push(text));
  parser.on("cdata", (text) => stack.at(-1)?.text?.push(text));
  parser.on("closetag", () => {
    const closing = stack.pop();
    closing?.frame.end?.(closing.text?.join("") ?? "");
  });
  parser.on("error", (error) => {
    throw error;
  });

  try {
    for await (const text of decodedChunks(label, chunks)) {
      parser.write(text);
      if (failure !== null) break;
    }
    if (failure === null) parser.close();
  } catch (error) {
    stop(error);
  }
  if (failure !== null) throw xmlError(label, failure);
}

function attributesOf(raw: Record<string, SaxesAttributeNS>): Attributes {
  const attributes: Record<string, string> = {};
  for (const attribute of Object.values(raw)) {
    if (attribute.prefix === "" && attribute.local !== "xmlns") {
      attributes[attribute.local] = attribute.value;
    }
  }
  return attributes;
}

/**
 * Decodes by the byte order mark or the first bytes (UTF-16 either way), else by the
 * encoding the XML declaration names (ISO-8859-1, Windows-1252…), else as UTF-8. The
 * decoder drops the BOM, which would otherwise stand before the XML declaration.
 */
async function* decodedChunks(
  label: string,
  chunks: AsyncIterable<Uint8Array>,
): AsyncIterable<string> {
  let decoder: TextDecoder | null = null;
  let head: Uint8Array = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (decoder !== null) {
      yield decoder.decode(chunk, { stream: true });
      continue;
    }
    head = concat(head, chunk);
    const encoding = encodingOf(label, head, false);
    if (encoding === null) continue;
    decoder = new TextDecoder(encoding);
    yield decoder.decode(head, { stream: true });
  }
  if (decoder === null) {
    // A short document: decode what there is (saxes refuses what is not XML).
    decoder = new TextDecoder(encodingOf(label, head, true) ?? "utf-8");
    yield decoder.decode(head, { stream: true });
  }
  yield decoder.decode();
}

/** Bytes enough to hold any XML declaration. */
const DECLARATION_BYTES = 512;

/** The encoding of a document from its first bytes; null while more bytes are needed. */
function encodingOf(label: string, head: Uint8Array, complete: boolean): string | null {
  if (head.length < 4 && !complete) return null;
  const [a, b, c, d] = head;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0)) {
    return "utf-16le";
  }
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f)) {
    return "utf-16be";
  }
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  // Bytes that read as ASCII: the declaration, if any, names the encoding.
  const text = Buffer.from(head.subarray(0, DECLARATION_BYTES)).toString("latin1");
  if (!text.startsWith("<?xml")) return "utf-8";
  const end = text.indexOf("?>");
  if (end === -1 && !complete && head.length < DECLARATION_BYTES) return null;
  const declared = /\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text.slice(0, end))?.[1];
  return declared === undefined ? "utf-8" : declaredEncoding(label, declared);
}

/**
 * What a declared encoding means for bytes that read as ASCII: "UTF-16" there is a
 * program's mislabel of UTF-8 (the bytes would have a BOM or zeros), and any other
 * encoding the runtime knows is read as declared.
 */
function declaredEncoding(label: string, declared: string): string {
  if (/^utf-?(8|16)/i.test(declared)) return "utf-8";
  try {
    return new TextDecoder(declared).encoding;
  } catch {
    throw new CairnError(
      "bad_input",
      `${label} declares the encoding ${quoteCell(declared)}, which Cairn cannot read; ` +
        "save it as UTF-8 and try again",
    );
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

function xmlError(label: string, error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  if (/undefined entity/i.test(reason)) {
    return new CairnError(
      "bad_input",
      `${label} uses an XML entity Cairn does not know (${reason.replace(/\.$/, "")}); ` +
        "Cairn never reads entities other than the five XML defines",
    );
  }
  return new CairnError(
    "bad_input",
    `${label} is not well-formed XML: ${reason.replace(/\.$/, "")}`,
  );
}
