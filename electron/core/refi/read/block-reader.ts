/**
 * The file reader under yauzl. Its own reads the central directory with two tiny
 * fs.read calls per entry and opens a file stream per entry: a .qdpx of 100,000 answers
 * would take half a minute. This one serves small reads from one cached block, read
 * ahead, so walking the directory and then the entries in file order costs a few large
 * reads; large entries still stream from the file.
 */
import type { FileHandle } from "node:fs/promises";
import { PassThrough, Readable } from "node:stream";
import yauzl from "yauzl";

const BLOCK = 256 * 1024;

export class BlockReader extends yauzl.RandomAccessReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {
    super();
  }

  /**
   * Reads through the FileHandle, never its bare fd: the handle counts reads in flight
   * and its close waits for them, where an `fs.read(fd)` still queued when the zip closes
   * fails with EBADF (or, once the number is reused, reads another file).
   */
  private readAt(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead?: number) => void,
  ): void {
    // The callback runs outside the promise, as fs.read's would: what it throws is not
    // swallowed into a rejection nobody handles.
    this.handle.read(buffer, offset, length, position).then(
      ({ bytesRead }) => process.nextTick(callback, null, bytesRead),
      (error: unknown) =>
        process.nextTick(callback, error instanceof Error ? error : new Error(String(error))),
    );
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (error: Error | null, bytesRead?: number) => void,
  ): void {
    const done = (error: Error | null, bytesRead?: number) =>
      queueMicrotask(() => callback(error, bytesRead));
    if (this.cached(position, length)) {
      this.block.copy(
        buffer,
        offset,
        position - this.blockStart,
        position - this.blockStart + length,
      );
      done(null, length);
      return;
    }
    if (length > BLOCK / 2) {
      this.readAt(buffer, offset, length, position, callback);
      return;
    }
    const want = Math.min(BLOCK, Math.max(this.size - position, 0));
    const block = Buffer.allocUnsafe(want);
    this.readAt(block, 0, want, position, (error, bytesRead = 0) => {
      if (error) return callback(error);
      this.block = block.subarray(0, bytesRead);
      this.blockStart = position;
      const copied = Math.min(length, bytesRead);
      this.block.copy(buffer, offset, 0, copied);
      callback(null, copied);
    });
  }

  override _readStreamForRange(start: number, end: number): Readable {
    if (end - start <= BLOCK / 2) {
      const stream = new PassThrough();
      const buffer = Buffer.allocUnsafe(end - start);
      this.read(buffer, 0, buffer.length, start, (error, bytesRead) => {
        if (error) stream.destroy(error);
        else stream.end(buffer.subarray(0, bytesRead));
      });
      return stream;
    }
    return Readable.from(this.chunks(start, end), { objectMode: false });
  }

  override close(callback: (error: Error | null) => void): void {
    this.handle.close().then(
      () => callback(null),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }

  /** A large range in block-sized chunks, read straight from the file (not cached). */
  private async *chunks(start: number, end: number): AsyncGenerator<Buffer> {
    for (let at = start; at < end;) {
      const want = Math.min(BLOCK, end - at);
      const { bytesRead, buffer } = await this.handle.read(Buffer.allocUnsafe(want), 0, want, at);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
      at += bytesRead;
    }
  }

  private cached(position: number, length: number): boolean {
    return position >= this.blockStart && position + length <= this.blockStart + this.block.length;
  }
}
