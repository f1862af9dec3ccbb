/**
 * One answer's text, read-only, with its coded segments drawn as highlights. Slate shows
 * one block per line; the pure `highlightPieces` maps the segments' offsets (UTF-16, end
 * exclusive, over the whole answer) to non-overlapping pieces per line, so overlapping
 * codes stack as underlines instead of one colour hiding another.
 */
import { useCallback, useMemo } from "react";
import { createEditor, Text, type BaseRange, type Descendant, type NodeEntry } from "slate";
import { Editable, Slate, withReact, type RenderLeafProps } from "slate-react";
import type { Segment } from "../../../shared/domain.ts";
import { highlightPieces, splitLines } from "../../../shared/text/highlights.ts";
import type { CodeInfo } from "../stores/project.ts";

interface Props {
  readonly text: string;
  readonly segments: readonly Segment[];
  readonly codeIndex: ReadonlyMap<number, CodeInfo>;
}

type HighlightRange = BaseRange & { segmentIds?: readonly number[] };

export function AnswerText({ text, segments, codeIndex }: Props) {
  const editor = useMemo(() => withReact(createEditor()), []);
  const initialValue = useMemo<Descendant[]>(
    () => splitLines(text).map((line) => ({ type: "paragraph", children: [{ text: line.text }] })),
    [text],
  );
  const piecesByLine = useMemo(() => {
    const byLine = new Map<number, ReturnType<typeof highlightPieces>>();
    for (const piece of highlightPieces(text, segments)) {
      const list = byLine.get(piece.line) ?? [];
      list.push(piece);
      byLine.set(piece.line, list);
    }
    return byLine;
  }, [text, segments]);
  const segmentCodes = useMemo(
    () => new Map(segments.map((s) => [s.id as number, codeIndex.get(s.codeId)])),
    [segments, codeIndex],
  );

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
        .map((id) => segmentCodes.get(id))
        .filter((code): code is CodeInfo => code !== undefined);
      const first = codes[0];
      return (
        <span
          {...attributes}
          className="highlight"
          data-codes={codes.map((c) => c.path.join(" > ")).join(" | ")}
          title={codes.map((c) => c.path.join(" > ")).join("\n")}
          style={{
            backgroundColor: first ? tint(first.color) : undefined,
            boxShadow: codes.map((c, i) => `inset 0 -${3 * (i + 1)}px 0 ${c.color}`).join(", "),
            paddingBottom: `${3 * codes.length - 2}px`,
          }}
        >
          {children}
        </span>
      );
    },
    [segmentCodes],
  );

  return (
    <Slate editor={editor} initialValue={initialValue}>
      <Editable
        readOnly
        className="answer-text"
        decorate={decorate}
        renderLeaf={renderLeaf}
        renderElement={({ attributes, children }) => <p {...attributes}>{children}</p>}
      />
    </Slate>
  );
}

/** The code's colour at about a fifth of its strength, as a background behind text. */
function tint(hex: string): string {
  return `${hex}33`;
}
