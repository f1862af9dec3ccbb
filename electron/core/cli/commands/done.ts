/**
 * `cairn done FILE --coder NAME --question Q [--respondent RID ...] [--not] [--json]`:
 * marks a question, or some respondents' answers to it, done for a coder (or, with
 * --not, removes the mark). Agreement compares only answers every coder marked done, so
 * a coder working from the command line needs this as much as the ✓ in the app. One
 * step the app can undo.
 */
import { markDone } from "../../coding/coding-service.ts";
import { parse, singleFile } from "../args.ts";
import { requiredFlag } from "../coding-flags.ts";
import { answerOf, questionNamed, respondentNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { whereValues } from "../where-flag.ts";

const OPTIONS = {
  coder: { type: "string" },
  question: { type: "string" },
  respondent: { type: "string", multiple: true },
  not: { type: "boolean" },
  json: { type: "boolean" },
} as const;

export function doneCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("done", argv, OPTIONS);
  const file = singleFile("done", positionals);
  const coder = requiredFlag("done", "coder", values.coder).trim();
  const asked = requiredFlag("done", "question", values.question);
  const done = !values.not;

  withProject(file, (session) => {
    const db = session.db();
    const question = questionNamed(db, asked);
    const respondents = (whereValues(values.respondent) ?? []).map((name) => name.trim());
    const answerIds = respondents.map(
      (name) => answerOf(db, { id: respondentNamed(db, file, name), name }, question).id,
    );
    markDone(
      db,
      {
        coder,
        questionId: question.id,
        ...(answerIds.length > 0 && { answerIds }),
        done,
      },
      new Date().toISOString(),
    );
    const what = respondents.length > 0 ? `${respondents.join(", ")}'s answers to` : "the whole of";
    if (values.json) {
      printJson(output, { coder, question: question.label, respondents, done });
    } else {
      output.out(`${coder}: ${what} ${question.label} marked ${done ? "done" : "not done"}`);
    }
  });
}
