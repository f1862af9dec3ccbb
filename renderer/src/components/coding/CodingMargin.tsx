/**
 * The coding stripes beside an answer: for each segment a bar in its code's colour over
 * the lines it covers, and the code's name beside it. Overlapping segments stand in
 * lanes side by side; another coder's bars are dashed and their labels name the coder.
 * A label is a button that opens the segment's popover.
 */
import { memo, useMemo } from "react";
import type { Coder, CoderId, Segment, SegmentId } from "../../../../shared/domain.ts";
import { layoutMargin } from "../../coding/margin.ts";
import { firstCharacters } from "../../coding/quote.ts";
import type { CodeInfo } from "../../stores/project.ts";
import type { Geometry } from "./useSegmentGeometry.ts";

const LABEL_HEIGHT = 17;
const LANE_WIDTH = 6;

interface Props {
  readonly geometry: Geometry;
  readonly segments: readonly Segment[];
  readonly codeIndex: ReadonlyMap<number, CodeInfo>;
  readonly coderId: CoderId | null;
  readonly coders: readonly Coder[];
  readonly activeId: SegmentId | null;
  readonly onOpen: (segment: Segment, element: HTMLElement) => void;
}

export const CodingMargin = memo(function CodingMargin({
  geometry,
  segments,
  codeIndex,
  coderId,
  coders,
  activeId,
  onOpen,
}: Props) {
  const byId = useMemo(() => new Map(segments.map((s) => [s.id as number, s])), [segments]);
  const layout = useMemo(() => {
    const extents = [...geometry]
      .filter(([id]) => byId.has(id))
      .map(([id, g]) => ({ id, top: g.top, bottom: g.bottom }));
    return layoutMargin(extents, LABEL_HEIGHT);
  }, [geometry, byId]);
  const labelLeft = layout.lanes * LANE_WIDTH + 6;

  return (
    <div className="coding-margin" style={{ minHeight: layout.height }}>
      {layout.bars.map((bar) => {
        const segment = byId.get(bar.id) as Segment;
        const code = codeIndex.get(segment.codeId);
        const mine = segment.coderId === coderId;
        const coder = coders.find((c) => c.id === segment.coderId)?.name ?? "another coder";
        const name = code?.name ?? "(deleted code)";
        const color = code?.color ?? "#8a979e";
        const classes = `${mine ? "mine" : "theirs"}${segment.id === activeId ? " active" : ""}`;
        return (
          <div key={bar.id} className={`margin-segment ${classes}`} data-segment={bar.id}>
            <span
              className="margin-stripe"
              aria-hidden="true"
              style={{
                top: bar.top,
                height: bar.height,
                left: bar.lane * LANE_WIDTH,
                borderColor: color,
              }}
              onClick={(event) => onOpen(segment, event.currentTarget)}
            />
            <button
              type="button"
              className="margin-label"
              style={{ top: bar.labelTop, left: labelLeft }}
              title={`${code?.path.join(" > ") ?? name} — ${coder}`}
              aria-label={`${code?.path.join(" > ") ?? name}, coded by ${coder}: details`}
              onClick={(event) => onOpen(segment, event.currentTarget)}
            >
              <span className="swatch" style={{ backgroundColor: color }} />
              <span className="margin-name">{name}</span>
              {!mine && <span className="margin-coder">{initials(coder)}</span>}
            </button>
          </div>
        );
      })}
    </div>
  );
});

/** "Aoife Byrne" -> "AB": enough to tell two coders apart in a narrow margin. */
function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  if (parts.length === 1) return firstCharacters(parts[0] ?? "", 3);
  return firstCharacters(parts.map((part) => firstCharacters(part, 1)).join(""), 3);
}
