/**
 * What a .qdpx's central directory must pass before a single byte is inflated: names
 * that stay inside the archive and declared sizes that cannot exhaust memory or disk.
 * The inflated bytes are held to the declared sizes while reading (yauzl's
 * validateEntrySizes), so a lying header cannot get past these checks either.
 */
import { CairnError } from "../../../../shared/api/errors.ts";
import { quoteCell } from "../../../../shared/import/quote-cell.ts";

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

export const ZIP_LIMITS = {
  /** Sum of every entry's declared uncompressed size. */
  totalBytes: 2 * GIB,
  /** One entry's declared uncompressed size. */
  entryBytes: 1 * GIB,
  entries: 200_000,
  /** Deflate cannot beat about 1032:1; past this ratio an entry is a bomb's. */
  ratio: 1000,
  /** The ratio is only checked on entries at least this large (tiny files compress oddly). */
  ratioFrom: 10 * MIB,
} as const;

export interface DeclaredEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

/** Why a name would escape the archive's folder, or null when it stays inside. */
function unsafeEntryName(name: string): string | null {
  if (name.startsWith("/") || name.startsWith("\\")) return "is an absolute path";
  if (/^[A-Za-z]:/.test(name)) return "names a drive";
  if (name.split(/[\\/]/).some((segment) => segment === "..")) return 'climbs out with ".."';
  if (name.includes("\0")) return "holds a NUL character";
  return null;
}

export function checkEntryCount(label: string, count: number): void {
  if (count > ZIP_LIMITS.entries) {
    throw new CairnError(
      "bad_input",
      `${label} holds ${count.toLocaleString("en")} files, more than the ` +
        `${ZIP_LIMITS.entries.toLocaleString("en")} Cairn reads from a .qdpx`,
    );
  }
}

/** Checks one entry and returns the new running total of declared bytes. */
export function checkEntry(label: string, entry: DeclaredEntry, totalSoFar: number): number {
  const refuse = (problem: string) =>
    new CairnError(
      "bad_input",
      `${label} was refused: its entry ${quoteCell(entry.name, 120)} ${problem}`,
    );
  const unsafe = unsafeEntryName(entry.name);
  if (unsafe !== null) throw refuse(`${unsafe}, which could write outside the file`);
  if (entry.uncompressedSize > ZIP_LIMITS.entryBytes) {
    throw refuse(`would unpack to ${gib(entry.uncompressedSize)}, more than the 1 GiB limit`);
  }
  if (
    entry.uncompressedSize >= ZIP_LIMITS.ratioFrom &&
    entry.uncompressedSize > ZIP_LIMITS.ratio * Math.max(entry.compressedSize, 1)
  ) {
    throw refuse(
      `would unpack ${Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1))} times ` +
        "its packed size, as a zip bomb does",
    );
  }
  const total = totalSoFar + entry.uncompressedSize;
  if (total > ZIP_LIMITS.totalBytes) {
    throw new CairnError(
      "bad_input",
      `${label} was refused: its files would unpack to more than the 2 GiB limit`,
    );
  }
  return total;
}

function gib(bytes: number): string {
  return `${(bytes / GIB).toFixed(1)} GiB`;
}
