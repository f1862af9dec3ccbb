/**
 * The flags `cairn tally` and `cairn crosstab` share to say what they count: `--question
 * Q`, `--coder NAME` or `--all-coders` (the default: every coder's segments, merged,
 * decision 0012) and `--where ATTR=VALUE ...`. One reading of them, so the two commands
 * cannot come to mean different things by the same flags.
 */
import type { TallyScope } from "../../../shared/api/tally-api.ts";
import type { Db } from "../db/project-file.ts";
import type { QuestionName } from "../db/segment-list.ts";
import { UsageError } from "./args.ts";
import { coderNamed, questionNamed } from "./coding-lookup.ts";
import { WHERE_OPTION, whereFlags, whereValues, type WhereFilter } from "./where-flag.ts";

export const TALLY_SCOPE_OPTIONS = {
  question: { type: "string" },
  coder: { type: "string" },
  "all-coders": { type: "boolean" },
  ...WHERE_OPTION,
} as const;

interface ScopeFlagValues {
  readonly question?: string | undefined;
  readonly coder?: string | undefined;
  readonly "all-coders"?: boolean | undefined;
  readonly where?: unknown;
}

/** What the flags name, resolved in the project, and the scope they make. */
export interface ResolvedScope {
  readonly scope: TallyScope;
  readonly question: QuestionName | null;
  /** The coder as the flag named them; null for all coders merged. */
  readonly coder: string | null;
  readonly filter: readonly WhereFilter[];
}

/** Flags that contradict each other, before any project is opened. */
export function checkScopeFlags(command: string, values: ScopeFlagValues): void {
  if (values.coder !== undefined && values["all-coders"]) {
    throw new UsageError(`cairn ${command}: give --coder NAME or --all-coders, not both`);
  }
}

export function resolveScopeFlags(
  command: string,
  db: Db,
  file: string,
  values: ScopeFlagValues,
): ResolvedScope {
  const filter = whereFlags(command, db, whereValues(values.where));
  const question = values.question === undefined ? null : questionNamed(db, values.question);
  const coderId = values.coder === undefined ? undefined : coderNamed(db, file, values.coder);
  const scope: TallyScope = {
    ...(question && { questionId: question.id }),
    ...(coderId !== undefined && { coderId }),
    ...(filter.length > 0 && {
      attributes: filter.map(({ name, values }) => ({ name, values: [...values] })),
    }),
  };
  return { scope, question, coder: values.coder ?? null, filter };
}
