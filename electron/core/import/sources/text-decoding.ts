/**
 * Turning a text file's bytes into text, with messages that say where a wrong encoding
 * shows: the line and byte of the first thing that cannot be, say, UTF-8.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { TextDecoder } from "node:util";
import { CairnError } from "../../../../shared/api/errors.ts";
import { firstInvalidUtf8, type TextEncoding } from "../../../../shared/import/encoding.ts";

export interface DecodeSettings {
  readonly encoding: TextEncoding;
  readonly name: string;
}

export function decode(
  decoder: TextDecoder,
  bytes: Uint8Array,
  stream: boolean,
  settings: DecodeSettings,
  offset: number,
  path: string,
): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    const index = settings.encoding === "utf-8" ? firstInvalidUtf8(bytes) : -1;
    const where =
      index >= 0
        ? `at line ${lineAtByte(path, offset + index)} (byte ${offset + index})`
        : `near byte ${offset}`;
    throw new CairnError(
      "bad_input",
      `${settings.name} is not valid ${settings.encoding.toUpperCase()} ${where}; ` +
        "choose its encoding, e.g. windows-1252",
    );
  }
}

/** The 1-based line a byte is on, counting line feeds before it (only for a message). */
function lineAtByte(path: string, offset: number): number {
  const fd = openSync(path, "r");
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    let line = 1;
    for (let at = 0; at < offset;) {
      const read = readSync(fd, buffer, 0, Math.min(buffer.length, offset - at), at);
      if (read === 0) break;
      for (let i = 0; i < read; i++) if (buffer[i] === 0x0a) line++;
      at += read;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}

export function decodeSample(sample: Uint8Array, encoding: TextEncoding, name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
  } catch {
    throw new CairnError(
      "bad_input",
      `${name} is not valid ${encoding.toUpperCase()}; choose its encoding, e.g. windows-1252`,
    );
  }
}
