/**
 * The memo of an answer or of a respondent, one per coder: the active coder writes
 * theirs, and reads the other coders' above it.
 */
import { useRef } from "react";
import type { AnswerRow, Memo } from "../../../../shared/domain.ts";
import { isComposing } from "../../coding/keys.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import { focusAnswerText, usePanels, type MemoEditorState } from "../../stores/coding-panels.ts";
import { useProject } from "../../stores/project.ts";
import { useDismiss, useFloatingStyle } from "./floating.ts";
import { MemoField } from "./MemoField.tsx";
import "./coding-panels.css";

export function MemoEditor() {
  const memo = usePanels((s) => s.memo);
  const row = useAnswers((s) =>
    memo ? s.rows.find((r) => r.answerId === memo.answerId) : undefined,
  );
  if (!memo || !row) return null;
  return <MemoPanel key={`${memo.kind}:${memo.answerId}`} memo={memo} row={row} />;
}

function MemoPanel({ memo, row }: { readonly memo: MemoEditorState; readonly row: AnswerRow }) {
  const ref = useRef<HTMLDivElement>(null);
  const coderId = useCoderId();
  const coder = useCoding((s) => s.coder);
  const coders = useProject((s) => s.summary?.coders);
  const memos: readonly Memo[] = memo.kind === "answer" ? row.memos : row.respondentMemos;
  const mine = memos.find((m) => m.coderId !== null && m.coderId === coderId);
  const others = memos.filter((m) => m !== mine && m.text.trim() !== "");
  const title =
    memo.kind === "answer"
      ? `Memo on the answer of ${row.respondent}`
      : `Memo on ${row.respondent}`;
  const close = () => {
    usePanels.getState().closeMemo();
    focusAnswerText(row.answerId);
  };
  useDismiss(ref, () => usePanels.getState().closeMemo());
  const style = useFloatingStyle(ref, memo.anchor, 340);

  return (
    <div
      className="memo-editor floating-panel"
      ref={ref}
      role="dialog"
      aria-label={title}
      style={style}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !isComposing(event.nativeEvent)) {
          event.preventDefault();
          close();
        }
      }}
    >
      <header className="popover-head">
        <p className="panel-title">{title}</p>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          ×
        </button>
      </header>
      {memo.kind === "respondent" && (
        <p className="panel-hint">About this respondent across all questions.</p>
      )}
      {others.map((other) => (
        <figure key={other.id} className="other-memo">
          <figcaption>{coders?.find((c) => c.id === other.coderId)?.name ?? "Imported"}</figcaption>
          <p>{other.text}</p>
        </figure>
      ))}
      <MemoField
        label={coder ? `Your memo (${coder})` : "Your memo"}
        initial={mine?.text ?? ""}
        autoFocus
        onSave={(text) =>
          useCoding
            .getState()
            .setMemo(
              memo.kind === "answer"
                ? { answerId: row.answerId }
                : { respondentId: row.respondentId },
              text,
            )
        }
      />
    </div>
  );
}
