/**
 * PNG chunks the export needs: the size from IHDR (to check an export) and a pHYs chunk
 * saying 300 dpi, so a word processor places a 1890 px image at 16 cm, not at the 50 cm
 * a 72 dpi default would give. PNG layout: 8-byte signature, then chunks of
 * length (4, big-endian), type (4), data, CRC-32 of type and data (4).
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

export function isPng(bytes: Uint8Array): boolean {
  return SIGNATURE.every((b, i) => bytes[i] === b);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(at);
}

/** Width and height from the IHDR chunk, which PNG puts first. */
export function pngSize(bytes: Uint8Array): { readonly width: number; readonly height: number } {
  const type = String.fromCharCode(...bytes.subarray(12, 16));
  if (!isPng(bytes) || type !== "IHDR") throw new Error("pngSize: not a PNG file");
  return { width: readUint32(bytes, 16), height: readUint32(bytes, 20) };
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

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Pixels per metre at `dpi` dots per inch (300 dpi: 11811). */
export function pixelsPerMetre(dpi: number): number {
  return Math.round(dpi / 0.0254);
}

/** The DPI a pHYs chunk gives, or null without one. */
export function pngDpi(bytes: Uint8Array): number | null {
  let at = 8;
  while (at + 8 <= bytes.length) {
    const length = readUint32(bytes, at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === "pHYs" && bytes[at + 16] === 1)
      return Math.round(readUint32(bytes, at + 8) * 0.0254);
    if (type === "IDAT" || type === "IEND") return null;
    at += 12 + length;
  }
  return null;
}

/** The PNG with a pHYs chunk for `dpi` right after IHDR (any earlier pHYs is dropped). */
export function withDpi(bytes: Uint8Array, dpi: number): Uint8Array {
  const ihdrEnd = 8 + 12 + readUint32(bytes, 8);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([112, 72, 89, 115], 4); // "pHYs"
  const ppm = pixelsPerMetre(dpi);
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  const rest = withoutChunk(bytes.subarray(ihdrEnd), "pHYs");
  const out = new Uint8Array(ihdrEnd + chunk.length + rest.length);
  out.set(bytes.subarray(0, ihdrEnd), 0);
  out.set(chunk, ihdrEnd);
  out.set(rest, ihdrEnd + chunk.length);
  return out;
}

function withoutChunk(chunks: Uint8Array, type: string): Uint8Array {
  const kept: Uint8Array[] = [];
  let at = 0;
  while (at + 8 <= chunks.length) {
    const length = readUint32(chunks, at);
    const end = at + 12 + length;
    if (String.fromCharCode(...chunks.subarray(at + 4, at + 8)) !== type) {
      kept.push(chunks.subarray(at, end));
    }
    at = end;
  }
  const out = new Uint8Array(kept.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of kept) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
