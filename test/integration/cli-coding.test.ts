import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { streamSegments } from "../../electron/core/cli/segment-output.ts";
import { historyState, undo } from "../../electron/core/coding/history.ts";
import type { SegmentListing } from "../../electron/core/db/segment-list.ts";
import type { CodeId, SegmentId } from "../../shared/domain.ts";
import { cairn, cairnInProcess, cairnJson as json } from "../helpers/cli.ts";
import { fixedClock, newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

const SAFER = "What would make victims safer?";
const WHO = "Who should act first?";
const R1_SAFER = "More refuge places, and faster protection orders";
// R2's first answer is a non-response and R3 left it blank. R2's second answer holds an
// emoji of five UTF-16 code units (woman, zero-width joiner, scales, variation selector).
const SURVEY =
  `Respondent,Country,${SAFER},${WHO}\n` +
  `R1,Ireland,"${R1_SAFER}",Police who believe them\n` +
  'R2,Malta,n/a,"Judges 👩‍⚖️ and police, together"\n' +
  "R3,Cyprus,,Shelters\n";

type Flags = Record<string, string | number>;

/** `{ coder: "Aoife" }` as `--coder Aoife`. */
function flags(values: Flags): string[] {
  return Object.entries(values).flatMap(([name, value]) => [`--${name}`, String(value)]);
}

const run = cairnInProcess;

interface SegmentJson {
  id: number;
  respondent: string;
  question: string;
  code: string[];
  coder: string;
  start: number;
  end: number;
  text: string;
}

const code = (file: string, values: Flags) => json<SegmentJson>("code", file, ...flags(values));

/** The survey above, imported into a new project. */
async function survey(): Promise<string> {
  const csv = join(tempDir(), "survey.csv");
  writeFileSync(csv, SURVEY);
  const file = join(tempDir(), "survey.cairn");
  expect((await run("import", file, csv)).status).toBe(0);
  return file;
}

function tables(file: string): string {
  const session = newSession();
  session.open(file);
  try {
    return snapshot(session.db());
  } finally {
    session.close();
  }
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(fixedClock());
});
afterEach(() => {
  vi.useRealTimers();
});

const AOIFE_R1 = { coder: "Aoife", respondent: "R1" };

