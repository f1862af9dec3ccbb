/**
 * The agreement toolbar's choices of scope: the coders to compare ("Coder A", "Coder B",
 * "+ coder" for a third or more; choosing a coder already in another slot swaps the two)
 * and the questions (all, or any set of them).
 */
import type { QuestionId } from "../../../../shared/domain.ts";
import { withCoderAt } from "../../agreement/scope.ts";
import { questionTitle } from "../../agreement/summary.ts";
import { useAgreement, useAgreementChoice } from "../../stores/agreement.ts";
import { useProject } from "../../stores/project.ts";
import { Popover } from "../grid/Popover.tsx";

const NONE: never[] = [];

/** "A", "B", ... "L" (the contract allows twelve coders). */
export function slotName(index: number): string {
  return String.fromCharCode(65 + index);
}

export function CoderPickers() {
  const { coderIds } = useAgreementChoice();
  const coders = useProject((s) => s.summary?.coders ?? NONE);
  const setCoders = useAgreement((s) => s.setCoders);
  const next = coders.find((c) => !coderIds.includes(c.id));

  return (
    <div className="agreement-coders" role="group" aria-label="Coders to compare">
      {coderIds.map((id, index) => (
        <label key={index} className="retrieval-field">
          <span className="grid-label">Coder {slotName(index)}</span>
          <select
            aria-label={`Coder ${slotName(index)}`}
            value={id}
            onChange={(event) =>
              setCoders(withCoderAt(coderIds, index, Number(event.target.value) as typeof id))
            }
          >
            {coders.map((coder) => (
              <option key={coder.id} value={coder.id}>
                {coder.name}
              </option>
            ))}
          </select>
          {index >= 2 && (
            <button
              type="button"
              className="grid-button icon"
              aria-label={`Remove coder ${slotName(index)}`}
              title="Compare without this coder"
              onClick={() => setCoders(coderIds.filter((_, i) => i !== index))}
            >
              ×
            </button>
          )}
        </label>
      ))}
      {next && coderIds.length >= 2 && coderIds.length < 12 && (
        <button
          type="button"
          className="grid-button"
          title="Compare three or more coders (Fleiss' kappa, Krippendorff's alpha)"
          onClick={() => setCoders([...coderIds, next.id])}
        >
          + coder
        </button>
      )}
    </div>
  );
}

export function QuestionsPicker() {
  const { questionIds } = useAgreementChoice();
  const questions = useProject((s) => s.summary?.questions ?? NONE);
  const setQuestions = useAgreement((s) => s.setQuestions);
  const all = questionIds.length === 0;
  const chosen = (id: QuestionId) => all || questionIds.includes(id);
  const first = questions.find((q) => q.id === questionIds[0]);
  const label = all
    ? "All questions"
    : questionIds.length === 1 && first
      ? questionTitle(first.label, first.text)
      : `${questionIds.length} questions`;

  const toggle = (id: QuestionId) => {
    const current = all ? questions.map((q) => q.id) : questionIds;
    const next = current.includes(id) ? current.filter((q) => q !== id) : [...current, id];
    // Every question chosen is "all": the report follows questions added later.
    setQuestions(next.length === questions.length ? [] : next);
  };

  return (
    <span className="retrieval-field">
      <span className="grid-label">Questions</span>
      <Popover
        label={<span className="agreement-questions-label">{label}</span>}
        ariaLabel={`Questions: ${label}`}
        active={!all}
        panelLabel="Questions to compare"
      >
        <div className="agreement-question-list">
          <label>
            <input type="checkbox" checked={all} onChange={() => setQuestions([])} />
            All questions
          </label>
          {questions.map((question) => (
            <label key={question.id} title={question.text}>
              <input
                type="checkbox"
                checked={chosen(question.id)}
                // The last question chosen stays: no question at all is not a comparison.
                disabled={!all && questionIds.length === 1 && chosen(question.id)}
                onChange={() => toggle(question.id)}
              />
              {questionTitle(question.label, question.text)}
            </label>
          ))}
        </div>
      </Popover>
    </span>
  );
}
