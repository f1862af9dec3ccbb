/**
 * The agreement report (issue 7): for the chosen coders and questions, a sentence that
 * says what is compared, and the answer-level or segment-level table. It is read again
 * after every edit, so the figures follow the coding and the review. When the two coders
 * have a review, the figures recorded when it started can be shown instead (ReviewMoment).
 */
import { useMemo, useState } from "react";
import type {
  AgreementReport,
  PooledAnswerAgreement,
} from "../../../../shared/api/agreement-api.ts";
import { fractionText } from "../../../../shared/tally/percent.ts";
import {
  answerColumns,
  segmentColumns,
  type AgreementColumn,
  type SegmentFigures,
} from "../../agreement/columns.ts";
import { answerRows, segmentRows, type AgreementRow } from "../../agreement/rows.ts";
import {
  nothingSeenText,
  questionTitle,
  scopeSentence,
  tooFewCodersText,
} from "../../agreement/summary.ts";
import { beforeSentence } from "../../agreement/before.ts";
import { agreementTsv } from "../../agreement/tsv.ts";
import { call } from "../../api/client.ts";
import { useAgreement, useAgreementChoice, type AgreementLevel } from "../../stores/agreement.ts";
import { useLive } from "../../stores/live.ts";
import { useProject } from "../../stores/project.ts";
import { AgreementTable } from "./AgreementTable.tsx";
import { AgreementToolbar } from "./AgreementToolbar.tsx";
import { ReviewMomentBar, useChosenReview, type ChosenReview } from "./ReviewMoment.tsx";
import "../grid/grid.css";
import "../passages/passages.css";
import "./agreement.css";

const NONE: never[] = [];

type Scope = Parameters<typeof call<"agreement.get">>[1];

/** The key is the scope as JSON: one module function, so useLive keeps its subscription. */
function readReport(key: string): Promise<AgreementReport> {
  return call("agreement.get", JSON.parse(key) as Scope);
}

interface Table<F> {
  readonly rows: readonly AgreementRow<F>[];
  readonly columns: readonly AgreementColumn<F>[];
}

interface Shown {
  readonly report: AgreementReport;
  readonly level: AgreementLevel;
  readonly sentence: string;
  readonly answer: Table<PooledAnswerAgreement>;
  /** Null for more than two coders. */
  readonly segment: Table<SegmentFigures> | null;
  copy(): string;
}

export function AgreementReportPanel() {
  const choice = useAgreementChoice();
  const coders = useProject((s) => s.summary?.coders ?? NONE);
  const enough = choice.coderIds.length >= 2;
  const key = enough
    ? JSON.stringify({
        coderIds: choice.coderIds,
        ...(choice.questionIds.length ? { questionIds: choice.questionIds } : {}),
        threshold: choice.threshold,
      })
    : null;
  const live = useLive(key, readReport);
  // While new figures are computed (a coder or the threshold changed), the last ones
  // stay on screen, dimmed, rather than the table blinking away.
  const [kept, setKept] = useState<AgreementReport | null>(null);
  if (live.value !== null && live.value !== kept) setKept(live.value);
  const chosen = useChosenReview();
  // The recorded figures need no computing: they are shown as soon as they are chosen.
  const before = chosen?.moment === "before" ? chosen : null;
  const shown = useShown(
    before ? before.review.before : (live.value ?? (enough ? kept : null)),
    before,
  );
  const copy = shown && shown.report.answers > 0 ? shown.copy : null;

  return (
    <div className="agreement-report">
      <AgreementToolbar
        copyText={copy}
        recordedThreshold={before ? before.review.before.threshold : null}
      />
      <div className="agreement-scroll">
        {chosen && coders.length >= 2 && <ReviewMomentBar chosen={chosen} />}
        {coders.length < 2 ? (
          <p className="notice">{tooFewCodersText(coders)}</p>
        ) : live.error !== null && before === null ? (
          <p className="notice error">Could not compute the agreement: {live.error}</p>
        ) : shown === null ? (
          <p className="notice" role="status">
            Computing the agreement…
          </p>
        ) : (
          <ReportBody shown={shown} busy={before === null && live.value === null} />
        )}
      </div>
    </div>
  );
}

