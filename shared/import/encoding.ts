/**
 * Which text encoding a survey export is in, judged from its first bytes. Survey tools
 * and Excel write UTF-8 (often with a byte order mark), UTF-16 with a mark ("Unicode
 * text"), or Windows-1252 on older Windows set-ups. The guess is only a default: the
 * user can name the encoding, and a wrong one shows in the preview.
 */

export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1252"] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

/** Spellings users type for each encoding ("latin1", "cp1252", "UTF8"...). */
const ALIASES: Record<string, TextEncoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "utf-8-sig": "utf-8",
  "utf-16le": "utf-16le",
  utf16le: "utf-16le",
  "utf-16": "utf-16le",
  "utf-16be": "utf-16be",
  utf16be: "utf-16be",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  "latin-1": "windows-1252",
  latin1: "windows-1252",
  "iso-8859-1": "windows-1252",
  ansi: "windows-1252",
};

export function parseEncoding(name: string): TextEncoding | null {
  return ALIASES[name.trim().toLowerCase()] ?? null;
}

export interface DetectedEncoding {
  readonly encoding: TextEncoding;
  /** Bytes of byte order mark to skip. */
  readonly bomLength: number;
}

/** Judges `sample`, the first bytes of a file (64 KiB is plenty). */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) {
    return { encoding: "utf-8", bomLength: 3 };
  }
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", bomLength: 2 };
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isUtf8(sample) ? "utf-8" : "windows-1252", bomLength: 0 };
}

/**
 * UTF-16 without a mark still shows itself in Latin-script text: every other byte is 0.
 */
function utf16WithoutBom(sample: Uint8Array): TextEncoding | null {
  const length = Math.min(sample.length, 4096) & ~1;
  if (length < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < length; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Whether the bytes are well-formed UTF-8. A sequence cut off by the end of the sample
 * still counts as well-formed: the sample is usually a prefix of the file.
 */
export function isUtf8(bytes: Uint8Array): boolean {
  return firstInvalidUtf8(bytes) === -1;
}

/**
 * Where the first byte that cannot be UTF-8 is, or -1. Continuation bytes at the very
 * start belong to a character begun before `bytes` and are skipped.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && i < 3 && ((bytes[i] as number) & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const length = byte >= 0xf0 && byte <= 0xf4 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 0;
    if (length === 0 || byte > 0xf4) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return -1;
      const next = bytes[i + k] as number;
      if ((next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}
