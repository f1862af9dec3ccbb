/**
 * `cairn consensus FILE --coders A,B [--question Q ...] [--threshold T] [--json]`: the
 * review queue of two coders' disagreements (decision 0015): n of m decided, and each
 * item with both coders' passages. It shows the latest review of A and B (on the named
 * questions, when given); without one, the queue a review would have, and writes nothing.
 *
 * Writing, as the app does (one undoable step each): `--start [--consensus NAME]` starts
 * the review (or resumes it), `--decide N=a|b|both|neither [--comment TEXT]` settles item
 * N. Items are numbered from 1 here, in the queue's order. JSON keys are a contract:
 * extend, never rename.
 */
import {
  DEFAULT_CONSENSUS_NAME,
  DEFAULT_THRESHOLD,
  REVIEW_DECISIONS,
  type ReviewDecision,
  type ReviewItem,
} from "../../../../shared/api/agreement-api.ts";
import type { Span } from "../../../../shared/agreement/segments.ts";
import type { CoderId, QuestionId } from "../../../../shared/domain.ts";
import { decideReview } from "../../agreement/review-decide.ts";
import { reviewItemsPage } from "../../agreement/review-items.ts";
import { reviewQueue } from "../../agreement/review-queue.ts";
import { startReview } from "../../agreement/review-service.ts";
import { coderNamesOf, questionsOf, reviewState } from "../../agreement/review-state.ts";
import type { Db } from "../../db/project-file.ts";
import { decisionsOf, latestReview } from "../../db/reviews.ts";
import { thresholdFlag } from "../agreement-flags.ts";
import { parse, singleFile, UsageError } from "../args.ts";
import { coderNamed, questionNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { whereValues } from "../where-flag.ts";

const OPTIONS = {
  coders: { type: "string" },
  question: { type: "string", multiple: true },
  threshold: { type: "string" },
  start: { type: "boolean" },
  consensus: { type: "string" },
  decide: { type: "string" },
  comment: { type: "string" },
  json: { type: "boolean" },
} as const;

export interface ConsensusItemJson {
  /** 1-based position in the queue. */
  readonly index: number;
  readonly respondent: string;
  readonly question: string;
  readonly code: readonly string[];
  readonly kind: "answer" | "segment";
  readonly a: readonly (readonly [number, number])[];
  readonly b: readonly (readonly [number, number])[];
  readonly decision: ReviewDecision | null;
  readonly comment: string;
}

export interface ConsensusJson {
  readonly coders: readonly [string, string];
  /** The consensus coder's name; the name a review would use when none started. */
  readonly consensus: string;
  readonly questions: readonly string[];
  readonly threshold: number;
  /** Null: no review started yet (the queue is what one would have). */
  readonly started_at: string | null;
  readonly total: number;
  readonly decided: number;
  readonly agreed: number;
  readonly items: readonly ConsensusItemJson[];
}

export function consensusCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("consensus", argv, OPTIONS);
  const file = singleFile("consensus", positionals);
  const coderNames = codersFlag(values.coders);
  const threshold = thresholdFlag("consensus", values.threshold) ?? DEFAULT_THRESHOLD;
  const decide = values.decide === undefined ? null : decideFlag(values.decide);
  if (values.comment !== undefined && decide === null) {
    throw new UsageError("cairn consensus: --comment goes with --decide N=CHOICE");
  }
  withProject(file, (session) => {
    const db = session.db();
    const coders: [CoderId, CoderId] = [
      coderNamed(db, file, coderNames[0]),
      coderNamed(db, file, coderNames[1]),
    ];
    if (coders[0] === coders[1]) {
      throw new UsageError("cairn consensus: --coders names the same coder twice");
    }
    const named = whereValues(values.question);
    const questionIds = named && [...new Set(named.map((q) => questionNamed(db, q).id))];
    const now = new Date().toISOString();
    if (values.start) {
      const consensus = values.consensus ?? DEFAULT_CONSENSUS_NAME;
      startReview(
        db,
        { coderIds: coders, threshold, consensus, ...(questionIds && { questionIds }) },
        now,
      );
    }
    if (decide) decideItem(db, coders, questionIds, decide, values.comment ?? "", now);
    const report = consensusJson(db, coders, questionIds, threshold, values.consensus);
    if (values.json) printJson(output, report);
    else printQueue(output, report);
  });
}

