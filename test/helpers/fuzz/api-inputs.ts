/**
 * Inputs for one API entry: anything at all (fast-check), the entry's keys with values of
 * the wrong type, or a valid input (from its schema) with a few parts made hostile: NaN,
 * Infinity, huge or negative ids, ids that do not exist, megabyte strings, huge arrays,
 * half surrogates, `__proto__` and `constructor` keys, missing and extra keys.
 * Every string that the contract would take as a path is mapped into the sandbox folder
 * first, so no case can write or delete anything outside it.
 */
import { createHash } from "node:crypto";
import { join } from "node:path";
import fc from "fast-check";
import { hostileText } from "./hostile.ts";
import type { Prng } from "./prng.ts";
import { schemaValue, type Schema, type ValueHints } from "./schema-values.ts";

export type InputMode = "anything" | "wrong types" | "valid" | "hostile";

export interface Sandbox extends ValueHints {
  /** The folder every path lands in. */
  readonly dir: string;
}

export function apiInput(
  prng: Prng,
  schema: Schema,
  sandbox: Sandbox,
): { input: unknown; mode: InputMode } {
  const roll = prng.next();
  const mode: InputMode =
    roll < 0.2 ? "anything" : roll < 0.35 ? "wrong types" : roll < 0.6 ? "valid" : "hostile";
  let input: unknown;
  switch (mode) {
    case "anything":
      input = anything(prng);
      break;
    case "wrong types": {
      const keys = Object.keys(schema._zod.def.shape ?? { value: null });
      input = Object.fromEntries(keys.map((key) => [key, hostileValue(prng)]));
      break;
    }
    case "valid":
      input = schemaValue(schema, prng, sandbox);
      break;
    case "hostile": {
      input = schemaValue(schema, prng, sandbox);
      const edits = prng.int(1, 3);
      for (let i = 0; i < edits; i++) input = mutateSomewhere(prng, input);
      break;
    }
  }
  return { input: sandboxPaths(input, sandbox), mode };
}

function anything(prng: Prng): unknown {
  const arbitrary = fc.anything({
    maxDepth: 4,
    key: fc.oneof(fc.string(), fc.constantFrom("__proto__", "constructor", "path", "codeId")),
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
    withUnicodeString: true,
  });
  return fc.sample(arbitrary, { seed: prng.seed(), numRuns: 1 })[0];
}

/** A value no form sends. */
export function hostileValue(prng: Prng): unknown {
  switch (prng.int(0, 13)) {
    case 0:
      return prng.pick([NaN, Infinity, -Infinity, -0]);
    case 1:
      return prng.pick([-1, 0, 1.5, -2147483648]);
    case 2:
      return prng.pick([2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308, 987_654]);
    case 3:
      return hostileText(prng);
    case 4:
      return Array.from({ length: prng.pick([1000, 100_000]) }, (_, i) => i + 1);
    case 5:
      return prng.pick(["", " ", "1", "NaN", "true", "null"]);
    case 6:
      return prng.pick([null, undefined, true, false]);
    case 7:
      return prng.pick([{}, [], [[]], { id: 1 }, { path: ["a"] }]);
    case 8:
      return nested(prng.int(100, 5000));
    case 9:
      return JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
      );
    case 10:
      return prng.pick([10n, new Date(0), new Map([["a", 1]]), new Uint8Array(4)]);
    case 11:
      return Array.from({ length: prng.int(2, 50) }, () => hostileText(prng).slice(0, 300));
    case 12:
      return "x".repeat(prng.pick([201, 4097, 100_001, 1 << 20]));
    default:
      return prng.int(1, 40);
  }
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
}

/** One edit at a random place in the value: replaced, removed, or a key added. */
function mutateSomewhere(prng: Prng, value: unknown): unknown {
  if (!isPlainContainer(value) || prng.chance(0.15)) return hostileValue(prng);
  const container = value as Record<string, unknown>;
  const keys = Object.keys(container);
  const action = keys.length === 0 ? 2 : prng.int(0, 3);
  if (action === 2) {
    const key = prng.pick([
      "__proto__",
      "constructor",
      "prototype",
      "extra",
      hostileText(prng).slice(0, 50),
    ]);
    // An own property even for "__proto__", as JSON.parse makes one.
    Object.defineProperty(container, key, {
      value: hostileValue(prng),
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return container;
  }
  const key = prng.pick(keys);
  if (action === 3 && !Array.isArray(container)) delete container[key];
  else if (action === 0) container[key] = hostileValue(prng);
  else container[key] = mutateSomewhere(prng, container[key]);
  return container;
}

/** An array or a plain object: what JSON (or a form) can send, and what an edit descends into. */
function isPlainContainer(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || prototype === Object.prototype || prototype === null;
}

const PATH_LIKE = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * Every string the contract would take as a full path, mapped into the sandbox (the same
 * string always to the same place there): a seed file, the folder, or a new name.
 */
export function sandboxPaths(value: unknown, sandbox: Sandbox, depth = 0): unknown {
  if (typeof value === "string") return sandboxPath(value, sandbox);
  if (!isPlainContainer(value) || depth > 50) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = sandboxPaths(value[i], sandbox, depth + 1);
    return value;
  }
  if (!isPlainContainer(value)) return value;
  const record = value;
  for (const key of Object.keys(record)) {
    const mapped = sandboxPaths(record[key], sandbox, depth + 1);
    Object.defineProperty(record, key, {
      value: mapped,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}

function sandboxPath(text: string, sandbox: Sandbox): string {
  const path = text.trim();
  if (!PATH_LIKE.test(path)) return text;
  const inside = path.startsWith(sandbox.dir + "/") && !/(^|\/)\.\.(\/|$)|\0/.test(path);
  if (inside) return text;
  const hash = createHash("sha256").update(text).digest();
  const chosen = (hash[0] as number) % (sandbox.paths.length + 4);
  if (chosen < sandbox.paths.length) return sandbox.paths[chosen] as string;
  const extension = [".cairn", ".csv", ".xlsx", ".qdpx"][chosen - sandbox.paths.length];
  return join(sandbox.dir, "new", `mapped-${hash.toString("hex").slice(0, 8)}${extension}`);
}
