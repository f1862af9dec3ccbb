/**
 * A small entry (a survey answer's text) read in one go: a stream per entry (yauzl's
 * way) costs more than the inflating when there are 100,000 of them. The same guards
 * hold: the inflated size may not pass the declared one (zlib stops at the limit), and
 * must reach it.
 */
import { inflateRawSync } from "node:zlib";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { BlockReader } from "./block-reader.ts";
import type { ZipEntry } from "./zip-read.ts";
import { quoteCell } from "../../../../shared/import/quote-cell.ts";

const SMALL = 256 * 1024;
const LOCAL_HEADER = 30;

export function isSmall(entry: ZipEntry): boolean {
  const raw = entry.raw;
  return (
    raw.compressedSize <= SMALL &&
    raw.uncompressedSize <= 64 * SMALL &&
    (raw.compressionMethod === 0 || raw.compressionMethod === 8) &&
    !raw.isEncrypted()
  );
}

export async function readSmallEntry(
  reader: BlockReader,
  entry: ZipEntry,
  label: string,
): Promise<Buffer> {
  const damaged = (problem: string) =>
    new CairnError(
      "bad_input",
      `${label} is not a readable .qdpx (zip) file (in ${quoteCell(entry.name, 120)}): ${problem}`,
    );
  const raw = entry.raw;
  let header: Buffer;
  let packed: Buffer;
  try {
    header = await readAt(reader, raw.relativeOffsetOfLocalHeader, LOCAL_HEADER);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  if (header.length < LOCAL_HEADER || header.readUInt32LE(0) !== 0x04034b50) {
    throw damaged("invalid local file header");
  }
  const dataStart =
    raw.relativeOffsetOfLocalHeader +
    LOCAL_HEADER +
    header.readUInt16LE(26) +
    header.readUInt16LE(28);
  try {
    packed = await readAt(reader, dataStart, raw.compressedSize);
  } catch (error) {
    throw damaged(error instanceof Error ? error.message : String(error));
  }
  if (packed.length < raw.compressedSize) throw damaged("unexpected end of file");
  if (raw.compressionMethod === 0) return packed;
  let inflated: Buffer;
  try {
    // One byte past the declared size is enough to know it lies; zlib stops there.
    inflated = inflateRawSync(packed, { maxOutputLength: Math.max(raw.uncompressedSize, 1) + 1 });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw damaged(
      /exceed|maxOutputLength|buffer/i.test(reason) ? "too many bytes in the stream" : reason,
    );
  }
  if (inflated.length > raw.uncompressedSize) throw damaged("too many bytes in the stream");
  if (inflated.length < raw.uncompressedSize) throw damaged("not enough bytes in the stream");
  return inflated;
}

function readAt(reader: BlockReader, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  if (length === 0) return Promise.resolve(buffer);
  return new Promise((resolve, reject) => {
    reader.read(buffer, 0, length, position, (error, bytesRead) => {
      if (error) reject(error);
      else resolve(buffer.subarray(0, bytesRead ?? 0));
    });
  });
}
