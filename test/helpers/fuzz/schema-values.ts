/**
 * Values that fit an API entry's zod schema, read from the schema itself (so a new entry
 * is fuzzed without anyone writing its generator): plausible ids (small numbers, most of
 * which exist), names the fixture holds, paths from the sandbox, lengths within bounds.
 * Valid input gets past the contract's checks and into the handlers, where the bugs are.
 */
import type { Prng } from "./prng.ts";

/** The parts of a zod 4 schema this reads (`schema._zod.def`). */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, Schema>;
  readonly element?: Schema;
  readonly options?: readonly Schema[];
  readonly entries?: Record<string, string | number>;
  readonly values?: readonly unknown[];
  readonly innerType?: Schema;
  readonly in?: Schema;
  readonly items?: readonly Schema[];
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly left?: Schema;
  readonly right?: Schema;
  readonly getter?: () => Schema;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
}
interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly pattern?: RegExp;
}
export interface Schema {
  readonly _zod: { readonly def: Def };
}

export interface ValueHints {
  /** Paths inside the sandbox folder: seed files, a folder, new names. */
  readonly paths: readonly string[];
}

const WORDS = ["Aoife", "Fuzz", "Shelters", "Police", "Ireland", "Country", "refuge", "R1", "a"];
const PATH_KEYS = /^(path|paths|project|target|file|backup|folder)$/i;

export function schemaValue(schema: Schema, prng: Prng, hints: ValueHints, key = ""): unknown {
  const def = schema._zod.def;
  const checks = (def.checks ?? []).map((check) => check._zod.def);
  switch (def.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(def.shape ?? {})) {
        const value = schemaValue(field, prng, hints, name);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case "string":
      return stringValue(prng, hints, key, checks);
    case "number":
      return numberValue(prng, checks);
    case "boolean":
      return prng.chance(0.5);
    case "array": {
      const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
      const max = checks.find((c) => c.check === "max_length")?.maximum ?? 4;
      const length = prng.int(min, Math.max(min, Math.min(max, min + 3)));
      return Array.from({ length }, () => schemaValue(def.element!, prng, hints, key));
    }
    case "tuple":
      return (def.items ?? []).map((item) => schemaValue(item, prng, hints, key));
    case "union":
      return schemaValue(prng.pick(def.options ?? []), prng, hints, key);
    case "enum":
      return prng.pick(Object.values(def.entries ?? {}));
    case "literal":
      return prng.pick(def.values ?? [null]);
    case "optional":
      return prng.chance(0.6) ? schemaValue(def.innerType!, prng, hints, key) : undefined;
    case "default":
    case "prefault":
      return prng.chance(0.5) ? schemaValue(def.innerType!, prng, hints, key) : undefined;
    case "nullable":
      return prng.chance(0.15) ? null : schemaValue(def.innerType!, prng, hints, key);
    case "readonly":
    case "catch":
      return schemaValue(def.innerType!, prng, hints, key);
    case "pipe":
      return schemaValue(def.in!, prng, hints, key);
    case "lazy":
      return schemaValue(def.getter!(), prng, hints, key);
    case "record": {
      const name = schemaValue(def.keyType!, prng, hints, key);
      return { [String(name)]: schemaValue(def.valueType!, prng, hints, String(name)) };
    }
    case "intersection":
      return {
        ...(schemaValue(def.left!, prng, hints, key) as object),
        ...(schemaValue(def.right!, prng, hints, key) as object),
      };
    case "null":
      return null;
    default:
      // any, unknown, undefined, never: a scalar is as good as anything.
      return prng.pick([undefined, null, 1, "a"]);
  }
}

function stringValue(prng: Prng, hints: ValueHints, key: string, checks: CheckDef[]): string {
  const pattern = checks.find((c) => c.check === "string_format")?.pattern;
  if (PATH_KEYS.test(key) || pattern?.source.startsWith("^(\\/")) return prng.pick(hints.paths);
  if (pattern?.source.includes("#")) return prng.pick(["#2e86c1", "#FFFFFF", "#000000"]);
  const max = checks.find((c) => c.check === "max_length")?.maximum ?? 1000;
  const word = prng.chance(0.8) ? prng.pick(WORDS) : `${prng.pick(WORDS)} ${prng.int(1, 99)}`;
  return word.slice(0, Math.max(1, max));
}

function numberValue(prng: Prng, checks: CheckDef[]): number {
  let min = -5;
  let max = 200;
  for (const check of checks) {
    if (check.check === "greater_than" && check.value !== undefined) {
      min = Math.max(min, check.inclusive ? check.value : check.value + 1);
    }
    if (check.check === "less_than" && check.value !== undefined) {
      max = Math.min(max, check.inclusive ? check.value : check.value - 1);
    }
  }
  // Mostly small: ids that exist in the fixture (a few dozen codes, a few hundred answers).
  const small = prng.int(Math.max(min, 1), Math.max(Math.max(min, 1), Math.min(max, 12)));
  return prng.chance(0.8) && small <= max ? small : prng.int(min, Math.max(min, max));
}
