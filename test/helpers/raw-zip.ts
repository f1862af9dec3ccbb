/**
 * Zip files built byte by byte, for the REFI-QDA reader's tests: any entry name (yazl
 * refuses "../x" or "/abs", which is exactly what a hostile file holds), stored or
 * deflated data, and declared sizes that lie about the data.
 */
import * as zlib from "node:zlib";

export interface RawEntry {
  readonly name: string;
  readonly data: string | Uint8Array;
  /** 0 stored (the default), 8 deflated. */
  readonly method?: 0 | 8;
  /** The uncompressed size the headers declare, instead of the data's. */
  readonly declaredSize?: number;
  /** `data` is already packed as `method` says (no deflating, CRC left 0): never read. */
  readonly prepacked?: boolean;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Node's own CRC-32 where it has one (20.15 and later), else the table's. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

function crc32(bytes: Uint8Array): number {
  if (nativeCrc32 !== undefined) return nativeCrc32(bytes) >>> 0;
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

type Field = readonly [number, 2 | 4 | 8];

function header(fields: readonly Field[]): Buffer {
  const size = fields.reduce((sum, [, width]) => sum + width, 0);
  const buffer = Buffer.alloc(size);
  let at = 0;
  for (const [value, width] of fields) {
    if (width === 2) buffer.writeUInt16LE(value, at);
    else if (width === 4) buffer.writeUInt32LE(value >>> 0, at);
    else buffer.writeBigUInt64LE(BigInt(value), at);
    at += width;
  }
  return buffer;
}

/** A zip holding the entries in order (UTF-8 names, no extra fields). */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const plain =
      typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : Buffer.from(entry.data);
    const method = entry.method ?? 0;
    const packed = method === 8 && entry.prepacked !== true ? zlib.deflateRawSync(plain) : plain;
    const crc = entry.prepacked === true ? 0 : crc32(plain);
    const size = entry.declaredSize ?? plain.length;
    const common: Field[] = [
      [20, 2], // version needed
      [0x0800, 2], // flags: UTF-8 names
      [method, 2],
      [0, 2], // time
      [0x5b21, 2], // date (2025-09-01)
      [crc, 4],
      [packed.length, 4],
      [size, 4],
      [name.length, 2],
      [0, 2], // extra field length
    ];
    const local = Buffer.concat([header([[0x04034b50, 4], ...common]), name, packed]);
    const central = Buffer.concat([
      header([
        [0x02014b50, 4],
        [20, 2], // version made by
        ...common,
        [0, 2], // comment length
        [0, 2], // disk
        [0, 2], // internal attributes
        [0, 4], // external attributes
        [offset, 4],
      ]),
      name,
    ]);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  // Past 65,535 entries the count needs zip64's end records (what yazl writes then).
  const zip64 = entries.length > 0xffff;
  const zip64End = zip64
    ? header([
        [0x06064b50, 4],
        [44, 8], // size of the rest of this record
        [45, 2], // version made by
        [45, 2], // version needed
        [0, 4],
        [0, 4],
        [entries.length, 8],
        [entries.length, 8],
        [directory.length, 8],
        [offset, 8],
      ])
    : Buffer.alloc(0);
  const locator = zip64
    ? header([
        [0x07064b50, 4],
        [0, 4],
        [offset + directory.length, 8],
        [1, 4],
      ])
    : Buffer.alloc(0);
  const count = zip64 ? 0xffff : entries.length;
  const end = header([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [count, 2],
    [count, 2],
    [directory.length, 4],
    [offset, 4],
    [0, 2],
  ]);
  return Buffer.concat([...locals, directory, zip64End, locator, end]);
}
