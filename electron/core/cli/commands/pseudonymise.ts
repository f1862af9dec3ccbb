/**
 * `cairn pseudonymise FILE OUT --terms TERMS.txt [--emails] [--phones] [--urls]
 * [--case-sensitive] [--inside-words] [--json]`: writes a pseudonymised copy of the
 * project to OUT (decision 0019). TERMS.txt holds one term a line, `Name => Pseudonym`
 * (shared/text/pseudonymise-terms.ts). The project itself is only read.
 */
import { readFileSync } from "node:fs";
import { CairnError } from "../../../../shared/api/errors.ts";
import {
  pseudonymiseOptionsSchema,
  type PseudonymiseReport,
} from "../../../../shared/api/safety-api.ts";
import { parseTermList } from "../../../../shared/text/pseudonymise-terms.ts";
import { reportInWords } from "../../../../shared/text/pseudonymise-words.ts";
import { pseudonymiseCopy } from "../../privacy/pseudonymise-service.ts";
import { parse, UsageError } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withProjectAsync } from "../project.ts";

const OPTIONS = {
  terms: { type: "string" },
  emails: { type: "boolean" },
  phones: { type: "boolean" },
  urls: { type: "boolean" },
  "case-sensitive": { type: "boolean" },
  "inside-words": { type: "boolean" },
  json: { type: "boolean" },
} as const;

export async function pseudonymiseCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("pseudonymise", argv, OPTIONS);
  const [file, out, ...extra] = positionals;
  if (!file || !out || extra.length > 0) {
    throw new UsageError(
      "cairn pseudonymise: expected FILE and OUT (cairn pseudonymise FILE OUT --terms TERMS.txt)",
    );
  }
  if (values.terms === undefined && !values.emails && !values.phones && !values.urls) {
    throw new UsageError(
      "cairn pseudonymise: give --terms TERMS.txt (and/or --emails, --phones, --urls)",
    );
  }
  const options = checkedOptions({
    terms: values.terms === undefined ? [] : readTerms(values.terms),
    ignoreCase: !values["case-sensitive"],
    wholeWords: !values["inside-words"],
    emails: values.emails === true,
    phones: values.phones === true,
    urls: values.urls === true,
  });
  const report = await withProjectAsync(file, (session) =>
    pseudonymiseCopy(session, { ...options, target: out }),
  );
  if (values.json) printJson(output, reportJson(report));
  else output.out(`Wrote ${report.path}: ${reportInWords(report)}`);
}

function readTerms(path: string) {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new CairnError(
      reason === "ENOENT" ? "not_found" : "io",
      reason === "ENOENT" ? `${path} does not exist` : `could not read ${path}: ${reason}`,
    );
  }
  const { terms, problems } = parseTermList(text);
  const problem = problems[0];
  if (problem) throw new CairnError("bad_input", `${path}: ${problem.message}`);
  if (terms.length === 0) {
    throw new CairnError("bad_input", `${path} lists no names to replace (one a line)`);
  }
  return terms;
}

/** The contract's own rules (lengths, list size), as the app's calls are checked. */
function checkedOptions(input: unknown) {
  const checked = pseudonymiseOptionsSchema.safeParse(input);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
  throw new CairnError("bad_input", `the terms list: ${issue?.message ?? "not valid"}${where}`);
}

/** The JSON `--json` prints: snake_case keys are a contract; extend, never rename. */
function reportJson(report: PseudonymiseReport) {
  return {
    path: report.path,
    replacements: report.replacements,
    by_term: report.byTerm.map(({ find, replace, count }) => ({ find, replace, count })),
    answers_changed: report.answersChanged,
    segments_reanchored: report.segmentsReanchored,
    memos_changed: report.memosChanged,
    attribute_values_changed: report.attributeValuesChanged,
    respondent_ids_changed: report.respondentIdsChanged,
  };
}
