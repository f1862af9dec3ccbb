/**
 * An answer's text with passages marked in the code's colour: a light tint and an
 * underline, the way the coding grid draws a coder's own segments. The text is plain
 * text nodes in order (the marks wrap some of them), so a selection in it maps back to
 * offsets (review-text.ts selectionIn).
 */
import type { Ref } from "react";
import { textPieces, type Span } from "./review-text.ts";

interface Props {
  readonly text: string;
  readonly spans: readonly Span[];
  readonly color: string;
  readonly label: string;
  readonly rootRef?: Ref<HTMLDivElement>;
}

/** `#rrggbb` with an alpha byte; other colour forms are used as they are. */
function tint(color: string, alpha: number): string {
  if (!/^#[0-9a-f]{6}$/i.test(color)) return color;
  return `${color}${Math.round(alpha * 255)
    .toString(16)
    .padStart(2, "0")}`;
}

export function MarkedText({ text, spans, color, label, rootRef }: Props) {
  const pieces = textPieces(text.length, spans);
  return (
    <div className="review-text" aria-label={label} ref={rootRef}>
      {pieces.map((piece) =>
        piece.marked ? (
          <mark
            key={piece.start}
            data-passage=""
            style={{ backgroundColor: tint(color, 0.22), boxShadow: `inset 0 -3px 0 ${color}` }}
          >
            {text.slice(piece.start, piece.end)}
          </mark>
        ) : (
          text.slice(piece.start, piece.end)
        ),
      )}
    </div>
  );
}
