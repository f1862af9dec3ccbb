/**
 * A row's own coding tools under the respondent: code the whole answer, mark it done,
 * and the memos on the answer and on the respondent. A memo or a done mark shows even
 * when the row is not hovered; the rest stays quiet until then (always in tab order).
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
          className="row-tool quiet"
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
        className={`row-tool${doneByMe ? " on" : " quiet"}`}
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
  const memos = kind === "answer" ? row.memos : row.respondentMemos;
  const count = memos.filter((m) => m.text.trim() !== "").length;
  const name = kind === "answer" ? "Answer memo" : "Respondent memo";
  return (
    <button
      type="button"
      className={`row-tool memo-button${count > 0 ? " has-memo" : " quiet"}`}
      aria-label={`${name} of ${label}${count > 0 ? ` (${count})` : ""}`}
      title={count > 0 ? `${name}: ${count} note(s)` : `Write a ${name.toLowerCase()}`}
      onClick={(event) =>
        usePanels.getState().openMemo(kind, row.answerId, anchorOf(event.currentTarget))
      }
    >
      {kind === "answer" ? "✎ Memo" : "✎ Respondent"}
      {count > 0 && <span className="memo-count">{count}</span>}
    </button>
  );
}
