/**
 * The two choices the passages and co-occurrence views share: which question (or all)
 * and whose coding (everyone's or one coder's; at first, what the top bar shows).
 */
import type { CoderId, QuestionId } from "../../../../shared/domain.ts";
import { coderFilter, type CoderChoice } from "../../retrieval/passages-query.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";

export function QuestionSelect({
  value,
  onChange,
}: {
  readonly value: QuestionId | undefined;
  onChange(questionId: QuestionId | undefined): void;
}) {
  const questions = useProject((s) => s.summary?.questions) ?? [];
  return (
    <label className="retrieval-field">
      <span className="grid-label">Question</span>
      <select
        aria-label="Question"
        value={value ?? ""}
        onChange={(event) =>
          onChange(
            event.target.value === "" ? undefined : (Number(event.target.value) as QuestionId),
          )
        }
      >
        <option value="">All questions</option>
        {questions.map((question) => (
          <option key={question.id} value={question.id} title={question.text}>
            {questionName(question.label, question.text)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** "Q3 · Main highlights?": the label alone when the text says the same. */
export function questionName(label: string, text: string): string {
  return text && text !== label ? `${label} · ${text}` : label;
}

export function CoderSelect({
  value,
  onChange,
}: {
  readonly value: CoderChoice;
  onChange(choice: CoderChoice): void;
}) {
  const coders = useProject((s) => s.summary?.coders) ?? [];
  const view = useCoding((s) => s.view);
  const activeId = useCoderId();
  const shown = coderFilter(value, view, activeId);
  return (
    <label className="retrieval-field">
      <span className="grid-label">Coder</span>
      <select
        aria-label="Coder"
        value={shown ?? ""}
        onChange={(event) =>
          onChange(event.target.value === "" ? "all" : (Number(event.target.value) as CoderId))
        }
      >
        <option value="">All coders</option>
        {coders.map((coder) => (
          <option key={coder.id} value={coder.id}>
            {coder.name}
            {coder.id === activeId ? " (you)" : ""}
          </option>
        ))}
      </select>
    </label>
  );
}
