/**
 * A small survey built through the core for the export tests (spreadsheets, REFI-QDA,
 * the command line): what a report author would take out of Cairn.
 *
 * Five respondents with two attributes (Country, Type), two questions:
 *   Q1 "What should change?"  R1..R5 answered; R3's answer is a formula, R4's starts
 *      with "+1", R5's is "-", R2's has an emoji (offsets differ in code points).
 *   Q2 "Anything else?"       R1 "@x ...", R2 "n/a" (no answer), R3 blank (empty),
 *      R4 with a comma, quotes and a line break, R5 with two emoji.
 * Codes (nested, with colours and descriptions): Safety > Risk, Safety > Lighting,
 * Transport, "=Formula" > "@Mention". Anna and Ben code, both mark everything done, and
 * a review of Anna and Ben is started, so a consensus coder ("consensus") holds what
 * they agreed on. Segment, answer and respondent memos are written. The file is closed.
 */
import { join } from "node:path";
import { createCore, type Core } from "../../electron/core/core.ts";
import { bundledMigrations } from "../../electron/core/db/migrations.ts";
import { ProjectSession } from "../../electron/core/services/project-session.ts";
import type { Result } from "../../shared/api/errors.ts";
import type { CodeNode, CoderId } from "../../shared/domain.ts";
import { importedSurvey, surveyMapping } from "./coding-project.ts";
import { fixedClock } from "./project.ts";

export const EXPORT_TEXTS = {
  "R1/Q1": "Safety at night matters most. Also better lighting.",
  "R2/Q1": "I feel safe 😀 here, but the lighting is poor",
  "R3/Q1": '=HYPERLINK("http://example.com","click")',
  "R4/Q1": "+1 for more buses",
  "R5/Q1": "-",
  "R1/Q2": "@x wants buses at night",
  "R2/Q2": "n/a",
  "R3/Q2": "",
  "R4/Q2": 'Lighting, "quoted" words\nand a second line',
  "R5/Q2": "Nothing 😀😀 really, lighting",
} as const;

const csvQuote = (value: string) => `"${value.replaceAll('"', '""')}"`;

const CSV = [
  "id,Country,Type,Q1,Q2",
  ...[
    ["R1", "Ireland", "NGO"],
    ["R2", "France", "NGO"],
    ["R3", "Ireland", "@org"],
    ["R4", "Malta", "Agency"],
    ["R5", "France", "Agency"],
  ].map(([rid, country, type]) =>
    [
      rid,
      country,
      type,
      csvQuote(EXPORT_TEXTS[`${rid}/Q1` as keyof typeof EXPORT_TEXTS]),
      csvQuote(EXPORT_TEXTS[`${rid}/Q2` as keyof typeof EXPORT_TEXTS]),
    ].join(","),
  ),
].join("\n");

export interface ExportProject {
  /** The project file (closed). */
  readonly path: string;
  readonly dir: string;
  answer(rid: string, q: string): number;
  question(q: string): number;
  respondent(rid: string): number;
  /** A code by its path joined with ">" ("Safety>Risk"). */
  code(path: string): number;
  coder(name: string): CoderId;
  /** The core on the project (the browser shell's, fixed clock); shut it down after. */
  open(): Core;
}

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function coreOn(dir: string, path: string): Core {
  const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  core.session.open(path);
  return core;
}

/** A span of `part` in the answer (UTF-16 offsets, as the core takes them). */
function span(text: string, part: string): { start: number; end: number } {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`export-project: "${part}" is not in "${text}"`);
  return { start, end: start + part.length };
}

