/**
 * One coded passage: a tick box for quotes, the passage's text, who said it (respondent
 * and attribute values), where (the question, when the list is not grouped by it), its
 * code and coder, and a way back to the answer in the grid.
 */
import type { Passage } from "../../../../shared/api/retrieval-api.ts";
import { attributeLine } from "../../retrieval/passages-query.ts";
import { useProject } from "../../stores/project.ts";
import { useView } from "../../stores/view.ts";

interface Props {
  readonly passage: Passage;
  readonly selected: boolean;
  readonly showQuestion: boolean;
  onToggle(on: boolean): void;
}

export function PassageCard({ passage, selected, showQuestion, onToggle }: Props) {
  const attributes = useProject((s) => s.summary?.attributes) ?? [];
  const color = useProject((s) => s.codeIndex.get(passage.codeId)?.color);
  const line = attributeLine(passage.attributes, attributes);
  const show = () =>
    useView.getState().revealInGrid({
      answerId: passage.answerId,
      questionId: passage.questionId,
      start: passage.start,
      end: passage.end,
    });
  return (
    <article
      className={`passage${selected ? " selected" : ""}`}
      data-segment={passage.segmentId}
      data-respondent={passage.respondent}
    >
      <input
        type="checkbox"
        className="passage-tick"
        checked={selected}
        aria-label={`Select the passage of ${passage.respondent}`}
        onChange={(event) => onToggle(event.target.checked)}
      />
      <div className="passage-body">
        <blockquote className="passage-text">{passage.text}</blockquote>
        {passage.memo && <p className="passage-memo">Memo: {passage.memo}</p>}
        <div className="passage-meta">
          <strong className="passage-respondent">{passage.respondent}</strong>
          {line && <span className="passage-attributes">{line}</span>}
          {showQuestion && <span className="passage-question">{passage.question}</span>}
          <span className="passage-code" title={passage.codePath.join(" > ")}>
            <span className="swatch" style={{ backgroundColor: color ?? "#999" }} />
            {passage.codePath.join(" › ")}
          </span>
          <span className="passage-coder">coded by {passage.coder}</span>
          <button type="button" className="link-button passage-show" onClick={show}>
            Show in answer
          </button>
        </div>
      </div>
    </article>
  );
}
