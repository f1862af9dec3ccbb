/**
 * One answer's text, read-only, with its coded segments drawn as highlights and named in
 * a margin beside it. Slate shows one block per line; the pure `highlightPieces` maps the
 * segments' offsets (UTF-16, end exclusive, over the whole answer) to non-overlapping
 * pieces per line, so overlapping codes stack as underlines instead of one colour hiding
 * another. The text can be selected with the mouse or the keyboard; a click on a
 * highlight opens its codes.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, type MouseEvent } from "react";
import { createEditor, Text, type BaseRange, type Descendant, type NodeEntry } from "slate";
import { Editable, Slate, withReact, type RenderLeafProps } from "slate-react";
import type { AnswerId, Segment, SegmentId } from "../../../shared/domain.ts";
import { highlightPieces, splitLines } from "../../../shared/text/highlights.ts";
import { leafStyle, type LeafCode } from "../coding/leaf-style.ts";
import { segmentsOver, visibleSegments, withRange } from "../coding/segments.ts";
import { useCoderId, useCoding } from "../stores/coding.ts";
import { anchorAt, usePanels } from "../stores/coding-panels.ts";
import { useProject, type CodeInfo } from "../stores/project.ts";
import { AdjustHandles } from "./coding/AdjustHandles.tsx";
import { registerEditor, restoreSelection } from "./coding/answer-editors.ts";
import { handleAnswerKey, openPopover } from "./coding/answer-keys.ts";
import { CodingMargin } from "./coding/CodingMargin.tsx";
import { useSegmentGeometry } from "./coding/useSegmentGeometry.ts";
import "./coding/coding.css";

interface Props {
  readonly answerId: AnswerId;
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly codeIndex: ReadonlyMap<number, CodeInfo>;
  /** Names the text for screen readers ("Answer of ORG-01"). */
  readonly label: string;
}

type HighlightRange = BaseRange & { segmentIds?: readonly number[] };

/** The passage waiting for the quick picker is drawn as a selection under this id. */
const PENDING = -1;
const NO_CODERS: never[] = [];