export async function exportProject(dir: string): Promise<ExportProject> {
  const made = await importedSurvey(
    dir,
    CSV,
    surveyMapping("What should change?", { attributes: ["Country", "Type"] }),
  );
  const rids = ["R1", "R2", "R3", "R4", "R5"];
  const answers = new Map<string, number>();
  for (const rid of rids) {
    for (const q of ["Q1", "Q2"]) answers.set(`${rid}/${q}`, made.answer(rid, q));
  }
  const questions = new Map(["Q1", "Q2"].map((q) => [q, made.question(q)]));
  const respondents = new Map(rids.map((rid) => [rid, made.respondent(rid)]));
  made.session.close();

  const core = coreOn(dir, made.path);
  try {
    const call = async <T>(name: string, input: unknown) => value<T>(await core.call(name, input));
    const codeIds = new Map<string, number>();
    const create = async (path: string[], color: string, description: string) => {
      const { codeId } = await call<{ codeId: number }>("codes.create", { path, color });
      codeIds.set(path.join(">"), codeId);
      await call("codes.describe", {
        codeId,
        description,
        whenToUse: `When ${path.at(-1)} is meant`,
        whenNotToUse: "",
        example: path.length > 1 ? `"${path.at(-1)}, for instance"` : "",
      });
    };
    await create(["Safety"], "#1f77b4", "Feeling safe or not");
    await create(["Safety", "Risk"], "#aec7e8", "A danger named");
    await create(["Safety", "Lighting"], "#ff7f0e", "Street lighting");
    await create(["Transport"], "#2ca02c", "Buses and trains");
    await create(["=Formula"], "#d62728", "-a description that looks like a formula");
    await create(["=Formula", "@Mention"], "#9467bd", "+ a mention");

    const apply = async (coder: string, at: string, path: string, part?: string, memo?: string) => {
      const text = EXPORT_TEXTS[at as keyof typeof EXPORT_TEXTS];
      await call("coding.apply", {
        answerId: answers.get(at),
        code: { id: codeIds.get(path) },
        coder,
        ...(part !== undefined && span(text, part)),
        ...(memo !== undefined && { memo }),
      });
    };
    for (const coder of ["Anna", "Ben"]) {
      await apply(coder, "R1/Q1", "Safety>Risk", "Safety at night");
      await apply(coder, "R1/Q1", "Safety>Lighting", "better lighting");
      await apply(coder, "R2/Q1", "Safety>Lighting", "lighting is poor");
      await apply(coder, "R4/Q1", "Transport", "more buses");
      await apply(coder, "R1/Q2", "Transport", "buses");
      await apply(coder, "R5/Q2", "Safety>Lighting", "lighting");
    }
    // Where they differ (and what the memos and the injection cells need).
    await apply("Anna", "R2/Q1", "Safety>Risk", "safe 😀 here", "=cmd|' /C calc'!A0");
    await apply("Anna", "R3/Q1", "=Formula>@Mention");
    await apply("Ben", "R3/Q1", "=Formula");
    await apply("Ben", "R4/Q2", "Safety>Lighting", 'Lighting, "quoted" words\nand');
    await apply("Ben", "R5/Q2", "Safety>Risk", "😀😀 really", "two emoji, one passage");
    await apply("Anna", "R4/Q1", "=Formula", "+1", "\tstarts with a tab");
    await apply("Ben", "R5/Q1", "=Formula", undefined, "\r=1+1");
    await call("coding.setMemo", {
      target: { answerId: answers.get("R1/Q1") },
      coder: "Anna",
      text: "@follow up with R1",
    });
    await call("coding.setMemo", {
      target: { respondentId: respondents.get("R2") },
      coder: "Ben",
      text: "Answered in French first",
    });
    for (const coder of ["Anna", "Ben"]) {
      for (const q of ["Q1", "Q2"]) {
        await call("coding.markDone", { coder, questionId: questions.get(q), done: true });
      }
    }
    const coders = () =>
      new Map(
        core.session.db().prepare("SELECT name, id FROM coders").raw().all() as [string, CoderId][],
      );
    const before = coders();
    await call("review.start", { coderIds: [before.get("Anna"), before.get("Ben")] });
    const walk = (nodes: readonly CodeNode[]) => {
      for (const node of nodes) {
        codeIds.set(node.path.join(">"), node.id);
        walk(node.children);
      }
    };
    walk(await call<CodeNode[]>("codes.tree", {}));
    const coderIds = coders();
    return {
      path: made.path,
      dir,
      answer: (rid, q) => answers.get(`${rid}/${q}`)!,
      question: (q) => questions.get(q)!,
      respondent: (rid) => respondents.get(rid)!,
      code: (path) => {
        const id = codeIds.get(path);
        if (id === undefined) throw new Error(`export-project: no code "${path}"`);
        return id;
      },
      coder: (name) => {
        const id = coderIds.get(name);
        if (id === undefined) throw new Error(`export-project: no coder "${name}"`);
        return id;
      },
      open: () => coreOn(dir, made.path),
    };
  } finally {
    core.shutdown();
  }
}

