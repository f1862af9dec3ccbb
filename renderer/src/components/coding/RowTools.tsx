/**
 * A row's own coding tools: code the whole answer, mark it done, and the memos on the
 * answer and on the respondent. The tools float over the row and show on hover, focus or
 * when the row is the active one (always in the tab order); what they would tell at rest
 * (done, memos written) shows as badges by the respondent, which take no line of their own.
 */
import type { AnswerRow, CoderId } from "../../../../shared/domain.ts";
import { useCoding } from "../../stores/coding.ts";
import { anchorAt, usePanels, type Anchor } from "../../stores/coding-panels.ts";

interface Props {
  readonly row: AnswerRow;
  readonly coderId: CoderId | null;
  /** Who or what the row is ("ORG-01"), for the buttons' names. */
  readonly label: string;
}

export function RowTools({ row, coderId, label }: Props) {
  const doneByMe = coderId !== null && row.doneBy.includes(coderId);
  const doneByOthers = row.doneBy.filter((id) => id !== coderId).length;
  const answered = row.status === "answered";

  const anchorOf = (element: HTMLElement) => anchorAt(element.getBoundingClientRect());

  return (
    <div className="row-tools">
      {answered && (
        <button
          type="button"
          className="row-tool"
          aria-label={`Code the whole answer of ${label}`}
          title="Code the whole answer (W)"
          onClick={(event) =>
            usePanels
              .getState()
              .openPicker({ kind: "whole", answerId: row.answerId }, anchorOf(event.currentTarget))
          }
        >
          ▭ Code all
        </button>
      )}
      <button
        type="button"
        className={`row-tool${doneByMe ? " on" : ""}`}
        aria-pressed={doneByMe}
        aria-label={`Answer of ${label} done`}
        title={
          doneByOthers > 0
            ? `Done for you? Also marked done by ${doneByOthers} other coder(s)`
            : "Mark this answer done (for agreement)"
        }
        onClick={() =>
          void useCoding.getState().markDone(row.questionId, !doneByMe, [row.answerId])
        }
      >
        {doneByMe ? "✓ Done" : "Done"}
      </button>
      <MemoButton row={row} kind="answer" label={label} anchorOf={anchorOf} />
      <MemoButton row={row} kind="respondent" label={label} anchorOf={anchorOf} />
    </div>
  );
}

function MemoButton({
  row,
  kind,
  label,
  anchorOf,
}: {
  readonly row: AnswerRow;
  readonly kind: "answer" | "respondent";
  readonly label: string;
  readonly anchorOf: (element: HTMLElement) => Anchor;
}) {
  const count = memoCount(row, kind);
  const name = kind === "answer" ? "Answer memo" : "Respondent memo";
  return (
    <button
      type="button"
      className={`row-tool memo-button${count > 0 ? " has-memo" : ""}`}
      aria-label={`${name} of ${label}${count > 0 ? ` (${count})` : ""}`}
      title={count > 0 ? `${name}: ${count} note(s)` : `Write a ${name.toLowerCase()}`}
      onClick={(event) =>
        usePanels.getState().openMemo(kind, row.answerId, anchorOf(event.currentTarget))
      }
    >
      {kind === "answer" ? (
        "✎ Memo"
      ) : (
        <>
          <span className="label-long">✎ Respondent</span>
          <span className="label-short">✎ Resp.</span>
        </>
      )}
      {count > 0 && <span className="memo-count">{count}</span>}
    </button>
  );
}

/** The memos worth a mark: an emptied memo is no note. */
function memoCount(row: AnswerRow, kind: "answer" | "respondent"): number {
  const memos = kind === "answer" ? row.memos : row.respondentMemos;
  return memos.filter((m) => m.text.trim() !== "").length;
}

/**
 * The row's state at a glance, beside the respondent: done by the active coder, and how
 * many memos the answer and the respondent have. Only a mark: the buttons that change
 * them, with the same facts in their names, are the row's tools.
 */
export function RowBadges({
  row,
  doneByMe,
}: {
  readonly row: AnswerRow;
  readonly doneByMe: boolean;
}) {
  const answerMemos = memoCount(row, "answer");
  const respondentMemos = memoCount(row, "respondent");
  if (!doneByMe && answerMemos === 0 && respondentMemos === 0) return null;
  return (
    <span className="row-badges" aria-hidden="true">
      {doneByMe && (
        <span className="row-badge done" title="You marked this answer done">
          ✓ Done
        </span>
      )}
      {answerMemos > 0 && (
        <span className="row-badge memo" title={`Answer memo: ${answerMemos} note(s)`}>
          ✎ {answerMemos}
        </span>
      )}
      {respondentMemos > 0 && (
        <span className="row-badge memo" title={`Respondent memo: ${respondentMemos} note(s)`}>
          ✎ Resp. {respondentMemos}
        </span>
      )}
    </span>
  );
}
