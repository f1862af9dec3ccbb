/**
 * A zip written straight to a file, entry after entry: small entries from buffers, one
 * large entry as a stream fed in chunks (deflated as it comes, sizes in a data
 * descriptor). Written by hand rather than with yazl because yazl looks for its next
 * entry from the first one every time (quadratic: 100,000 answers took 90 s) and deflates
 * every added buffer at once, each with its own zlib state. Zip64 records are added when
 * there are more than 65,535 entries or the file passes 4 GB. Every entry carries the
 * same fixed time (in UTC), so the same content gives the same bytes.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";

/** Entries from this size (bytes) on are deflated; a few hundred bytes of text gain little. */
const DEFLATE_FROM = 1024;
/** Bytes gathered before a write to the file. */
const WRITE_CHUNK = 1 << 20;

const FLAG_UTF8 = 0x0800;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const STORED = 0;
const DEFLATED = 8;
const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;

export interface StreamedEntry {
  /** Writes a chunk, waiting while the file is behind. */
  write(chunk: Buffer): Promise<void>;
  /** Finishes the entry (its data descriptor). */
  end(): Promise<void>;
}

interface CentralRecord {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

export class ZipWriter {
  private readonly file: WriteStream;
  private readonly closed: Promise<void>;
  private failure: Error | null = null;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private offset = 0;
  private readonly records: CentralRecord[] = [];
  private streaming = false;
  private readonly time: number;
  private readonly date: number;

  constructor(path: string, mtime: Date) {
    this.file = createWriteStream(path);
    this.file.on("error", (error) => (this.failure ??= error));
    this.closed = new Promise((resolve) => this.file.on("close", () => resolve()));
    this.time =
      (mtime.getUTCHours() << 11) | (mtime.getUTCMinutes() << 5) | (mtime.getUTCSeconds() >> 1);
    this.date =
      ((mtime.getUTCFullYear() - 1980) << 9) |
      ((mtime.getUTCMonth() + 1) << 5) |
      mtime.getUTCDate();
  }

  addBuffer(name: string, content: Buffer): void {
    this.assertNotStreaming();
    const deflate = content.length >= DEFLATE_FROM;
    const data = deflate ? deflateRawSync(content) : content;
    const record: CentralRecord = {
      name: Buffer.from(name, "utf8"),
      flags: FLAG_UTF8,
      method: deflate ? DEFLATED : STORED,
      crc: crc32(content),
      compressedSize: data.length,
      size: content.length,
      offset: this.offset,
    };
    this.push(this.localHeader(record));
    this.push(data);
    this.records.push(record);
  }

  /** An entry written in chunks; no other entry may be added until it ends. */
  addStream(name: string): StreamedEntry {
    this.assertNotStreaming();
    this.streaming = true;
    const offset = this.offset;
    const nameBytes = Buffer.from(name, "utf8");
    const flags = FLAG_UTF8 | FLAG_DATA_DESCRIPTOR;
    this.push(
      this.localHeader({
        name: nameBytes,
        flags,
        method: DEFLATED,
        crc: 0,
        compressedSize: 0,
        size: 0,
        offset,
      }),
    );
    const deflate = createDeflateRaw();
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    deflate.on("data", (out: Buffer) => {
      compressedSize += out.length;
      this.push(out);
    });
    deflate.on("error", (error) => (this.failure ??= error));
    return {
      write: async (chunk) => {
        this.throwIfFailed();
        crc = crc32(chunk, crc);
        size += chunk.length;
        // Let zlib catch up, then the file.
        if (!deflate.write(chunk)) await once(deflate, "drain");
        await this.drain();
      },
      end: async () => {
        const ended = once(deflate, "end");
        deflate.end();
        await ended;
        if (size > U32_MAX || compressedSize > U32_MAX) {
          throw new Error(`${name} passes 4 GB, more than a zip entry here can hold`);
        }
        const descriptor = Buffer.alloc(16);
        descriptor.writeUInt32LE(0x08074b50, 0);
        descriptor.writeUInt32LE(crc, 4);
        descriptor.writeUInt32LE(compressedSize, 8);
        descriptor.writeUInt32LE(size, 12);
        this.push(descriptor);
        this.records.push({
          name: nameBytes,
          flags,
          method: DEFLATED,
          crc,
          compressedSize,
          size,
          offset,
        });
        this.streaming = false;
        await this.drain();
      },
    };
  }