describe("cairn code", () => {
  it("codes a whole answer, creating the nested code, and prints the segment", async () => {
    const file = await survey();
    const segment = await code(file, { ...AOIFE_R1, question: SAFER, code: "Safety>Refuges" });
    expect(segment).toEqual({
      id: expect.any(Number),
      respondent: "R1",
      question: SAFER,
      question_position: 1,
      code: ["Safety", "Refuges"],
      coder: "Aoife",
      start: 0,
      end: R1_SAFER.length,
      text: R1_SAFER,
      memo: "",
      created_at: "2026-11-24T09:00:00.000Z",
    });
    expect(await json("codes", file)).toMatchObject([
      { path: ["Safety"], children: [{ path: ["Safety", "Refuges"] }] },
    ]);
  });

  it("codes a range with a memo, the question named by its position", async () => {
    const file = await survey();
    const range = { start: 5, end: 18, memo: "wants more beds" };
    expect(await code(file, { ...AOIFE_R1, question: 1, code: "Refuges", ...range })).toMatchObject(
      { question: SAFER, code: ["Refuges"], text: "refuge places", ...range },
    );
  });

  it("counts offsets in UTF-16 code units and widens a cut through an emoji to all of it", async () => {
    const file = await survey();
    // "Judges 👩‍⚖️ and police": the emoji is 7..12, and 8 falls inside its first surrogate pair.
    const segment = await code(file, {
      coder: "Aoife",
      respondent: "R2",
      question: WHO,
      code: "Courts",
      start: 8,
      end: 12,
    });
    expect(segment).toMatchObject({ start: 7, end: 12, text: "👩‍⚖️" });
  });

  it("merges a passage that overlaps the coder's segment of that code and prints the merged segment", async () => {
    const file = await survey();
    const refuges = { respondent: "R1", question: SAFER, code: "Safety>Refuges" };
    const first = await code(file, { ...refuges, coder: "Aoife", start: 5, end: 18 });
    const merged = await code(file, { ...refuges, coder: "Aoife", start: 15, end: 30 });
    expect(merged).toMatchObject({
      id: first.id,
      start: 5,
      end: 30,
      text: "refuge places, and faster",
    });
    // Another coder's identical passage stays theirs.
    const brians = await code(file, { ...refuges, coder: "Brian", start: 5, end: 18 });
    expect(brians.id).not.toBe(first.id);
    expect(await json<SegmentJson[]>("segments", file)).toHaveLength(2);
  });

  it("prints one line for a person without --json", async () => {
    const file = await survey();
    const result = await run(
      "code",
      file,
      ...flags({ ...AOIFE_R1, question: 1, code: "Refuges", start: 5, end: 18 }),
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^coded #\d+ R1 · What would make victims safer\? · Refuges · Aoife · 5\.\.18 "refuge places"\n$/,
    );
  });

  it("is one step the app can undo, code and all", async () => {
    const file = await survey();
    await code(file, { ...AOIFE_R1, question: 1, code: "Safety>Refuges" });
    const session = newSession();
    session.open(file);
    try {
      const db = session.db();
      expect(historyState(db).undo).toMatch(/Refuges/);
      undo(db);
      expect(db.prepare("SELECT count(*) FROM segments").pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM codes").pluck().get()).toBe(0);
    } finally {
      session.close();
    }
  });
});

describe("cairn uncode", () => {
  it("removes a segment and prints it as it was", async () => {
    const file = await survey();
    const coded = await code(file, { ...AOIFE_R1, question: 1, code: "Refuges" });
    expect(await json("uncode", file, "--segment", String(coded.id))).toEqual(coded);
    expect(await json("segments", file)).toEqual([]);
  });
});

describe("cairn segments", () => {
  async function coded(): Promise<string> {
    const file = await survey();
    const q1 = { respondent: "R1", question: SAFER };
    await code(file, { ...q1, coder: "Aoife", code: "Safety>Refuges", start: 5, end: 18 });
    await code(file, { ...q1, coder: "Aoife", code: "Safety", start: 24, end: 48 });
    await code(file, { coder: "Brian", respondent: "R1", question: WHO, code: "Police" });
    await code(file, {
      coder: "Aoife",
      respondent: "R2",
      question: WHO,
      code: "Safety>Courts",
      start: 0,
      end: 6,
    });
    await code(file, { coder: "Brian", respondent: "R3", question: WHO, code: "Safety>Refuges" });
    return file;
  }

  /** Each listed segment in brief: "R1 Q1 Safety>Refuges Aoife refuge places". */
  async function listed(file: string, filter: Flags = {}): Promise<string[]> {
    const segments = await json<SegmentJson[]>("segments", file, ...flags(filter));
    return segments.map(
      (s) =>
        `${s.respondent} ${s.question === SAFER ? "Q1" : "Q2"} ${s.code.join(">")} ${s.coder} ${s.text}`,
    );
  }

  it("lists every coded passage in questionnaire order with its names and text", async () => {
    const file = await coded();
    const [first] = await json<unknown[]>("segments", file);
    expect(first).toEqual({
      id: expect.any(Number),
      respondent: "R1",
      question: SAFER,
      question_position: 1,
      code: ["Safety", "Refuges"],
      coder: "Aoife",
      start: 5,
      end: 18,
      text: "refuge places",
      memo: "",
      created_at: "2026-11-24T09:00:00.000Z",
    });
    expect(await listed(file)).toEqual([
      "R1 Q1 Safety>Refuges Aoife refuge places",
      "R1 Q1 Safety Aoife faster protection orders",
      "R1 Q2 Police Brian Police who believe them",
      "R2 Q2 Safety>Courts Aoife Judges",
      "R3 Q2 Safety>Refuges Brian Shelters",
    ]);
  });

  it("filters by question (label or position), coder, and code with the codes below it", async () => {
    const file = await coded();
    expect(await listed(file, { question: WHO })).toHaveLength(3);
    // "Q2", as the app shows it, is the second question too.
    expect(await listed(file, { question: "q2" })).toHaveLength(3);
    expect(await listed(file, { question: 1 })).toEqual([
      "R1 Q1 Safety>Refuges Aoife refuge places",
      "R1 Q1 Safety Aoife faster protection orders",
    ]);
    expect(await listed(file, { coder: "brian" })).toEqual([
      "R1 Q2 Police Brian Police who believe them",
      "R3 Q2 Safety>Refuges Brian Shelters",
    ]);
    expect(await listed(file, { code: "Safety" })).toEqual([
      "R1 Q1 Safety>Refuges Aoife refuge places",
      "R1 Q1 Safety Aoife faster protection orders",
      "R2 Q2 Safety>Courts Aoife Judges",
      "R3 Q2 Safety>Refuges Brian Shelters",
    ]);
    expect(await listed(file, { code: "safety > refuges", coder: "Brian", question: 2 })).toEqual([
      "R3 Q2 Safety>Refuges Brian Shelters",
    ]);
    expect(await listed(file, { limit: 1 })).toEqual(["R1 Q1 Safety>Refuges Aoife refuge places"]);
  });

  it("prints a line per passage without --json", async () => {
    const file = await coded();
    const result = await run("segments", file, "--coder", "Brian");
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(
        /^#\d+ R1 · Who should act first\? · Police · Brian · 0\.\.23 "Police who believe them"$/,
      ),
      expect.stringMatching(/^#\d+ R3 · .* · Safety>Refuges · Brian · 0\.\.8 "Shelters"$/),
    ]);
  });
});

