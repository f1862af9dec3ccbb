/**
 * `cairn quotes FILE --code PATH [--question Q] [--coder NAME] [--attribution ATTR]
 * [--json]`: every passage coded with a code (a category: everything below it) as a
 * quote for a report, `“…we stopped counting the calls” (Ireland)`, attributed by an
 * attribute's value or, by default, the respondent's id. One quote per paragraph, or a
 * JSON array with the passage's details and its quote.
 */
import { CairnError } from "../../../../shared/api/errors.ts";
import type { Passage } from "../../../../shared/api/retrieval-api.ts";
import {
  attributionOf,
  formatQuote,
  RESPONDENT_ATTRIBUTION,
  type QuoteStyle,
} from "../../../../shared/retrieval/quotes.ts";
import { attributeIdsByName } from "../../db/grid-lookups.ts";
import type { Db } from "../../db/project-file.ts";
import { knownAttributes, listPassages } from "../../retrieval/passages.ts";
import { parse, singleFile } from "../args.ts";
import { codePathFlag, requiredFlag } from "../coding-flags.ts";
import { codeNamed, coderNamed, questionNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";

const OPTIONS = {
  code: { type: "string" },
  question: { type: "string" },
  coder: { type: "string" },
  attribution: { type: "string" },
  json: { type: "boolean" },
} as const;

/** The JSON shape of a quote on the command line (a contract: extend, never change). */
export interface QuoteJson {
  readonly respondent: string;
  readonly question: string;
  readonly question_position: number;
  readonly code: readonly string[];
  readonly coder: string;
  /** UTF-16 code units into the answer's text, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly attribution: string;
  readonly quote: string;
}

export function quotesCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("quotes", argv, OPTIONS);
  const file = singleFile("quotes", positionals);
  const path = codePathFlag("quotes", requiredFlag("quotes", "code", values.code));

  withProject(file, (session) => {
    const db = session.db();
    const style: QuoteStyle = {
      attribution: values.attribution === undefined ? null : attributeNamed(db, values.attribution),
    };
    const { rows } = listPassages(db, {
      codeId: codeNamed(db, file, path),
      questionId: values.question === undefined ? undefined : questionNamed(db, values.question).id,
      coderId: values.coder === undefined ? undefined : coderNamed(db, file, values.coder),
    });
    if (values.json) {
      printJson(
        output,
        rows.map((passage) => quoteJson(passage, style)),
      );
      return;
    }
    if (rows.length === 0) output.err("no coded passages match");
    rows.forEach((passage, index) => {
      if (index > 0) output.out("");
      output.out(formatQuote(passage, style));
    });
  });
}

function quoteJson(passage: Passage, style: QuoteStyle): QuoteJson {
  return {
    respondent: passage.respondent,
    question: passage.question,
    question_position: passage.questionPosition,
    code: [...passage.codePath],
    coder: passage.coder,
    start: passage.start,
    end: passage.end,
    text: passage.text,
    attribution: attributionOf(passage, style),
    quote: formatQuote(passage, style),
  };
}

/** The attribute as the project spells it (exact, then ignoring case), or "respondent". */
function attributeNamed(db: Db, name: string): string {
  const wanted = name.trim();
  const attributes = attributeIdsByName(db);
  if (attributes.has(wanted)) return wanted;
  const matches = [...attributes.keys()].filter(
    (known) => known.toLowerCase() === wanted.toLowerCase(),
  );
  if (matches.length === 1) return matches[0] as string;
  if (wanted.toLowerCase() === RESPONDENT_ATTRIBUTION) return RESPONDENT_ATTRIBUTION;
  throw new CairnError(
    "not_found",
    `there is no attribute "${name}" to attribute quotes by; ${knownAttributes(attributes)}` +
      ` (or "${RESPONDENT_ATTRIBUTION}" for the respondent's id)`,
  );
}
