/**
 * A drop-down of the project's questions, "All questions" first: which question a
 * search, a list of passages or the co-occurrence table looks at.
 */
import type { QuestionId } from "../../../../shared/domain.ts";
import { useProject } from "../../stores/project.ts";

const NO_QUESTIONS: never[] = [];

interface Props {
  readonly value: QuestionId | undefined;
  onChange(questionId: QuestionId | undefined): void;
  /** When no visible label names it. */
  readonly ariaLabel?: string;
}

export function QuestionSelect({ value, onChange, ariaLabel }: Props) {
  const questions = useProject((s) => s.summary?.questions ?? NO_QUESTIONS);
  return (
    <select
      aria-label={ariaLabel}
      value={value ?? ""}
      onChange={(event) =>
        onChange(event.target.value === "" ? undefined : (Number(event.target.value) as QuestionId))
      }
    >
      <option value="">All questions</option>
      {questions.map((question) => (
        <option key={question.id} value={question.id} title={question.text}>
          {questionName(question.label, question.text)}
        </option>
      ))}
    </select>
  );
}

/** "Q3 · Main highlights?": the label alone when the text says the same. */
export function questionName(label: string, text: string): string {
  return text && text !== label ? `${label} · ${text}` : label;
}
