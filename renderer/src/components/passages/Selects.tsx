/**
 * The two choices the passages and co-occurrence views share: which question (or all)
 * and whose coding (everyone's or one coder's; at first, what the top bar shows).
 */
import type { CoderId, QuestionId } from "../../../../shared/domain.ts";
import { coderFilter, type CoderChoice } from "../../retrieval/passages-query.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";
import { QuestionSelect } from "../common/QuestionSelect.tsx";

/** The question to look at, with its label beside it. */
export function QuestionField({
  value,
  onChange,
}: {
  readonly value: QuestionId | undefined;
  onChange(questionId: QuestionId | undefined): void;
}) {
  return (
    <label className="retrieval-field">
      <span className="grid-label">Question</span>
      <QuestionSelect ariaLabel="Question" value={value} onChange={onChange} />
    </label>
  );
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
  const blind = useCoding((s) => s.blind);
  const activeId = useCoderId();
  const shown = coderFilter(value, view, activeId);
  // Blind mode counts only the coder's own work: no other coder is offered.
  if (blind) return <BlindCoderSelect />;
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

function BlindCoderSelect() {
  const name = useCoding((s) => s.coder);
  return (
    <label className="retrieval-field" title="Blind mode shows only your own coding">
      <span className="grid-label">Coder</span>
      <select aria-label="Coder" value="you" disabled>
        <option value="you">{name === null ? "You" : `${name} (you)`}</option>
      </select>
    </label>
  );
}
