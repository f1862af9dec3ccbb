/**
 * `cairn crosstab FILE --attribute ATTR [--question Q] [--coder NAME|--all-coders]
 * [--where ATTR=VALUE ...] [--json]`: respondents per code split by the values of one
 * attribute, with column percentages of those who answered. Without --coder every
 * coder's segments count, merged (decision 0012).
 */
import type { Crosstab } from "../../../../shared/api/tally-api.ts";
import { percentText } from "../../../../shared/tally/percent.ts";
import { attributeIdsByName } from "../../db/grid-lookups.ts";
import type { QuestionName } from "../../db/segment-list.ts";
import { crosstab } from "../../tally/crosstab.ts";
import { parse, singleFile } from "../args.ts";
import { requiredFlag } from "../coding-flags.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { checkScopeFlags, resolveScopeFlags, TALLY_SCOPE_OPTIONS } from "../tally-scope-flags.ts";
import { attributeNamed } from "../where-flag.ts";

const OPTIONS = {
  attribute: { type: "string" },
  ...TALLY_SCOPE_OPTIONS,
  json: { type: "boolean" },
} as const;

/** The JSON shape of `cairn crosstab --json` (a contract: extend, never change). */
export interface CrosstabJson {
  readonly attribute: string;
  readonly coder: string | null;
  readonly question: { readonly label: string; readonly position: number } | null;
  readonly filter: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly columns: readonly {
    readonly value: string | null;
    readonly respondents: number;
    readonly answered: number;
  }[];
  readonly codes: readonly {
    readonly path: readonly string[];
    readonly cells: readonly {
      readonly value: string | null;
      readonly n_respondents: number;
      readonly pct_of_answered: number | null;
    }[];
    readonly total: number;
  }[];
}

export function crosstabCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("crosstab", argv, OPTIONS);
  const file = singleFile("crosstab", positionals);
  const wanted = requiredFlag("crosstab", "attribute", values.attribute);
  checkScopeFlags("crosstab", values);

  withProject(file, (session) => {
    const db = session.db();
    const attribute = attributeNamed(attributeIdsByName(db), wanted.trim());
    const { scope, question, coder, filter } = resolveScopeFlags("crosstab", db, file, values);
    const table = crosstab(db, { ...scope, attribute });
    const json = crosstabJson(table, {
      coder: scope.coderId === undefined ? null : coder,
      question,
      filter,
    });
    if (values.json) printJson(output, json);
    else printTable(output, json);
  });
}

function crosstabJson(
  table: Crosstab,
  about: {
    coder: string | null;
    question: QuestionName | null;
    filter: CrosstabJson["filter"];
  },
): CrosstabJson {
  return {
    attribute: table.attribute,
    coder: about.coder,
    question: about.question && { label: about.question.label, position: about.question.position },
    filter: about.filter,
    columns: table.columns,
    codes: table.rows.map((row) => ({
      path: row.path,
      cells: table.columns.map((column, i) => ({
        value: column.value,
        n_respondents: row.cells[i] ?? 0,
        pct_of_answered: row.pctOfAnswered[i] ?? null,
      })),
      total: row.total,
    })),
  };
}

const NO_VALUE = "(no value)";

/** A plain table: a column per value, "n (pct%)" cells, codes indented by level. */
function printTable(output: Output, json: CrosstabJson): void {
  const scope = [
    json.question ? `question ${json.question.label}` : "all questions",
    json.coder ? `coder ${json.coder}` : "all coders",
    ...json.filter.map((f) => `${f.name} = ${f.values.join(" or ")}`),
  ].join(", ");
  output.out(`Respondents per code by ${json.attribute} (${scope})`);
  const header = ["", ...json.columns.map((c) => c.value ?? NO_VALUE), "Total"];
  const answered = ["answered", ...json.columns.map((c) => `${c.answered} of ${c.respondents}`)];
  const totalAnswered = json.columns.reduce((sum, c) => sum + c.answered, 0);
  const totalRespondents = json.columns.reduce((sum, c) => sum + c.respondents, 0);
  answered.push(`${totalAnswered} of ${totalRespondents}`);
  const rows = json.codes.map((code) => [
    "  ".repeat(code.path.length - 1) + (code.path[code.path.length - 1] ?? ""),
    ...code.cells.map((cell, i) => {
      const base = json.columns[i]?.answered ?? 0;
      return `${cell.n_respondents} (${percentText(cell.n_respondents, base)})`;
    }),
    `${code.total} (${percentText(code.total, totalAnswered)})`,
  ]);
  const table = [header, answered, ...rows];
  const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] ?? "").length)));
  for (const row of table) {
    output.out(
      row
        .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
        .join("  ")
        .trimEnd(),
    );
  }
  if (json.codes.length === 0) output.err("no coded passages in scope");
}