describe("a long listing", () => {
  it("is written in batches, waiting for the reader between them, as one JSON array", async () => {
    const segments = function* (): Generator<SegmentListing> {
      for (let id = 1; id <= 2000; id++) {
        yield {
          id: id as SegmentId,
          respondent: `R${id}`,
          question: "Q1",
          questionPosition: 1,
          codeId: 1 as CodeId,
          coder: "Aoife",
          start: 0,
          end: 40,
          text: "a passage of forty characters, give or t",
          memo: id % 2 ? "" : "line one\nline two",
          createdAt: "2026-11-24T09:00:00.000Z",
        };
      }
    };
    const writes: string[] = [];
    let waits = 0;
    const count = await streamSegments(
      { out: (text) => writes.push(text + "\n"), err: () => {} },
      segments(),
      new Map([[1 as CodeId, ["Safety", "Refuges"]]]),
      true,
      async () => void waits++,
    );
    expect(count).toBe(2000);
    expect(waits).toBeGreaterThan(3);
    expect(writes.length).toBe(waits + 1);
    const listed = JSON.parse(writes.join("")) as { id: number; code: string[]; memo: string }[];
    expect(listed.map((s) => s.id)).toEqual(Array.from({ length: 2000 }, (_, i) => i + 1));
    expect(listed[1]).toMatchObject({ code: ["Safety", "Refuges"], memo: "line one\nline two" });
  });
});

describe("cairn segments --help", () => {
  it("says that a code includes the codes below it", async () => {
    const help = await run("segments", "--help");
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--code "Safety" includes Safety>Risk');
  });
});

