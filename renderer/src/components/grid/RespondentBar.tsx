/**
 * The by-respondent view's header: who this is (with their attributes), where they come
 * in the project, and the previous and next respondents.
 */
import { useEffect } from "react";
import type { RespondentId } from "../../../../shared/domain.ts";
import { useAnswers } from "../../stores/answers.ts";
import { useRespondents } from "../../stores/respondents.ts";

export function RespondentBar({
  respondentId,
  label,
}: {
  readonly respondentId: RespondentId;
  readonly label: string;
}) {
  const entries = useRespondents((s) => s.entries);
  const total = useRespondents((s) => s.total);
  const load = useRespondents((s) => s.load);
  const neighbour = useRespondents((s) => s.neighbour);
  const showRespondent = useAnswers((s) => s.showRespondent);
  const firstRow = useAnswers((s) => s.rows[0]);

  useEffect(() => void load(), [load]);

  const index = entries.findIndex((entry) => entry.id === respondentId);
  const attributes = entries[index]?.attributes ?? firstRow?.attributes ?? {};
  const go = async (step: 1 | -1) => {
    const next = await neighbour(respondentId, step);
    if (next) await showRespondent(next.id, next.label);
  };
  // Not among the respondents loaded yet (found by a search): there may be others either side.
  const unknown = index === -1 && entries.length < total;
  const atStart = unknown ? false : index <= 0;
  const atEnd = unknown ? false : index === -1 || index >= total - 1;

  return (
    <header className="respondent-bar">
      <button
        type="button"
        className="grid-button"
        disabled={atStart}
        onClick={() => void go(-1)}
        aria-label="Previous respondent"
      >
        ‹ Previous
      </button>
      <div className="respondent-bar-who">
        <h2>
          <span className="respondent-bar-kicker">Respondent</span> {label}
        </h2>
        <p>
          {index >= 0 && (
            <span className="respondent-bar-position">
              {(index + 1).toLocaleString("en")} of {total.toLocaleString("en")}
            </span>
          )}
          {Object.entries(attributes).map(([name, value]) => (
            <span key={name} className="respondent-bar-attribute">
              {name}: <strong>{value}</strong>
            </span>
          ))}
        </p>
      </div>
      <button
        type="button"
        className="grid-button"
        disabled={atEnd}
        onClick={() => void go(1)}
        aria-label="Next respondent"
      >
        Next ›
      </button>
    </header>
  );
}
