/**
 * Where search, auto-code, the codebook counts and the passages meet: an auto-code undone
 * and redone, answers written on Windows (CRLF), and a very long answer.
 */
import { describe, expect, it } from "vitest";
import type { CodeCounts } from "../../shared/api/codebook-api.ts";
import type { PassagePage } from "../../shared/api/retrieval-api.ts";
import type { AutocodePreview, SearchResult } from "../../shared/api/search-api.ts";
import type { AnswerRow, CodeNode } from "../../shared/domain.ts";
import { formatQuote } from "../../shared/retrieval/quotes.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { importRows } from "./search-project.ts";
import { newSession } from "../helpers/project.ts";
import { join } from "node:path";

const tempDir = useTempDir();
const openCore = useCoreProject();

const CRLF = "We waited.\r\nThe police came late\r\nand left.\r\nNobody called back.";
const LONG = "word ".repeat(10_000).slice(0, 25_000) + "police " + "more ".repeat(5_000);

async function core() {
  const dir = tempDir();
  const path = join(dir, "survey.cairn");
  const session = newSession();
  session.create(path);
  await importRows(session, dir, {
    R1: { Q1: CRLF, Q2: "The police helped. Thanks." },
    R2: { Q1: LONG, Q2: "n/a" },
  });
  session.close();
  const opened = openCore(dir, path);
  return {
    call: async <T>(name: string, input: unknown) =>
      coreValue<T>(await opened.call(name as never, input as never)),
  };
}

describe("an auto-code undone and redone", () => {
  it("leaves the counts, the preview's coded flags and the passages in agreement", async () => {
    const app = await core();
    const request = { query: "police", scope: "sentence", code: { path: ["Police"] } };
    await app.call("autocode.apply", { ...request, coder: "Anna" });
    const state = async () => {
      const tree = await app.call<CodeNode[]>("codes.tree", {});
      const code = tree.find((c) => c.name === "Police");
      if (!code) return { code: false };
      const counts = await app.call<CodeCounts>("codes.counts", {});
      const preview = await app.call<AutocodePreview>("autocode.preview", {
        ...request,
        coder: "Anna",
      });
      const passages = await app.call<PassagePage>("passages.list", { codeId: code.id });
      return {
        code: true,
        segments: counts.counts.find((c) => c.codeId === code.id)?.segments,
        coded: preview.passages.filter((p) => p.alreadyCoded).length,
        passages: passages.total,
      };
    };
    const applied = await state();
    expect(applied).toEqual({ code: true, segments: 3, coded: 3, passages: 3 });
    await app.call("history.undo", {});
    expect(await state()).toEqual({ code: false });
    await app.call("history.redo", {});
    expect(await state()).toEqual(applied);
  });
});

describe("answers typed on Windows, with CRLF line breaks", () => {
  it("codes a sentence ending at a line break without the break; quotes it on one line", async () => {
    const app = await core();
    const preview = await app.call<AutocodePreview>("autocode.preview", {
      query: "police",
      scope: "sentence",
      questionId: 1,
    });
    const passage = preview.passages.find((p) => p.hit.respondent === "R1");
    expect(passage?.text).toBe("The police came late");
    const [answer] = await app.call<AnswerRow[]>("answers.get", {
      answerIds: [passage!.hit.answerId],
    });
    // The import keeps the breaks as plain line feeds; the offsets are into that text.
    expect(answer?.text).toBe(CRLF.replaceAll("\r\n", "\n"));
    expect(answer?.text.slice(passage!.start, passage!.end)).toBe("The police came late");

    await app.call("autocode.apply", {
      query: "police",
      scope: "answer",
      questionId: 1,
      code: { path: ["Police"] },
      coder: "Anna",
    });
    const tree = await app.call<CodeNode[]>("codes.tree", {});
    const page = await app.call<PassagePage>("passages.list", { codeId: tree[0]!.id });
    const r1 = page.rows.find((row) => row.respondent === "R1")!;
    expect(formatQuote(r1)).toBe(
      "\u201cWe waited. The police came late and left. Nobody called back.\u201d (R1)",
    );
  });
});

describe("a 50,000-character answer", () => {
  it("shows its hit with a short context, and codes the hit where it is", async () => {
    const app = await core();
    const result = await app.call<SearchResult>("search.run", { query: "police", questionId: 1 });
    const hit = result.rows.find((row) => row.respondent === "R2")!;
    expect(LONG.slice(hit.start, hit.end)).toBe("police");
    expect(hit.before.length + hit.after.length).toBeLessThan(200);
    const preview = await app.call<AutocodePreview>("autocode.preview", {
      query: "police",
      scope: "sentence",
      questionId: 1,
    });
    // No full stop anywhere: its sentence is the whole (trimmed) answer.
    const long = preview.passages.find((p) => p.hit.respondent === "R2")!;
    expect(long.text).toBe(LONG.trim());
  });
});