/**
 * A larger survey for the export's batches, written in SQL in one transaction (building
 * it is not what the tests look at): `respondents` respondents (R00001...) with a
 * Country, two questions, every answer coded by Anna and Ben with two segments each
 * (4 per answer) of six flat codes ("Code 1".."Code 6", in that order in the tree); the
 * coders' segments share their starts, so the table's tie order (code, then coder) shows.
 * Every seventh answer holds an emoji before its passages. The file is closed.
 */
export function largeExportProject(dir: string, respondents: number): string {
  const path = join(dir, "large.cairn");
  const session = new ProjectSession({ migrations: bundledMigrations() });
  session.create(path);
  const db = session.db();
  db.transaction(() => {
    db.exec(`INSERT INTO questions (id, position, label, text)
             VALUES (1, 1, 'Q1', 'What should change?'), (2, 2, 'Q2', 'Anything else?')`);
    db.exec(`INSERT INTO attributes (id, name, position) VALUES (1, 'Country', 1)`);
    db.exec(
      `INSERT INTO coders (id, name, name_key) VALUES (1, 'Ben', 'ben'), (2, 'Anna', 'anna')`,
    );
    const code = db.prepare("INSERT INTO codes (id, name, color, position) VALUES (?, ?, ?, ?)");
    // Ids against tree order, so an order by id would show.
    for (let k = 1; k <= 6; k++) code.run(7 - k, `Code ${k}`, "#2d6a73", k);
    const respondent = db.prepare(
      "INSERT INTO respondents (id, external_id, position) VALUES (?, ?, ?)",
    );
    const attribute = db.prepare(
      "INSERT INTO respondent_attributes (respondent_id, attribute_id, value) VALUES (?, 1, ?)",
    );
    const answer = db.prepare(
      "INSERT INTO answers (id, respondent_id, question_id, text, status) VALUES (?, ?, ?, ?, 'answered')",
    );
    const segment = db.prepare(
      `INSERT INTO segments (answer_id, code_id, coder_id, start, "end", memo, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let r = 1; r <= respondents; r++) {
      // Ids against survey order, so an order by id would show.
      const id = respondents + 1 - r;
      respondent.run(id, `R${String(r).padStart(5, "0")}`, r);
      attribute.run(id, ["Ireland", "France", "Malta"][r % 3]!);
      for (const q of [1, 2]) {
        const answerId = id * 2 + q;
        const lead = answerId % 7 === 0 ? "😀 " : "";
        const text = `${lead}Answer ${r} to Q${q}: safety at night and better lighting`;
        answer.run(answerId, id, q, text);
        const at = lead.length;
        for (const coder of [1, 2]) {
          const k = (answerId + coder) % 6;
          segment.run(
            answerId,
            6 - k,
            coder,
            at,
            at + 6 + k,
            "",
            `2026-01-0${coder}T09:00:00.000Z`,
          );
          // The same code at the same start for both: the coder decides (Anna first).
          segment.run(
            answerId,
            1 + (answerId % 6),
            coder,
            at + 10,
            at + 20,
            coder === 1 ? "" : "memo",
            `2026-01-0${coder}T10:00:00.000Z`,
          );
        }
      }
    }
  })();
  session.close();
  return path;
}