describe("the coding commands refuse", () => {
  const CODE = flags({ ...AOIFE_R1, question: 1, code: "Safety" });
  const without = (flag: string) => {
    const at = CODE.indexOf(`--${flag}`);
    return [...CODE.slice(0, at), ...CODE.slice(at + 2)];
  };
  const replacing = (flag: string, value: string) => [...without(flag), `--${flag}`, value];

  it.each([
    [
      "--start without --end",
      ["code", "F", ...CODE, "--start", "5"],
      "give both --start and --end",
    ],
    ["--end without --start", ["code", "F", ...CODE, "--end", "5"], "give both --start and --end"],
    [
      "a fractional offset",
      ["code", "F", ...CODE, "--start", "1.5", "--end", "9"],
      '--start must be a whole number, not "1.5"',
    ],
    [
      "a word for an offset",
      ["code", "F", ...CODE, "--start", "0", "--end", "ten"],
      '--end must be a whole number, not "ten"',
    ],
    [
      "an empty passage",
      ["code", "F", ...CODE, "--start", "9", "--end", "9"],
      "--end (9) must be after --start (9)",
    ],
    ["an unknown flag", ["code", "F", ...CODE, "--colour", "red"], "Unknown option '--colour'"],
    ["no coder", ["code", "F", ...without("coder")], "--coder is required"],
    ["no respondent", ["code", "F", ...without("respondent")], "--respondent is required"],
    ["no question", ["code", "F", ...without("question")], "--question is required"],
    ["no code", ["code", "F", ...without("code")], "--code is required"],
    [
      "an empty level in a code path",
      ["code", "F", ...replacing("code", "Safety>>Risk")],
      '--code "Safety>>Risk" has an empty level',
    ],
    [
      "a memo too long",
      ["code", "F", ...CODE, "--memo", "x".repeat(100_001)],
      "--memo: a memo is at most 100,000 characters",
    ],
    ["no project file", ["code", ...CODE], "expected one FILE argument"],
    ["no segment", ["uncode", "F"], "say which segment: --segment ID"],
    [
      "a word for a segment",
      ["uncode", "F", "--segment", "first"],
      '--segment must be a whole number, not "first"',
    ],
    ["segment 0", ["uncode", "F", "--segment", "0"], "--segment must be a segment id"],
    [
      "a word for a limit",
      ["segments", "F", "--limit", "ten"],
      '--limit must be a whole number, not "ten"',
    ],
    ["a code path without a top", ["segments", "F", "--code", ">Risk"], "has an empty level"],
    ["an unknown flag", ["segments", "F", "--verbose"], "Unknown option '--verbose'"],
  ])("%s: exit 2 with one line", async (_case, args, message) => {
    const result = await run(...args);
    expect(result.stderr).toContain(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
  });

  it.each([
    [
      "an unknown respondent",
      ["code", "@", ...replacing("respondent", "R99")],
      "cairn code: no respondent R99 in survey.cairn",
    ],
    [
      "an unknown question",
      ["code", "@", ...replacing("question", "Q9")],
      `cairn code: question "Q9" not found; questions: ${SAFER}, ${WHO}`,
    ],
    [
      "offsets past the end of the answer",
      ["code", "@", ...CODE, "--start", "5", "--end", "400"],
      `cairn code: offsets 5..400 are outside R1's answer to ${SAFER} (length 48)`,
    ],
    [
      "a blank answer",
      ["code", "@", ...replacing("respondent", "R3")],
      `cairn code: R3's answer to ${SAFER} is blank; there is nothing to code`,
    ],
    [
      "a non-response",
      ["code", "@", ...replacing("respondent", "R2")],
      `cairn code: R2's answer to ${SAFER} is marked as a non-response ("n/a"); ` +
        "mark it as answered in the app first",
    ],
    [
      "a segment that does not exist",
      ["uncode", "@", "--segment", "42"],
      "cairn uncode: segment 42 does not exist",
    ],
    [
      "an unknown question position",
      ["segments", "@", "--question", "3"],
      `cairn segments: question "3" not found; questions: ${SAFER}, ${WHO}`,
    ],
    [
      "an unknown coder",
      ["segments", "@", "--coder", "Zoe"],
      'cairn segments: no coder "Zoe" in survey.cairn; coders: Aoife',
    ],
    [
      "an unknown code",
      ["segments", "@", "--code", "Safety>Risk"],
      'cairn segments: no code "Safety>Risk" in survey.cairn',
    ],
  ])("%s: exit 1 with one line, and nothing changes", async (_case, args, message) => {
    const file = await survey();
    // One segment, so that the project has a coder and a code to name.
    await code(file, { ...AOIFE_R1, question: 1, code: "Safety" });
    const before = tables(file);
    const result = await run(...args.map((arg) => (arg === "@" ? file : arg)));
    expect(result.stderr.trim()).toBe(message);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(tables(file)).toBe(before);
  });

  it("says that a project file does not exist", async () => {
    const result = await run("segments", join(tempDir(), "missing.cairn"), "--json");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^cairn segments: .*missing\.cairn does not exist\n$/);
  });
});

describe("the cairn binary", () => {
  it("codes, lists and uncodes a passage, and fails in one line without a stack trace", async () => {
    const file = await survey();
    const dir = tempDir();
    const coded = cairn(
      ["code", file, ...flags({ ...AOIFE_R1, question: 1, code: "Safety>Refuges" }), "--json"],
      dir,
    );
    expect(coded.stderr).toBe("");
    expect(coded.status).toBe(0);
    const { id, text } = JSON.parse(coded.stdout) as SegmentJson;
    expect(text).toBe(R1_SAFER);

    const listed = cairn(["segments", file, "--code", "Safety", "--json"], dir);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ id, code: ["Safety", "Refuges"] }]);

    const removed = cairn(["uncode", file, "--segment", String(id)], dir);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toMatch(new RegExp(`^removed #${id} R1 · `));

    const again = cairn(["uncode", file, "--segment", String(id)], dir);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe(`cairn uncode: segment ${id} does not exist\n`);
  });
});
