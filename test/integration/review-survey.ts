/**
 * A small survey two coders, Anna and Ben, have coded through the core, for the review
 * and consensus tests. What they did, and so what a review of them must find:
 *
 *   R1 Q1 "Safety at night matters most. Also better lighting."
 *        Safety    Anna 0-28, Ben 0-28         agreed (identical)
 *        Lighting  Anna 35-50, Ben 30-50       segment item (overlap 15/20 < 90%)
 *   R2 Q1 "Buses are late and the lighting is poor."
 *        Transport Anna 0-14, Ben 0-15         agreed (14/15 >= 90%), consensus 0-15
 *        Lighting  Anna 23-39                  answer item (only Anna)
 *   R3 Q1 "Nothing to add, really."
 *        Other>Praise Ben 0-22                 answer item (only Ben)
 *   R4 Q1 "Safer streets please"  Safety Anna: Ben has not marked it done, so left out
 *   R1 Q2 "More buses"  Transport Anna 0-10, Ben 0-10  agreed
 *
 * Anna marks Q1 and Q2 done as wholes; Ben marks R1-R3's Q1 answers and Q2 as a whole.
 */
import { join } from "node:path";
import { createCore, type Core } from "../../electron/core/core.ts";
import type { CoderId } from "../../shared/domain.ts";
import { importedSurvey, surveyMapping } from "../helpers/coding-project.ts";
import { coreValue } from "../helpers/core.ts";
import { fixedClock } from "../helpers/project.ts";

export const TEXTS = {
  R1: "Safety at night matters most. Also better lighting.",
  R2: "Buses are late and the lighting is poor.",
  R3: "Nothing to add, really.",
  R4: "Safer streets please",
};

const CSV = [
  "id,Country,Q1,Q2",
  `R1,Ireland,"${TEXTS.R1}",More buses`,
  `R2,Malta,"${TEXTS.R2}",n/a`,
  `R3,Cyprus,"${TEXTS.R3}",`,
  `R4,Ireland,"${TEXTS.R4}",n/a`,
].join("\n");

export interface ReviewSurvey {
  readonly path: string;
  answer(rid: string, q: string): number;
  question(q: string): number;
  code(path: string): number;
  coder(name: string): CoderId;
}

/** Writes the survey into `dir` and codes it as described above; the file is closed. */
export async function reviewSurvey(dir: string): Promise<ReviewSurvey> {
  const made = await importedSurvey(dir, CSV, surveyMapping("What should change?"));
  const answers = new Map<string, number>();
  for (const rid of ["R1", "R2", "R3", "R4"]) {
    for (const q of ["Q1", "Q2"]) answers.set(`${rid}/${q}`, made.answer(rid, q));
  }
  const questions = new Map(["Q1", "Q2"].map((q) => [q, made.question(q)]));
  made.session.close();

  const core = openCore(dir, made.path);
  const answer = (rid: string, q: string) => answers.get(`${rid}/${q}`) as number;
  const apply = async (coder: string, at: string, path: string[], start: number, end: number) => {
    const [rid, q] = at.split("/") as [string, string];
    coreValue(
      await core.call("coding.apply", {
        answerId: answer(rid, q),
        code: { path },
        coder,
        start,
        end,
      }),
    );
  };
  // Codebook order: Safety, Lighting, Transport, Other>Praise.
  await apply("Anna", "R1/Q1", ["Safety"], 0, 28);
  await apply("Ben", "R1/Q1", ["Safety"], 0, 28);
  await apply("Anna", "R1/Q1", ["Lighting"], 35, 50);
  await apply("Ben", "R1/Q1", ["Lighting"], 30, 50);
  await apply("Anna", "R2/Q1", ["Transport"], 0, 14);
  await apply("Ben", "R2/Q1", ["Transport"], 0, 15);
  await apply("Anna", "R2/Q1", ["Lighting"], 23, 39);
  await apply("Ben", "R3/Q1", ["Other", "Praise"], 0, 22);
  await apply("Anna", "R4/Q1", ["Safety"], 0, 20);
  await apply("Anna", "R1/Q2", ["Transport"], 0, 10);
  await apply("Ben", "R1/Q2", ["Transport"], 0, 10);
  const done = async (coder: string, q: string, answerIds?: number[]) =>
    coreValue(
      await core.call("coding.markDone", {
        coder,
        questionId: questions.get(q) as number,
        done: true,
        ...(answerIds && { answerIds }),
      }),
    );
  await done("Anna", "Q1");
  await done("Anna", "Q2");
  await done("Ben", "Q1", [answer("R1", "Q1"), answer("R2", "Q1"), answer("R3", "Q1")]);
  await done("Ben", "Q2");

  const db = core.session.db();
  const codes = new Map<string, number>();
  const walk = (nodes: { id: number; path: readonly string[]; children: unknown[] }[]) => {
    for (const node of nodes) {
      codes.set(node.path.join(">"), node.id);
      walk(node.children as typeof nodes);
    }
  };
  walk(coreValue(await core.call("codes.tree", {})));
  const coders = new Map(
    (db.prepare("SELECT name, id FROM coders").raw().all() as [string, CoderId][]).map(
      ([name, id]) => [name, id],
    ),
  );
  core.shutdown();
  return {
    path: made.path,
    answer,
    question: (q) => questions.get(q) as number,
    code: (path) => codes.get(path) as number,
    coder: (name) => coders.get(name) as CoderId,
  };
}

/** The core as the browser shell starts it (fixed clock), on the project at `path`. */
export function openCore(dir: string, path: string): Core {
  const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
  core.session.open(path);
  return core;
}
