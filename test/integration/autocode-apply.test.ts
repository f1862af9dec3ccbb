import { describe, expect, it } from "vitest";
import { runCli } from "../../electron/core/cli/main.ts";
import type { Output } from "../../electron/core/cli/output.ts";
import type { Core } from "../../electron/core/core.ts";
import type { AutocodePreview } from "../../shared/api/search-api.ts";
import type { ProjectEdit } from "../../shared/domain.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { ANSWERS, searchProject } from "./search-project.ts";

const tempDir = useTempDir();
const openCoreOn = useCoreProject();
let core: Core | null = null;

async function openCore(): Promise<{ core: Core; path: string }> {
  const dir = tempDir();
  const { session, path } = await searchProject(dir);
  session.close();
  core = openCoreOn(dir, path);
  return { core, path };
}

async function call<T>(name: string, input: unknown): Promise<T> {
  return coreValue<T>(await (core as Core).call(name as never, input as never));
}

interface SegmentText {
  respondent: string;
  text: string;
}

/** Anna's segments of the code, as the passages they cover. */
function codedPassages(c: Core, code: string): SegmentText[] {
  return c.session
    .db()
    .prepare(
      `SELECT r.external_id AS respondent, substr(a.text, s.start + 1, s.end - s.start) AS text
         FROM segments s JOIN answers a ON a.id = s.answer_id
         JOIN respondents r ON r.id = a.respondent_id JOIN codes c ON c.id = s.code_id
         JOIN coders k ON k.id = s.coder_id
        WHERE c.name = ? AND k.name = 'Anna' ORDER BY s.answer_id, s.start`,
    )
    .all(code) as SegmentText[];
}

describe("auto-coding the hits of a search", () => {
  it("codes exactly the previewed passages less the unchecked ones, in one undoable step", async () => {
    const { core } = await openCore();
    const request = { query: "police OR evaluation", scope: "sentence" };
    const preview = await call<AutocodePreview>("autocode.preview", {
      ...request,
      code: { path: ["Actors", "Police"] },
      coder: "Anna",
    });
    expect(preview.truncated).toBe(false);
    expect(preview.passages.map((p) => [p.hit.match, p.text])).toEqual([
      ["Évaluation", "L'Évaluation du programme était utile."],
      ["police", "New York police came; the police were kind."],
      ["police", "New York police came; the police were kind."],
      ["evaluation", "An evaluation of the police, not of York."],
      ["police", "An evaluation of the police, not of York."],
    ]);
    expect(preview.passages.every((p) => !p.alreadyCoded)).toBe(true);

    const skipped = preview.passages[0]?.key as string;
    const applied = await call<ProjectEdit & { coded: number; codeId: number }>("autocode.apply", {
      ...request,
      code: { path: ["Actors", "Police"] },
      coder: "Anna",
      skip: [skipped],
    });
    expect(applied.coded).toBe(2);
    expect(applied.history.undo).toBe("Auto-code 2 passages with Police");
    expect(applied.codebookChanged).toBe(true);
    const kept = preview.passages.filter((p) => p.key !== skipped);
    expect(codedPassages(core, "Police")).toEqual(
      [...new Map(kept.map((p) => [`${p.hit.answerId}:${p.start}`, p])).values()].map((p) => ({
        respondent: p.hit.respondent,
        text: p.text,
      })),
    );

    const again = await call<AutocodePreview>("autocode.preview", {
      ...request,
      code: { path: ["Actors", "Police"] },
      coder: "Anna",
    });
    expect(again.passages.map((p) => p.alreadyCoded)).toEqual([false, true, true, true, true]);

    await call("history.undo", {});
    expect(codedPassages(core, "Police")).toEqual([]);
    expect(core.session.db().prepare("SELECT count(*) FROM codes").pluck().get()).toBe(0);
  });

  it("codes the hit alone or the whole answer", async () => {
    const { core } = await openCore();
    await call("autocode.apply", { query: "東京", code: { path: ["Place"] }, coder: "Anna" });
    expect(codedPassages(core, "Place")).toEqual([{ respondent: "R3", text: "東京" }]);
    await call("autocode.apply", {
      query: "оплат*",
      scope: "answer",
      code: { path: ["Money"] },
      coder: "Anna",
    });
    expect(codedPassages(core, "Money")).toEqual([{ respondent: "R2", text: ANSWERS.R2.Q1 }]);
  });

  it("refuses a search that finds nothing to code, and changes nothing", async () => {
    const { core } = await openCore();
    await expect(
      call("autocode.apply", { query: "zebra", code: { path: ["Animals"] }, coder: "Anna" }),
    ).rejects.toThrow("bad_input: the search finds nothing to code");
    expect(core.session.db().prepare("SELECT count(*) FROM codes").pluck().get()).toBe(0);
  });
});

describe("search and auto-code on the command line", () => {
  async function cli(
    ...args: string[]
  ): Promise<{ status: number; stdout: string; stderr: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const output: Output = { out: (l) => out.push(l), err: (l) => err.push(l) };
    const status = await runCli(args, output);
    return { status, stdout: out.join("\n"), stderr: err.join("\n") };
  }

  it("prints the hits of a search as JSON", async () => {
    const { path, session } = await searchProject(tempDir());
    session.close();
    const run = await cli("search", path, "police", "--question", "Q1", "--json");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      query: "police",
      regex: false,
      answers: 1,
      total_hits: 2,
      hits: [
        {
          respondent: "R4",
          question: "Q1",
          question_position: 1,
          start: 40,
          end: 46,
          text: "police",
          snippet: ANSWERS.R4.Q1,
        },
        expect.objectContaining({ start: 57, end: 63, text: "police" }),
      ],
    });
  });

  it("auto-codes by sentence and says what it did, as JSON", async () => {
    const { path, session } = await searchProject(tempDir());
    session.close();
    const args = ["autocode", path, "police", "--code", "Actors>Police", "--coder", "Anna"];
    const first = await cli(...args, "--scope", "sentence", "--json");
    expect(first.status).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({
      code: ["Actors", "Police"],
      coder: "Anna",
      scope: "sentence",
      hits: 3,
      coded: 2,
      already_coded: 0,
    });
    const second = await cli(...args, "--scope", "sentence", "--json");
    expect(JSON.parse(second.stdout)).toMatchObject({ hits: 3, coded: 0, already_coded: 3 });
  });

  it("fails with one line on a bad regular expression or scope", async () => {
    const { path, session } = await searchProject(tempDir());
    session.close();
    expect(await cli("search", path, "a[", "--regex")).toEqual({
      status: 1,
      stdout: "",
      stderr: "cairn search: that regular expression is not valid: Unterminated character class",
    });
    const bad = await cli(
      "autocode",
      path,
      "police",
      "--code",
      "X",
      "--coder",
      "A",
      "--scope",
      "page",
    );
    expect(bad).toMatchObject({
      status: 2,
      stderr: 'cairn autocode: --scope must be hit, sentence or answer, not "page"',
    });
  });
});
