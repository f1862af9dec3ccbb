/**
 * Mutations of a file's bytes: flipped bytes, a file cut off at a random point, random
 * bytes inserted, and invalid UTF-8 spliced in: what a bad disk, an interrupted download
 * or a careless tool makes of a file.
 */
import { hostileBytes } from "./hostile.ts";
import type { Prng } from "./prng.ts";

export const BYTE_MUTATIONS = ["flip", "truncate", "insert", "invalid utf-8"] as const;
export type ByteMutation = (typeof BYTE_MUTATIONS)[number];

export function mutateBytes(prng: Prng, bytes: Uint8Array, how: ByteMutation): Buffer {
  switch (how) {
    case "flip": {
      const copy = Buffer.from(bytes);
      const flips = prng.int(1, 8);
      for (let i = 0; i < flips && copy.length > 0; i++) {
        copy[prng.int(0, copy.length - 1)] = prng.int(0, 255);
      }
      return copy;
    }
    case "truncate":
      return Buffer.from(bytes.subarray(0, prng.int(0, Math.max(0, bytes.length - 1))));
    case "insert":
      return splice(prng, bytes, prng.bytes(prng.int(1, 64)));
    case "invalid utf-8":
      return splice(prng, bytes, hostileBytes(prng));
  }
}

function splice(prng: Prng, bytes: Uint8Array, insert: Uint8Array): Buffer {
  const at = prng.int(0, bytes.length);
  return Buffer.concat([bytes.subarray(0, at), insert, bytes.subarray(at)]);
}
