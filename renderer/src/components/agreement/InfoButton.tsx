/**
 * The ⓘ beside a column header or a level (a circled "i" drawn in CSS: the glyph itself
 * is missing from common fonts): one click opens a short plain explanation of the
 * coefficient or the unit (agreement/explanations.ts); it closes as usePopover says.
 */
import { EXPLANATIONS, type ExplanationId } from "../../agreement/explanations.ts";
import { usePopover } from "../grid/usePopover.ts";
import "./agreement-info.css";

interface Props {
  readonly id: ExplanationId;
  /** Which edge the panel lines up with: the last columns open towards the left. */
  readonly align?: "start" | "end";
}

export function InfoButton({ id, align = "start" }: Props) {
  const { open, toggle, root, button, panelId } = usePopover<HTMLSpanElement>();
  const explanation = EXPLANATIONS[id];

  return (
    <span className="agreement-info" ref={root}>
      <button
        type="button"
        ref={button}
        className="agreement-info-button"
        aria-label={`What is ${explanation.title}?`}
        title={`What is ${explanation.title}?`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={toggle}
      >
        i
      </button>
      {open && (
        <div
          id={panelId}
          className={`agreement-info-panel align-${align}`}
          role="dialog"
          aria-label={explanation.title}
        >
          <h4>{explanation.title}</h4>
          {explanation.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      )}
    </span>
  );
}
