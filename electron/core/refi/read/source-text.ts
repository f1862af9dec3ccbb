/**
 * The bytes of a source's plain text as a string: a UTF-8 BOM is dropped, UTF-16 with a
 * BOM (either byte order) is decoded as such, and bytes that are not UTF-8 are read as
 * Windows-1252 (what older Windows programs wrote), which the caller warns about.
 * Line ends stay as written: positions count them.
 */

export interface DecodedText {
  readonly text: string;
  /** The encoding read when it was not UTF-8 or UTF-16 with a BOM. */
  readonly fallback: string | null;
}

export function decodeSourceText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes.subarray(2)),
      fallback: null,
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16be(bytes.subarray(2)), fallback: null };
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    // ignoreBOM keeps a second BOM as text: only the first one is the encoding's mark.
    return {
      text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes),
      fallback: null,
    };
  } catch {
    try {
      return { text: new TextDecoder("windows-1252").decode(bytes), fallback: "Windows-1252" };
    } catch {
      return { text: Buffer.from(bytes).toString("latin1"), fallback: "Latin-1" };
    }
  }
}

function decodeUtf16be(bytes: Uint8Array): string {
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  swapped.swap16();
  return swapped.toString("utf16le");
}
