/**
 * Bad input, across the app: every entry of the API contract gets random and hostile
 * input through `core.call`, as a compromised window or a buggy script could send it
 * (anything at all, wrong types, NaN and huge ids, ids that do not exist, megabyte
 * strings, huge arrays, `__proto__` keys, missing and extra keys). Every answer is a
 * Result: ok, or refused with a code other than "internal" and one sentence, within
 * 10 s; a refusal (and any read) leaves the project as it was. Paths go only into a temp
 * folder. Seeded: a failure prints the seed that repeats it.
 */
import { describe, expect, it } from "vitest";
import { API_NAMES } from "../../shared/api/contract.ts";
import { fuzzApi } from "../helpers/fuzz/api-fuzz.ts";
import { FUZZED_API_NAMES } from "../helpers/fuzz/api-plan.ts";
import { FuzzTally } from "../helpers/fuzz/outcome.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const CASES = Number(process.env.CAIRN_FUZZ_CASES ?? 994);
const SEED = Number(process.env.CAIRN_FUZZ_SEED ?? 20_261_124);

describe("the API, sent input no form would send", () => {
  it("covers every entry of the contract, so a new one cannot be missed", () => {
    expect([...FUZZED_API_NAMES].sort()).toEqual([...API_NAMES].sort());
  });

  it("answers each call with a result or a clear refusal, the project unchanged on refusal", async () => {
    const tally = new FuzzTally();
    await fuzzApi({ seed: SEED, cases: CASES, dir: tempDir(), tally });
    console.log(tally.summary());
    expect(tally.failureLines()).toEqual([]);
    expect(tally.api.cases).toBeGreaterThanOrEqual(API_NAMES.length);
    expect(tally.api.accepted).toBeGreaterThan(CASES / 10);
  }, 180_000);
});