/** The queue state of the latest review of the coders, or of the review they would have. */
export function consensusJson(
  db: Db,
  coders: readonly [CoderId, CoderId],
  questionIds: readonly QuestionId[] | undefined,
  threshold: number,
  consensusName: string | undefined,
): ConsensusJson {
  const review = latestReview(db, coders, questionIds);
  const scope = review
    ? { coderA: review.coderA, coderB: review.coderB, questionIds: review.questionIds }
    : { coderA: coders[0], coderB: coders[1], questionIds: questionIds ?? [] };
  const queue = reviewQueue(db, { ...scope, threshold: review?.threshold ?? threshold });
  const context = review
    ? { consensusId: review.consensusId, decisions: decisionsOf(db, review.id) }
    : { consensusId: null, decisions: new Map() };
  const items = reviewItemsPage(db, queue, context, 0, queue.entries.length);
  const state = review && reviewState(db, review, queue);
  const names = coderNamesOf(db, [scope.coderA, scope.coderB]);
  return {
    coders: [names.get(scope.coderA) ?? "", names.get(scope.coderB) ?? ""],
    consensus: state?.consensus.name ?? consensusName ?? DEFAULT_CONSENSUS_NAME,
    questions: questionsOf(db, scope.questionIds).map((q) => q.label),
    threshold: review?.threshold ?? threshold,
    started_at: review?.startedAt ?? null,
    total: queue.entries.length,
    decided: state?.decided ?? 0,
    agreed: queue.agreed.length,
    items: items.map(itemJson),
  };
}

function itemJson(item: ReviewItem): ConsensusItemJson {
  const pairs = (spans: readonly Span[]) => spans.map((s) => [s.start, s.end] as const);
  return {
    index: item.index + 1,
    respondent: item.respondent,
    question: item.question,
    code: item.path,
    kind: item.kind,
    a: pairs(item.a),
    b: pairs(item.b),
    decision: item.decision,
    comment: item.comment,
  };
}

function decideItem(
  db: Db,
  coders: readonly [CoderId, CoderId],
  questionIds: readonly QuestionId[] | undefined,
  decide: { index: number; decision: ReviewDecision },
  comment: string,
  now: string,
): void {
  const review = latestReview(db, coders, questionIds);
  if (!review) {
    throw new UsageError(
      "cairn consensus: no review of these coders has started; add --start to start one",
    );
  }
  const queue = reviewQueue(db, {
    coderA: review.coderA,
    coderB: review.coderB,
    questionIds: review.questionIds,
    threshold: review.threshold,
  });
  const entry = queue.entries[decide.index - 1];
  if (!entry) {
    throw new UsageError(
      `cairn consensus: there is no item ${decide.index}; the queue has ${queue.entries.length}`,
    );
  }
  decideReview(
    db,
    {
      reviewId: review.id,
      answerId: entry.answerId,
      codeId: entry.codeId,
      decision: decide.decision,
      comment,
    },
    now,
  );
}

function codersFlag(value: string | undefined): [string, string] {
  const names = (value ?? "").split(",").map((name) => name.trim());
  if (names.length !== 2 || names.some((name) => name === "")) {
    throw new UsageError("cairn consensus: give two coders as --coders A,B");
  }
  return [names[0]!, names[1]!];
}

/** `--decide 3=a`: item 3 (1-based), keep coder A's passages. */
function decideFlag(value: string): { index: number; decision: ReviewDecision } {
  const match = /^\s*(\d+)\s*=\s*([a-z]+)\s*$/i.exec(value);
  const decision = match?.[2]?.toLowerCase() as ReviewDecision | undefined;
  const choices = REVIEW_DECISIONS.filter((d) => d !== "edit");
  if (
    !match ||
    !decision ||
    !(choices as readonly string[]).includes(decision) ||
    Number(match[1]) < 1
  ) {
    throw new UsageError(
      `cairn consensus: --decide "${value}" should read N=${choices.join("|")}, like --decide 1=both`,
    );
  }
  return { index: Number(match[1]), decision };
}

function printQueue(output: Output, report: ConsensusJson): void {
  const [a, b] = report.coders;
  output.out(
    `Review of ${a} and ${b} into "${report.consensus}" · ${report.questions.join(", ") || "no questions"}` +
      ` · threshold ${Math.round(report.threshold * 100)}%`,
  );
  output.out(
    report.started_at === null
      ? `Not started: ${report.agreed} agreed pairs would be copied; ${report.total} to decide (--start starts it)`
      : `Started ${report.started_at} · ${report.decided} of ${report.total} decided · ${report.agreed} agreed pairs copied`,
  );
  if (report.items.length === 0) {
    output.out("  (no disagreements)");
    return;
  }
  const spans = (list: readonly (readonly [number, number])[]) =>
    list.length === 0 ? "-" : list.map(([s, e]) => `${s}-${e}`).join(" ");
  for (const item of report.items) {
    const decision =
      item.decision === null ? "undecided" : `keep ${decisionName(item.decision, a, b)}`;
    const comment = item.comment === "" ? "" : ` "${item.comment}"`;
    output.out(
      `  ${item.index}. ${item.respondent} ${item.question} ${item.code.join(">")} (${item.kind}): ` +
        `${a} ${spans(item.a)} | ${b} ${spans(item.b)} → ${decision}${comment}`,
    );
  }
}

function decisionName(decision: ReviewDecision, a: string, b: string): string {
  switch (decision) {
    case "a":
      return a;
    case "b":
      return b;
    case "both":
    case "neither":
      return decision;
    case "edit":
      return "edited passages";
  }
}
