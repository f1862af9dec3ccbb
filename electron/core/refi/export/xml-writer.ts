/**
 * Writing XML text by hand, in chunks. Escaping keeps every character a parser would
 * otherwise change: `&`, `<`, `>` and `"` always; a CR as `&#13;` (a parser turns a raw
 * CR or CRLF into LF); in attributes also tab and LF (a parser turns them into spaces).
 * Characters XML 1.0 cannot hold at all (C0 controls other than tab, LF and CR, lone
 * surrogates, U+FFFE and U+FFFF) become U+FFFD and are counted, so the export can say so.
 */

/** Anything that needs escaping or replacing; a surrogate pair is matched whole. */
const SPECIAL =
  // eslint-disable-next-line no-control-regex
  /[\ud800-\udbff][\udc00-\udfff]|[&<>"\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g;

const REPLACEMENT = "\ufffd";

export class XmlEscaper {
  /** Characters XML cannot hold, replaced by U+FFFD so far. */
  replaced = 0;

  /** Text content: `&`, `<`, `>` and CR escaped (quotes and tabs may stay). */
  text(value: string): string {
    return this.escape(value, false);
  }

  /** An attribute value in double quotes: also `"`, tab and LF escaped. */
  attr(value: string): string {
    return this.escape(value, true);
  }

  private escape(value: string, inAttribute: boolean): string {
    SPECIAL.lastIndex = 0;
    if (!SPECIAL.test(value)) return value;
    SPECIAL.lastIndex = 0;
    return value.replace(SPECIAL, (char) => {
      if (char.length === 2) return char;
      switch (char) {
        case "&":
          return "&amp;";
        case "<":
          return "&lt;";
        case ">":
          return "&gt;";
        case "\r":
          return "&#13;";
        case '"':
          return inAttribute ? "&quot;" : char;
        case "\t":
          return inAttribute ? "&#9;" : char;
        case "\n":
          return inAttribute ? "&#10;" : char;
        default:
          this.replaced++;
          return REPLACEMENT;
      }
    });
  }
}

/** The export's warning for `replaced` characters, or none when there were none. */
export function replacedWarnings(replaced: number): string[] {
  if (replaced === 0) return [];
  const noun = replaced === 1 ? "character XML cannot hold was" : "characters XML cannot hold were";
  return [`${replaced.toLocaleString("en")} ${noun} replaced by \ufffd`];
}

/** Where finished chunks of the document go (a zip entry's stream, or a buffer). */
export type XmlSink = (chunk: Buffer) => Promise<void>;

/**
 * A document written piece by piece: pieces gather until about `chunkBytes`, then go to
 * the sink as one UTF-8 buffer, so a large project never becomes one giant string.
 */
export class XmlWriter {
  readonly escape = new XmlEscaper();
  private pieces: string[] = [];
  private length = 0;

  constructor(
    private readonly sink: XmlSink,
    private readonly chunkBytes = 1 << 20,
  ) {}

  /** Raw markup (already escaped). */
  raw(markup: string): void {
    this.pieces.push(markup);
    this.length += markup.length;
  }

  /** `<Name a="1" b="2">` or, with `selfClosing`, `<Name a="1"/>`; null attributes are left out. */
  open(
    name: string,
    attributes: Readonly<Record<string, string | number | null | undefined>> = {},
    selfClosing = false,
  ): void {
    let markup = `<${name}`;
    for (const [key, value] of Object.entries(attributes)) {
      if (value === null || value === undefined) continue;
      markup += ` ${key}="${typeof value === "number" ? String(value) : this.escape.attr(value)}"`;
    }
    this.raw(markup + (selfClosing ? "/>" : ">"));
  }

  empty(name: string, attributes: Readonly<Record<string, string | number | null>>): void {
    this.open(name, attributes, true);
  }

  close(name: string): void {
    this.raw(`</${name}>`);
  }

  /** `<Name>text</Name>`. */
  element(name: string, text: string): void {
    this.raw(`<${name}>${this.escape.text(text)}</${name}>`);
  }

  /** Hands the gathered pieces on once they pass the chunk size. */
  async maybeFlush(): Promise<void> {
    if (this.length >= this.chunkBytes) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pieces.length === 0) return;
    const chunk = Buffer.from(this.pieces.join(""), "utf8");
    this.pieces = [];
    this.length = 0;
    await this.sink(chunk);
  }
}

/** An ISO date-time as xsd:dateTime, or null when it is not one (the attribute is left out). */
export function xsdDateTime(value: string | null | undefined): string | null {
  if (!value) return null;
  return /^-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/.test(value) ? value : null;
}
