/**
 * Two (or three) coders' work on a small survey, built the way users build it: a CSV
 * import, then coding and done marks through the core's API with coder names. Used by
 * the agreement integration tests, whose hand computations refer to the codings below.
 */
import type { Core } from "../../electron/core/core.ts";
import type { AnswerId, CoderId, QuestionId } from "../../shared/domain.ts";
import { importedSurvey, surveyMapping } from "../helpers/coding-project.ts";
import { coreValue } from "../helpers/core.ts";

/** Respondents R1..R10 answer Q1; R1..R3 answer Q2, the others say "n/a". */
export const RESPONDENTS = Array.from({ length: 10 }, (_, i) => `R${i + 1}`);

function surveyCsv(q2: (rid: string, i: number) => string): string {
  return [
    "id,Country,Q1,Q2",
    ...RESPONDENTS.map(
      (rid, i) => `${rid},Ireland,Answer ${i + 1} about safety and cost.,${q2(rid, i)}`,
    ),
  ].join("\n");
}

export interface AgreementSurvey {
  readonly core: Core;
  call<T>(name: string, input: unknown): Promise<T>;
  answer(rid: string, q: "Q1" | "Q2"): AnswerId;
  question(q: "Q1" | "Q2"): QuestionId;
  coder(name: string): CoderId;
  /** The coder codes each respondent's answer to the question, whole. */
  code(coder: string, path: string, q: "Q1" | "Q2", rids: readonly string[]): Promise<void>;
  /** Marks the whole question done, or the listed respondents' answers. */
  done(coder: string, q: "Q1" | "Q2", rids?: readonly string[]): Promise<void>;
}

/**
 * The survey of ten respondents (Q2's texts can be given) opened in a core; `openCore(dir, path)` is the test file's useCoreProject().
 */
export async function agreementSurvey(
  dir: string,
  openCore: (dir: string, path: string) => Core,
  q2: (rid: string, i: number) => string = (_, i) => (i < 3 ? `More buses ${i + 1}.` : "n/a"),
): Promise<AgreementSurvey> {
  const project = await importedSurvey(dir, surveyCsv(q2), surveyMapping("What should change?"));
  project.session.close();
  const core = openCore(dir, project.path);
  const db = () => core.session.db();
  const call = async <T>(name: string, input: unknown): Promise<T> =>
    coreValue<T>(await core.call(name as never, input as never));
  const answer = (rid: string, q: string) =>
    db()
      .prepare(
        `SELECT a.id FROM answers a JOIN respondents r ON r.id = a.respondent_id
           JOIN questions q ON q.id = a.question_id WHERE r.external_id = ? AND q.label = ?`,
      )
      .pluck()
      .get(rid, q) as AnswerId;
  const question = (q: string) =>
    db().prepare("SELECT id FROM questions WHERE label = ?").pluck().get(q) as QuestionId;
  return {
    core,
    call,
    answer,
    question,
    coder: (name) =>
      db().prepare("SELECT id FROM coders WHERE name = ?").pluck().get(name) as CoderId,
    async code(coder, path, q, rids) {
      for (const rid of rids) {
        await call("coding.apply", {
          answerId: answer(rid, q),
          code: { path: path.split(">") },
          coder,
        });
      }
    },
    async done(coder, q, rids) {
      await call("coding.markDone", {
        coder,
        questionId: question(q),
        ...(rids ? { answerIds: rids.map((rid) => answer(rid, q)) } : {}),
        done: true,
      });
    },
  };
}
