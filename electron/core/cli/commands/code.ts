/**
 * `cairn code FILE --coder NAME --respondent RID --question Q --code "Parent>Child"
 * [--start N --end N] [--memo TEXT] [--json]`: codes a passage of one answer (the whole
 * answer without offsets) as the app does, through the same service: missing codes are
 * created, a passage touching the coder's segment of that code merges with it, and the
 * edit is one step the app can undo. Prints the resulting (possibly merged) segment.
 */
import { CairnError } from "../../../../shared/api/errors.ts";
import { applyCode } from "../../coding/coding-service.ts";
import type { AnswerToCode } from "../../db/coding-lookups.ts";
import { getSegmentListing } from "../../db/segment-list.ts";
import { parse, singleFile } from "../args.ts";
import { applyInput, requiredFlag, withAnswer } from "../coding-flags.ts";
import { answerOf, codePaths, questionNamed, respondentNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { segmentJson, segmentLine } from "../segment-output.ts";

const OPTIONS = {
  coder: { type: "string" },
  respondent: { type: "string" },
  question: { type: "string" },
  code: { type: "string" },
  start: { type: "string" },
  end: { type: "string" },
  memo: { type: "string" },
  json: { type: "boolean" },
} as const;

export function codeCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("code", argv, OPTIONS);
  const file = singleFile("code", positionals);
  const respondent = requiredFlag("code", "respondent", values.respondent);
  const question = requiredFlag("code", "question", values.question);
  const input = applyInput("code", values);

  withProject(file, (session) => {
    const db = session.db();
    const who = respondent.trim();
    const asked = questionNamed(db, question);
    const answer = answerOf(db, { id: respondentNamed(db, file, who), name: who }, asked);
    checkCodable(answer, `${who}'s answer to ${asked.label}`, input);
    const { segmentId } = applyCode(db, withAnswer(input, answer.id), new Date().toISOString());
    const segment = getSegmentListing(db, segmentId);
    if (!segment) throw new Error(`coded segment ${segmentId} cannot be read back`);
    const paths = codePaths(db);
    if (values.json) printJson(output, segmentJson(segment, paths));
    else output.out(`coded ${segmentLine(segment, paths)}`);
  });
}

/**
 * The service checks these too, but says "this answer": here the message names the
 * respondent and question the user typed.
 */
function checkCodable(
  answer: AnswerToCode,
  where: string,
  passage: { start?: number; end?: number },
): void {
  if (answer.status === "empty" || answer.text.trim() === "") {
    throw new CairnError("bad_input", `${where} is blank; there is nothing to code`);
  }
  if (answer.status === "non_response") {
    throw new CairnError(
      "bad_input",
      `${where} is marked as a non-response ("${answer.text}"); mark it as answered in the app first`,
    );
  }
  if (passage.end !== undefined && passage.end > answer.text.length) {
    throw new CairnError(
      "bad_input",
      `offsets ${passage.start}..${passage.end} are outside ${where} (length ${answer.text.length})`,
    );
  }
}
