/**
 * `cairn prepare-coder FILE OUT --coder NAME [--question Q ...] [--json]`: writes a copy
 * of the project (or of the named questions) for a second coder, with the codebook and
 * the answers but nobody's segments, memos, done marks or names (issue 7). FILE itself
 * is only read.
 */
import { resolve } from "node:path";
import type { PreparedCopy } from "../../../../shared/api/agreement-api.ts";
import { prepareCoderCopy } from "../../agreement/coder-copy.ts";
import { counted } from "../agreement-text.ts";
import { parse, UsageError } from "../args.ts";
import { requiredFlag } from "../coding-flags.ts";
import { questionNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { whereValues } from "../where-flag.ts";

const OPTIONS = {
  coder: { type: "string" },
  question: { type: "string", multiple: true },
  json: { type: "boolean" },
} as const;

export function prepareCoderCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("prepare-coder", argv, OPTIONS);
  const [file, out] = positionals;
  if (positionals.length !== 2 || !file || !out) {
    throw new UsageError(
      "cairn prepare-coder: expected FILE and OUT (cairn prepare-coder FILE OUT --coder NAME)",
    );
  }
  const coder = requiredFlag("prepare-coder", "coder", values.coder);
  const named = whereValues(values.question) ?? [];
  const copy = withProject(file, (session) => {
    const db = session.db();
    const questionIds = named.map((name) => questionNamed(db, name).id);
    return prepareCoderCopy(db, { path: resolve(out), coder, questionIds });
  });
  if (values.json) printJson(output, copyJson(copy));
  else output.out(copyText(copy));
}

export function copyJson(copy: PreparedCopy): Record<string, unknown> {
  return {
    path: copy.path,
    coder: copy.coder,
    questions: copy.questions,
    answers: copy.answers,
    codes: copy.codes,
  };
}

function copyText(copy: PreparedCopy): string {
  return (
    `Wrote ${copy.path} for ${copy.coder}: ${counted(copy.questions, "question")}, ` +
    `${counted(copy.answers, "answer")} to code, ${counted(copy.codes, "code")}; ` +
    "nobody's coded passages, memos, done marks or names."
  );
}
