/**
 * The codes on a spot of an answer: for every segment covering it, the code (path and
 * colour), who coded it and when, its memo, and what can be done to it: change its
 * code, remove it, move its edges. Opened by a click on a highlight or a margin label,
 * or Enter in the text; Esc closes it and puts the keyboard back on the answer.
 */
import { useEffect, useRef, type KeyboardEvent } from "react";
import type { AnswerRow, Segment } from "../../../../shared/domain.ts";
import { isComposing } from "../../coding/keys.ts";
import { shortQuote } from "../../coding/quote.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import {
  anchorAt,
  focusAnswerText,
  usePanels,
  type PopoverState,
} from "../../stores/coding-panels.ts";
import { useProject } from "../../stores/project.ts";
import { EdgeControls } from "./EdgeControls.tsx";
import { useDismiss, useFloatingStyle } from "./floating.ts";
import { MemoField } from "./MemoField.tsx";
import "./coding-panels.css";

export function SegmentPopover() {
  const popover = usePanels((s) => s.popover);
  const row = useAnswers((s) =>
    popover ? s.rows.find((r) => r.answerId === popover.answerId) : undefined,
  );
  // The answer scrolled out of the loaded rows, or its segments are gone: nothing to show.
  const segments = row ? segmentsOf(row, popover) : [];
  useEffect(() => {
    if (popover && segments.length === 0) usePanels.getState().closePopover();
  });
  if (!popover || !row || segments.length === 0) return null;
  return <PopoverPanel popover={popover} row={row} segments={segments} />;
}

function segmentsOf(row: AnswerRow, popover: PopoverState | null): Segment[] {
  if (!popover) return [];
  return popover.segmentIds
    .map((id) => row.segments.find((s) => s.id === id))
    .filter((s): s is Segment => s !== undefined);
}

function PopoverPanel({
  popover,
  row,
  segments,
}: {
  readonly popover: PopoverState;
  readonly row: AnswerRow;
  readonly segments: readonly Segment[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const close = () => {
    usePanels.getState().closePopover();
    focusAnswerText(row.answerId);
  };
  useDismiss(ref, () => usePanels.getState().closePopover());
  const style = useFloatingStyle(ref, popover.anchor, 380);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, [popover.answerId]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "Escape" || event.defaultPrevented || isComposing(event.nativeEvent)) return;
    event.preventDefault();
    close();
  };

  const label = segments.length === 1 ? "Coded passage" : `${segments.length} codes here`;
  return (
    <div
      className="segment-popover floating-panel"
      ref={ref}
      role="dialog"
      aria-label={`${label} in the answer of ${row.respondent}`}
      tabIndex={-1}
      style={style}
      onKeyDown={onKeyDown}
    >
      <header className="popover-head">
        <p className="panel-title">
          {label} · {row.respondent}
        </p>
        <button type="button" className="icon-button" aria-label="Close" onClick={close}>
          ×
        </button>
      </header>
      {segments.map((segment, index) => (
        <SegmentEntry
          // By place, not id: moving an edge may merge segments into one with a new id,
          // and the keyboard must stay on the control that did it.
          key={index}
          row={row}
          segment={segment}
          active={segment.id === popover.activeId}
        />
      ))}
    </div>
  );
}

function SegmentEntry({
  row,
  segment,
  active,
}: {
  readonly row: AnswerRow;
  readonly segment: Segment;
  readonly active: boolean;
}) {
  const code = useProject((s) => s.codeIndex.get(segment.codeId));
  const coder = useProject((s) => s.summary?.coders.find((c) => c.id === segment.coderId));
  const coderId = useCoderId();
  const mine = segment.coderId === coderId;
  const path = code?.path.join(" > ") ?? "(deleted code)";

  const changeCode = (element: HTMLElement) => {
    usePanels
      .getState()
      .openPicker(
        { kind: "recode", answerId: row.answerId, segmentId: segment.id },
        anchorAt(element.getBoundingClientRect()),
      );
  };
  const remove = async () => {
    if (await useCoding.getState().remove([segment.id])) {
      usePanels.getState().dropSegments([segment.id]);
      if (!usePanels.getState().popover) focusAnswerText(row.answerId);
    }
  };

  return (
    <section
      className={`segment-entry${active ? " active" : ""}${mine ? "" : " theirs"}`}
      aria-label={path}
      data-segment={segment.id}
    >
      <h3>
        <span className="swatch" style={{ backgroundColor: code?.color }} />
        <span className="segment-path">{path}</span>
      </h3>
      <p className="segment-meta">
        {coder?.name ?? "Unknown coder"}
        {mine ? " (you)" : ""} · {formatDate(segment.createdAt)} · {segment.end - segment.start}{" "}
        characters
      </p>
      <blockquote className="segment-quote">{quote(row.text, segment)}</blockquote>
      <MemoField
        key={segment.id}
        label="Memo"
        initial={segment.memo}
        readOnly={!mine}
        onSave={(text) => useCoding.getState().setMemo({ segmentId: segment.id }, text)}
      />
      <div className="segment-actions">
        <button type="button" onClick={(event) => changeCode(event.currentTarget)}>
          Change code…
        </button>
        <button type="button" className="danger" onClick={() => void remove()}>
          Remove
        </button>
        {!active && (
          <button type="button" onClick={() => usePanels.getState().setActiveSegment(segment.id)}>
            Adjust…
          </button>
        )}
      </div>
      {active && <EdgeControls row={row} segment={segment} />}
    </section>
  );
}

function quote(text: string, segment: Segment): string {
  return shortQuote(text.slice(segment.start, segment.end), 160);
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}