export const AnswerText = memo(function AnswerText({
  answerId,
  text,
  segments,
  codeIndex,
  label,
}: Props) {
  const editor = useMemo(() => withReact(createEditor()), []);
  const initialValue = useMemo<Descendant[]>(
    () => splitLines(text).map((line) => ({ type: "paragraph", children: [{ text: line.text }] })),
    [text],
  );
  useLayoutEffect(() => registerEditor(answerId, { editor, text }), [answerId, editor, text]);

  const coderId = useCoderId();
  const view = useCoding((s) => s.view);
  const coders = useProject((s) => s.summary?.coders ?? NO_CODERS);
  const pending = usePanels((s) => {
    const mode = s.picker?.mode;
    return mode?.kind === "apply" && mode.target.answerId === answerId
      ? `${mode.target.start}:${mode.target.end}`
      : null;
  });
  const activeId = usePanels((s) => (s.popover?.answerId === answerId ? s.popover.activeId : null));
  const preview = usePanels((s) => (s.preview?.answerId === answerId ? s.preview : null));

  const shown = useMemo(() => {
    const visible = visibleSegments(segments, coderId, view);
    return preview ? withRange(visible, preview.segmentId, preview.start, preview.end) : visible;
  }, [segments, coderId, view, preview]);

  // The selection lost to a render comes back before the next paint: new highlights
  // redraw the text under it, a row back on screen has new text nodes, and the browser
  // does not even report the loss. Slate redraws decorated text in a second pass of
  // its own, run synchronously after this commit: the microtask comes after both.
  useLayoutEffect(() => queueMicrotask(() => restoreSelection(answerId)), [answerId, shown]);

  const piecesByLine = useMemo(() => {
    const spans: { id: number; start: number; end: number }[] = [...shown];
    if (pending) {
      const [start, end] = pending.split(":").map(Number) as [number, number];
      spans.push({ id: PENDING, start, end });
    }
    const byLine = new Map<number, ReturnType<typeof highlightPieces>>();
    for (const piece of highlightPieces(text, spans)) {
      const list = byLine.get(piece.line) ?? [];
      list.push(piece);
      byLine.set(piece.line, list);
    }
    return byLine;
  }, [text, shown, pending]);

  const leafCodes = useMemo(() => {
    const map = new Map<number, LeafCode & { path: string }>();
    for (const segment of shown) {
      const code = codeIndex.get(segment.codeId);
      if (!code) continue;
      map.set(segment.id, {
        color: code.color,
        path: code.path.join(" > "),
        mine: segment.coderId === coderId,
        active: segment.id === activeId,
      });
    }
    return map;
  }, [shown, codeIndex, coderId, activeId]);

  const decorate = useCallback(
    ([node, path]: NodeEntry): HighlightRange[] => {
      if (!Text.isText(node) || path.length < 2) return [];
      return (piecesByLine.get(path[0] as number) ?? []).map((piece) => ({
        anchor: { path, offset: piece.start },
        focus: { path, offset: piece.end },
        segmentIds: piece.spanIds,
      }));
    },
    [piecesByLine],
  );

  const renderLeaf = useCallback(
    ({ attributes, children, leaf }: RenderLeafProps) => {
      const ids = (leaf as { segmentIds?: readonly number[] }).segmentIds;
      if (!ids || ids.length === 0) return <span {...attributes}>{children}</span>;
      const codes = ids
        .map((id) => leafCodes.get(id))
        .filter((code): code is LeafCode & { path: string } => code !== undefined);
      const segmentIds = ids.filter((id) => id !== PENDING);
      const className = [
        codes.length > 0 ? "highlight" : "",
        ids.includes(PENDING) ? "pending-selection" : "",
      ].join(" ");
      return (
        <span
          {...attributes}
          className={className.trim()}
          data-segments={segmentIds.length > 0 ? segmentIds.join(" ") : undefined}
          data-codes={codes.map((c) => c.path).join(" | ") || undefined}
          title={codes.map((c) => c.path).join("\n") || undefined}
          style={leafStyle(codes)}
        >
          {children}
        </span>
      );
    },
    [leafCodes],
  );

  const containerRef = useRef<HTMLDivElement>(null);
  const geometry = useSegmentGeometry(containerRef);

  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      useCoding.getState().setActiveAnswer(answerId);
      // A drag that selected text is not a click on a highlight.
      if (!(window.getSelection()?.isCollapsed ?? true)) return;
      const piece = (event.target as HTMLElement).closest<HTMLElement>("[data-segments]");
      const ids = (piece?.dataset.segments ?? "").split(" ").filter(Boolean).map(Number);
      const over = shown.filter((s) => ids.includes(s.id));
      if (over.length > 0) {
        const line = piece?.getBoundingClientRect();
        const anchor = {
          x: event.clientX,
          y: event.clientY + 14,
          above: line?.top ?? event.clientY,
        };
        openPopover(answerId, over, anchor);
      } else if (usePanels.getState().popover) usePanels.getState().closePopover();
    },
    [answerId, shown],
  );

  const openFromMargin = useCallback(
    (segment: Segment, element: HTMLElement) => {
      const others = segmentsOver(shown, segment.start, segment.start).filter(
        (s) => s.id !== segment.id,
      );
      openPopover(answerId, [segment, ...others], anchorAt(element.getBoundingClientRect()));
    },
    [answerId, shown],
  );

  const active = activeId === null ? undefined : shown.find((s) => s.id === activeId);
  const activeGeometry = active ? geometry.get(active.id) : undefined;
  const stored = active ? segments.find((s) => s.id === active.id) : undefined;

  return (
    <div className="coded-answer">
      <div className="coded-text" ref={containerRef}>
        {/*
          The keyboard's focus goes to this wrapper, not to Slate's element: a focused
          Slate editor rewrites the browser's selection from its own (throttled) copy
          after every render, which could undo the last moment of a mouse drag.
        */}
        <div
          className="answer-text-focus"
          data-answer-text={answerId}
          tabIndex={0}
          role="textbox"
          aria-readonly="true"
          aria-multiline="true"
          aria-label={label}
          onClick={onClick}
          onFocus={() => useCoding.getState().setActiveAnswer(answerId)}
          onKeyDown={(event) => {
            if (handleAnswerKey(event, answerId, text, shown)) event.preventDefault();
          }}
        >
          <Slate editor={editor} initialValue={initialValue}>
            <Editable
              readOnly
              className="answer-text"
              decorate={decorate}
              renderLeaf={renderLeaf}
              renderElement={({ attributes, children }) => <p {...attributes}>{children}</p>}
            />
          </Slate>
        </div>
        {active && activeGeometry && stored && (
          <AdjustHandles
            answerId={answerId}
            text={text}
            segment={stored}
            shown={active}
            geometry={activeGeometry}
          />
        )}
      </div>
      <CodingMargin
        geometry={geometry}
        segments={shown}
        codeIndex={codeIndex}
        coderId={coderId}
        coders={coders}
        activeId={activeId as SegmentId | null}
        onOpen={openFromMargin}
      />
    </div>
  );
});