  /** Writes what has gathered once it passes the chunk size, waiting while the file is behind. */
  async settle(): Promise<void> {
    if (this.pendingBytes >= WRITE_CHUNK) await this.drain();
    this.throwIfFailed();
  }

  /** The central directory and its end records, then closes the file. */
  async finish(): Promise<void> {
    this.assertNotStreaming();
    const start = this.offset;
    for (const record of this.records) this.push(this.centralHeader(record));
    this.pushEnd(start, this.offset - start);
    await this.drain(true);
    this.file.end();
    await this.closed;
    this.throwIfFailed();
  }

  /** Stops writing (on a failure or a cancel) and waits until the file is closed. */
  async abort(): Promise<void> {
    this.pending = [];
    this.file.destroy();
    await this.closed;
  }

  private push(bytes: Buffer): void {
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.offset += bytes.length;
  }

  private async drain(all = false): Promise<void> {
    this.throwIfFailed();
    if (this.pendingBytes === 0 || (!all && this.pendingBytes < WRITE_CHUNK)) return;
    const chunk = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.file.write(chunk)) await Promise.race([once(this.file, "drain"), this.closed]);
    this.throwIfFailed();
  }

  private localHeader(record: CentralRecord): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(record.flags, 6);
    header.writeUInt16LE(record.method, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    header.writeUInt32LE(record.crc, 14);
    header.writeUInt32LE(record.compressedSize, 18);
    header.writeUInt32LE(record.size, 22);
    header.writeUInt16LE(record.name.length, 26);
    header.writeUInt16LE(0, 28);
    return Buffer.concat([header, record.name]);
  }

  private centralHeader(record: CentralRecord): Buffer {
    // Only the offset can pass 4 GB (entry sizes are checked): then it goes in a zip64 field.
    const far = record.offset > U32_MAX;
    const extra = Buffer.alloc(far ? 12 : 0);
    if (far) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(record.offset), 4);
    }
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE((3 << 8) | (far ? 45 : 20), 4); // made by: Unix
    header.writeUInt16LE(far ? 45 : 20, 6);
    header.writeUInt16LE(record.flags, 8);
    header.writeUInt16LE(record.method, 10);
    header.writeUInt16LE(this.time, 12);
    header.writeUInt16LE(this.date, 14);
    header.writeUInt32LE(record.crc, 16);
    header.writeUInt32LE(record.compressedSize, 20);
    header.writeUInt32LE(record.size, 24);
    header.writeUInt16LE(record.name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt16LE(0, 32); // comment
    header.writeUInt16LE(0, 34); // disk
    header.writeUInt16LE(0, 36); // internal attributes
    header.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    header.writeUInt32LE(far ? U32_MAX : record.offset, 42);
    return Buffer.concat([header, record.name, extra]);
  }

  private pushEnd(start: number, size: number): void {
    const count = this.records.length;
    const zip64 = count >= U16_MAX || start >= U32_MAX || size >= U32_MAX;
    if (zip64) {
      const end64 = Buffer.alloc(56);
      end64.writeUInt32LE(0x06064b50, 0);
      end64.writeBigUInt64LE(44n, 4); // the record's size after this field
      end64.writeUInt16LE((3 << 8) | 45, 12);
      end64.writeUInt16LE(45, 14);
      end64.writeUInt32LE(0, 16);
      end64.writeUInt32LE(0, 20);
      end64.writeBigUInt64LE(BigInt(count), 24);
      end64.writeBigUInt64LE(BigInt(count), 32);
      end64.writeBigUInt64LE(BigInt(size), 40);
      end64.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeUInt32LE(0, 4);
      locator.writeBigUInt64LE(BigInt(start + size), 8);
      locator.writeUInt32LE(1, 16);
      this.push(end64);
      this.push(locator);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0, 4);
    end.writeUInt16LE(0, 6);
    end.writeUInt16LE(zip64 ? U16_MAX : count, 8);
    end.writeUInt16LE(zip64 ? U16_MAX : count, 10);
    end.writeUInt32LE(zip64 ? U32_MAX : size, 12);
    end.writeUInt32LE(zip64 ? U32_MAX : start, 16);
    end.writeUInt16LE(0, 20);
    this.push(end);
  }

  private assertNotStreaming(): void {
    this.throwIfFailed();
    if (this.streaming) throw new Error("ZipWriter: an entry is still being streamed");
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
