/**
 * A .qdpx opened for reading: every entry of the central directory is checked
 * (zip-safety.ts) before any is inflated, names are decoded by Cairn (yauzl's own
 * validation would fail with its own words), and every failure is one CairnError.
 */
import { open, type FileHandle } from "node:fs/promises";
import type { Readable } from "node:stream";
import yauzl from "yauzl";
import { CairnError } from "../../../../shared/api/errors.ts";
import { BlockReader } from "./block-reader.ts";
import { isSmall, readSmallEntry } from "./small-entry.ts";
import { checkEntry, checkEntryCount } from "./zip-safety.ts";
import { quoteCell } from "../../../../shared/import/quote-cell.ts";

export interface ZipEntry {
  readonly name: string;
  readonly uncompressedSize: number;
  readonly raw: yauzl.Entry;
}

export interface SafeZip {
  readonly entries: readonly ZipEntry[];
  /** The entry's inflated bytes, chunk by chunk. */
  chunks(entry: ZipEntry): AsyncIterable<Buffer>;
  read(entry: ZipEntry): Promise<Buffer>;
  close(): void;
}

export async function openSafeZip(path: string, label: string): Promise<SafeZip> {
  const { zip, reader } = await openZip(path, label);
  try {
    checkEntryCount(label, zip.entryCount);
    const entries = await readDirectory(zip, label);
    return {
      entries,
      chunks: (entry) => entryChunks(zip, entry, label),
      read: async (entry) => {
        if (isSmall(entry)) return readSmallEntry(reader, entry, label);
        const parts: Buffer[] = [];
        for await (const chunk of entryChunks(zip, entry, label)) parts.push(chunk);
        return Buffer.concat(parts);
      },
      close: () => zip.close(),
    };
  } catch (error) {
    zip.close();
    throw error;
  }
}

async function openZip(
  path: string,
  label: string,
): Promise<{ zip: yauzl.ZipFile; reader: BlockReader }> {
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, "r");
  } catch (error) {
    throw zipError(label, error);
  }
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
    size = info.size;
  } catch (error) {
    await handle.close();
    throw zipError(label, error);
  }
  const reader = new BlockReader(handle, size);
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(
      reader,
      size,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => {
        if (!error) return resolve({ zip, reader });
        void handle.close().finally(() => reject(zipError(label, error)));
      },
    );
  });
}

function readDirectory(zip: yauzl.ZipFile, label: string): Promise<ZipEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: ZipEntry[] = [];
    let total = 0;
    const fail = (error: unknown) => {
      zip.removeAllListeners();
      reject(error instanceof CairnError ? error : zipError(label, error));
    };
    zip.on("entry", (raw: yauzl.Entry) => {
      try {
        const name = entryName(raw);
        total = checkEntry(
          label,
          { name, compressedSize: raw.compressedSize, uncompressedSize: raw.uncompressedSize },
          total,
        );
        if (raw.isEncrypted()) {
          throw new CairnError(
            "bad_input",
            `${label} was refused: its entry ${quoteCell(name, 120)} is encrypted`,
          );
        }
        entries.push({ name, uncompressedSize: raw.uncompressedSize, raw });
        zip.readEntry();
      } catch (error) {
        fail(error);
      }
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", fail);
    zip.readEntry();
  });
}

/** With decodeStrings off, yauzl hands the raw name; decode it (UTF-8 flag or CP437). */
function entryName(raw: yauzl.Entry): string {
  const bytes = raw.fileName as unknown as Buffer;
  return yauzl.getFileNameLowLevel(raw.generalPurposeBitFlag, bytes, raw.extraFields, true);
}

async function* entryChunks(
  zip: yauzl.ZipFile,
  entry: ZipEntry,
  label: string,
): AsyncIterable<Buffer> {
  if (!entry.raw.canDecodeFileData()) {
    throw new CairnError(
      "bad_input",
      `${label}: ${quoteCell(entry.name, 120)} is packed with a method Cairn cannot unpack ` +
        `(${entry.raw.compressionMethod})`,
    );
  }
  let stream: Readable;
  try {
    stream = await zip.openReadStreamPromise(entry.raw);
  } catch (error) {
    throw zipError(label, error, entry.name);
  }
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (error) {
    throw zipError(label, error, entry.name);
  } finally {
    stream.destroy();
  }
}

function zipError(label: string, error: unknown, entryName?: string): CairnError {
  if (error instanceof CairnError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return new CairnError("not_found", `${label} was not found`);
  if (code === "EACCES" || code === "EPERM") {
    return new CairnError("io", `${label} could not be opened: permission denied`);
  }
  if (code === "EISDIR")
    return new CairnError("bad_input", `${label} is a folder, not a .qdpx file`);
  const reason = error instanceof Error ? error.message : String(error);
  const where = entryName === undefined ? "" : ` (in ${quoteCell(entryName, 120)})`;
  return new CairnError(
    "bad_input",
    `${label} is not a readable .qdpx (zip) file${where}: ${reason.replace(/\.$/, "")}`,
  );
}