/**
 * The sentence, both levels' rows and columns, and the copy of the chosen level; of the
 * figures recorded when the review started when `before` is given.
 */
function useShown(report: AgreementReport | null, before: ChosenReview | null): Shown | null {
  const level = useAgreement((s) => s.level);
  const tree = useProject((s) => s.codes);
  const questions = useProject((s) => s.summary?.questions ?? NONE);
  const allQuestions = useAgreement((s) => s.questionIds.length === 0);

  return useMemo(() => {
    if (report === null) return null;
    const texts = new Map<number, string>(questions.map((q) => [q.id, q.text]));
    const sentence = before
      ? beforeSentence(report, texts, before.allQuestions, before.started)
      : scopeSentence(report, texts, allQuestions);
    const answer = { rows: answerRows(report, tree), columns: answerColumns(report.coders) };
    const segmentList = segmentRows(report, tree);
    const segment =
      segmentList === null ? null : { rows: segmentList, columns: segmentColumns(report.coders) };
    const base = {
      report,
      sentence,
      questions: report.questions
        .map((q) => questionTitle(q.label, texts.get(q.id) ?? ""))
        .join("; "),
      ...(before
        ? {
            beforeReview: {
              startedAt: before.review.startedAt,
              consensus: before.review.consensus.name,
              coverage: before.coverage,
            },
          }
        : {}),
    };
    const copy = () =>
      level === "segment" && segment
        ? agreementTsv({ ...base, level, ...segment })
        : agreementTsv({ ...base, level: "answer", ...answer });
    return { report, level, sentence, answer, segment, copy };
  }, [report, before, level, tree, questions, allQuestions]);
}

function ReportBody({ shown, busy }: { readonly shown: Shown; readonly busy: boolean }) {
  const { report } = shown;
  const coders = useProject((s) => s.summary?.coders ?? NONE);
  const questions = useProject((s) => s.summary?.questions ?? NONE);
  const sentence = (
    <p className="agreement-sentence" data-testid="agreement-scope">
      {shown.sentence}
    </p>
  );

  if (report.answers === 0) {
    const chosen = report.coders.map((c) => ({
      id: c.id,
      name: coders.find((k) => k.id === c.id)?.name ?? c.name,
    }));
    const inScope = questions.filter((q) => report.questions.some((r) => r.id === q.id));
    // "over 0 answers" would only restate the guidance.
    return (
      <section className="agreement-section">
        <p className="notice" data-testid="agreement-guidance">
          {nothingSeenText(chosen, inScope)}
        </p>
      </section>
    );
  }

  if (shown.level === "segment") {
    return (
      <section className="agreement-section" aria-label="Segment level">
        {sentence}
        {shown.segment === null ? (
          <p className="notice" data-testid="agreement-guidance">
            {report.segmentLevelReason ?? "The segment level compares two coders."}
          </p>
        ) : (
          <>
            <p className="agreement-rule" data-testid="agreement-threshold">
              Every passage of either coder is a unit; it agrees when the other coder has a passage
              of the same code on the same answer overlapping it by at least{" "}
              {fractionText(report.threshold)} (shared characters over the characters either
              covers). Brennan &amp; Prediger&rsquo;s κ takes chance as 1/k with k ={" "}
              {report.segmentLevel?.codes ?? 0}, the codes in the table.
            </p>
            <AgreementTable
              rows={shown.segment.rows}
              columns={shown.segment.columns}
              label="Segment-level agreement"
              unit="unitSegment"
              busy={busy}
            />
          </>
        )}
      </section>
    );
  }

  return (
    <section className="agreement-section" aria-label="Answer level">
      {sentence}
      <AgreementTable
        rows={shown.answer.rows}
        columns={shown.answer.columns}
        label="Answer-level agreement"
        unit="unitAnswer"
        busy={busy}
      />
    </section>
  );
}
