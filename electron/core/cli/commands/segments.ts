/**
 * `cairn segments FILE [--question Q] [--coder NAME] [--code PATH] [--limit N] [--json]`:
 * the coded passages, in questionnaire order, with the respondent, question, code path,
 * coder, offsets and the passage's text. `--code` takes a category with everything
 * below it: the segments of "Safety" include those of "Safety>Risk".
 */
import { parse, singleFile } from "../args.ts";
import { codePathFlag, wholeNumberFlag } from "../coding-flags.ts";
import { codeNamed, codePaths, coderNamed, questionNamed } from "../coding-lookup.ts";
import { listSegments, type SegmentFilter } from "../../db/segment-list.ts";
import type { Output } from "../output.ts";
import { withProjectAsync } from "../project.ts";
import { streamSegments } from "../segment-output.ts";

const OPTIONS = {
  question: { type: "string" },
  coder: { type: "string" },
  code: { type: "string" },
  limit: { type: "string" },
  json: { type: "boolean" },
} as const;

export async function segmentsCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("segments", argv, OPTIONS);
  const file = singleFile("segments", positionals);
  const codePath = values.code === undefined ? undefined : codePathFlag("segments", values.code);
  const limit =
    values.limit === undefined ? undefined : wholeNumberFlag("segments", "limit", values.limit);

  await withProjectAsync(file, async (session) => {
    const db = session.db();
    const filter: SegmentFilter = {
      ...(values.question !== undefined
        ? { questionId: questionNamed(db, values.question).id }
        : {}),
      ...(values.coder !== undefined ? { coderId: coderNamed(db, file, values.coder) } : {}),
      ...(codePath !== undefined ? { codeId: codeNamed(db, file, codePath) } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    const count = await streamSegments(
      output,
      listSegments(db, filter),
      codePaths(db),
      values.json ?? false,
    );
    if (count === 0 && !values.json) output.err("no coded passages match");
  });
}
