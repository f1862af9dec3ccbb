/**
 * `cairn agreement FILE --coders A,B[,C...] [--level answer|segment] [--threshold 0.9]
 * [--question Q ...] [--resamples N] [--seed N] [--json]`: inter-coder agreement per code
 * and pooled over the answers every coder has seen (definitions: DESIGN.md,
 * ../shared/agreement/README.md, decision 0015). `cairn agreement --table TABLE.json
 * [--json]`: the same statistics for any units x coders table, without a project.
 */
import {
  agreementScopeSchema,
  DEFAULT_RESAMPLES,
  type AgreementScope,
} from "../../../../shared/api/agreement-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { CoderId, QuestionId } from "../../../../shared/domain.ts";
import { agreementReport } from "../../agreement/agreement-service.ts";
import type { Db } from "../../db/project-file.ts";
import { numberFlag, thresholdFlag } from "../agreement-flags.ts";
import { answerLevelJson, segmentLevelJson } from "../agreement-json.ts";
import { printTableAgreement } from "../agreement-table.ts";
import { printAnswerLevel, printReportHeader, printSegmentLevel } from "../agreement-text.ts";
import { parse, singleFile, UsageError, type Parsed } from "../args.ts";
import { coderNamed, questionNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { whereValues } from "../where-flag.ts";

const OPTIONS = {
  coders: { type: "string" },
  level: { type: "string" },
  threshold: { type: "string" },
  question: { type: "string", multiple: true },
  resamples: { type: "string" },
  seed: { type: "string" },
  table: { type: "string" },
  json: { type: "boolean" },
} as const;

type Values = Parsed<typeof OPTIONS>["values"];

const PROJECT_FLAGS = ["coders", "level", "threshold", "question", "resamples", "seed"] as const;

export function agreementCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("agreement", argv, OPTIONS);
  if (values.table !== undefined) {
    const extra = PROJECT_FLAGS.find((flag) => values[flag] !== undefined);
    if (positionals.length > 0 || extra) {
      throw new UsageError(
        `cairn agreement: --table reads a table file alone; drop ${extra ? `--${extra}` : "FILE"} ` +
          "(cairn agreement --table TABLE.json [--json])",
      );
    }
    printTableAgreement(output, values.table, values.json === true);
    return;
  }
  const file = singleFile("agreement", positionals);
  const level = levelOf(values.level);
  const flags = numericFlags(values, level);
  const names = coderList(values.coders);
  withProject(file, (session) => {
    const db = session.db();
    const scope = scopeOf(db, file, names, whereValues(values.question), flags);
    const report = agreementReport(db, scope, new Date().toISOString());
    if (level === "segment") {
      const json = segmentLevelJson(report);
      if (!json) {
        throw new CairnError(
          "bad_input",
          report.segmentLevelReason ?? "the segment level compares two coders",
        );
      }
      if (values.json) printJson(output, json);
      else {
        printReportHeader(output, report);
        printSegmentLevel(output, report);
      }
      return;
    }
    if (values.json) printJson(output, answerLevelJson(report));
    else {
      printReportHeader(output, report);
      printAnswerLevel(output, report);
    }
  });
}

function levelOf(value: string | undefined): "answer" | "segment" {
  if (value === undefined || value === "answer" || value === "segment") return value ?? "answer";
  throw new UsageError(`cairn agreement: --level is answer or segment, not "${value}"`);
}

function coderList(value: string | undefined): string[] {
  const names = (value ?? "")
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length < 2) {
    throw new UsageError(
      value === undefined
        ? "cairn agreement: name the coders to compare: --coders A,B (or --table TABLE.json)"
        : `cairn agreement: --coders needs two or more names separated by commas, like --coders Anna,Ben`,
    );
  }
  return names;
}

interface NumericFlags {
  readonly threshold?: number;
  readonly resamples?: number;
  readonly seed?: number;
}

function numericFlags(values: Values, level: "answer" | "segment"): NumericFlags {
  const threshold = thresholdFlag("agreement", values.threshold);
  const whole = (n: number) => Number.isInteger(n) && n >= 0;
  const resamples = numberFlag(
    "agreement",
    "resamples",
    values.resamples,
    (n) => whole(n) && n <= 10_000,
    "a whole number from 0 to 10000",
  );
  const seed = numberFlag(
    "agreement",
    "seed",
    values.seed,
    (n) => whole(n) && n < 2 ** 31,
    "a whole number from 0 to 2147483647",
  );
  return {
    ...(threshold !== undefined && { threshold }),
    // The segment level has no intervals: no resamples unless asked for.
    ...(resamples !== undefined ? { resamples } : level === "segment" && { resamples: 0 }),
    ...(seed !== undefined && { seed }),
  };
}

function scopeOf(
  db: Db,
  file: string,
  names: readonly string[],
  questions: readonly string[] | undefined,
  flags: NumericFlags,
): AgreementScope {
  const coderIds: CoderId[] = [];
  for (const name of names) {
    const id = coderNamed(db, file, name);
    if (coderIds.includes(id)) {
      throw new CairnError("bad_input", `"${name}" names a coder already listed in --coders`);
    }
    coderIds.push(id);
  }
  const questionIds: QuestionId[] = [];
  for (const name of questions ?? []) {
    const id = questionNamed(db, name).id;
    if (!questionIds.includes(id)) questionIds.push(id);
  }
  const parsed = agreementScopeSchema.safeParse({
    coderIds,
    ...(questionIds.length > 0 && { questionIds }),
    resamples: DEFAULT_RESAMPLES,
    ...flags,
  });
  if (!parsed.success) {
    throw new CairnError("bad_input", parsed.error.issues[0]?.message ?? "bad agreement scope");
  }
  return parsed.data;
}
