/**
 * `cairn tally FILE [--question Q] [--coder NAME|--all-coders] [--where ATTR=VALUE ...]
 * [--json]`: the frequency panel's figures, per question and across the questions, for
 * one coder or all coders merged (the default), for the respondents the filters let
 * through. Definitions: DESIGN.md; decision 0012. A table for people, or JSON whose keys
 * are a contract: extend, never rename.
 */
import type { QuestionTally, Tally, TallyCode } from "../../../../shared/api/tally-api.ts";
import { percentText } from "../../../../shared/tally/percent.ts";
import { filterText } from "../../../../shared/tally/report-sentences.ts";
import { tallyOf } from "../../tally/tally-service.ts";
import { parse, singleFile } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { checkScopeFlags, resolveScopeFlags, TALLY_SCOPE_OPTIONS } from "../tally-scope-flags.ts";

const OPTIONS = { ...TALLY_SCOPE_OPTIONS, json: { type: "boolean" } } as const;

export interface TallyCodeJson {
  readonly path: readonly string[];
  readonly n_respondents: number;
  readonly n_segments: number;
  /** Fractions, null where the denominator is 0. */
  readonly pct_of_answered: number | null;
  readonly pct_of_segments: number | null;
}

export interface TallyJson {
  readonly coder: string | null;
  readonly filter: readonly { readonly name: string; readonly values: readonly string[] }[];
  readonly respondents: number;
  readonly questions: readonly {
    readonly label: string;
    readonly position: number;
    readonly text: string;
    readonly answered: number;
    readonly empty: number;
    readonly non_response: number;
    readonly missing: number;
    readonly codes: readonly TallyCodeJson[];
  }[];
  readonly overall: { readonly answered: number; readonly codes: readonly TallyCodeJson[] };
}

export function tallyCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("tally", argv, OPTIONS);
  const file = singleFile("tally", positionals);
  checkScopeFlags("tally", values);
  withProject(file, (session) => {
    const db = session.db();
    const tally = tallyOf(db, resolveScopeFlags("tally", db, file, values).scope);
    if (values.json) printJson(output, tallyJson(tally));
    else printTable(output, tally);
  });
}

export function tallyJson(tally: Tally): TallyJson {
  return {
    coder: tally.coder,
    filter: tally.filter,
    respondents: tally.respondents,
    questions: tally.questions.map((q) => ({
      label: q.label,
      position: q.position,
      text: q.text,
      answered: q.answered,
      empty: q.empty,
      non_response: q.nonResponse,
      missing: q.missing,
      codes: q.codes.map(codeJson),
    })),
    overall: { answered: tally.overall.answered, codes: tally.overall.codes.map(codeJson) },
  };
}

function codeJson(code: TallyCode): TallyCodeJson {
  return {
    path: code.path,
    n_respondents: code.nRespondents,
    n_segments: code.nSegments,
    pct_of_answered: code.pctOfAnswered,
    pct_of_segments: code.pctOfSegments,
  };
}

function printTable(output: Output, tally: Tally): void {
  const filter = tally.filter.length ? [filterText(tally.filter)] : [];
  output.out(
    [tally.coder ?? "All coders", `${tally.respondents} respondents`, ...filter].join(" · "),
  );
  for (const question of tally.questions) {
    output.out("");
    output.out(`${questionTitle(question)}: ${answeredLine(question, tally.respondents)}`);
    printCodes(output, question.codes, question.answered);
  }
  if (tally.questions.length > 1) {
    output.out("");
    output.out(
      `All questions: ${tally.overall.answered} of ${tally.respondents} answered at least one`,
    );
    printCodes(output, tally.overall.codes, tally.overall.answered);
  }
}

function questionTitle(question: QuestionTally): string {
  return question.text ? `${question.label} ${question.text}` : question.label;
}

function answeredLine(question: QuestionTally, respondents: number): string {
  const others = [
    question.empty && `${question.empty} blank`,
    question.nonResponse && `${question.nonResponse} non-response`,
    question.missing && `${question.missing} missing`,
  ].filter(Boolean);
  const answered = `${question.answered} of ${respondents} answered`;
  return others.length ? `${answered} (${others.join(", ")})` : answered;
}

function printCodes(output: Output, codes: readonly TallyCode[], answered: number): void {
  if (codes.length === 0) {
    output.out("  (nothing coded)");
    return;
  }
  // Unlisted nodes have no segments: the listed siblings' sum is the whole denominator.
  const siblingSegments = new Map<number | null, number>();
  for (const code of codes) {
    siblingSegments.set(code.parentId, (siblingSegments.get(code.parentId) ?? 0) + code.nSegments);
  }
  const names = codes.map((code) => code.path.join(" > "));
  const counts = codes.map(
    (code) => `${code.nRespondents} of ${answered} (${percentText(code.nRespondents, answered)})`,
  );
  const nameWidth = Math.max(...names.map((name) => name.length));
  const countWidth = Math.max(...counts.map((count) => count.length));
  codes.forEach((code, i) => {
    const segments = `${code.nSegments} segment${code.nSegments === 1 ? "" : "s"}`;
    const share = percentText(code.nSegments, siblingSegments.get(code.parentId) ?? 0);
    output.out(
      `  ${names[i]!.padEnd(nameWidth)}  ${counts[i]!.padEnd(countWidth)}  ${segments} (${share})`,
    );
  });
}
