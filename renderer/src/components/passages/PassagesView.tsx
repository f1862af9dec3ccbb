/**
 * Every passage coded with a code (or anything below a category), for reading a theme
 * and pulling quotes: the code and filters on top, the passages under question headings
 * (or by respondent), and the quote bar at the bottom for the ticked ones.
 */
import { useEffect } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { groupPassages, passageCount } from "../../retrieval/passages-query.ts";
import { NOTHING_OF_YOURS, useBlindWithoutCoder, useCoding } from "../../stores/coding.ts";
import { usePassages } from "../../stores/passages.ts";
import { useProject } from "../../stores/project.ts";
import { useView } from "../../stores/view.ts";
import { AttributeValuesFilter } from "./AttributeValuesFilter.tsx";
import { PassagesCode } from "./PassagesCode.tsx";
import { PassageCard } from "./PassageCard.tsx";
import { QuoteBar } from "./QuoteBar.tsx";
import { questionName } from "../common/QuestionSelect.tsx";
import { CoderSelect, QuestionField } from "./Selects.tsx";
import "./passages.css";

export function PassagesView() {
  const scope = useView((s) => s.passages);
  const state = usePassages();
  const summary = useProject((s) => s.summary);
  const codes = useProject((s) => s.codes);
  const codeIndex = useProject((s) => s.codeIndex);
  const coderName = useCoding((s) => s.coder);
  const coderView = useCoding((s) => s.view);
  const nothingOfYours = useBlindWithoutCoder();
  const { load } = state;

  // Any change to what is listed, or to the project (an edit refreshes the summary or
  // the codebook), lists the passages again.
  useEffect(() => {
    void load();
  }, [
    load,
    scope,
    state.coder,
    state.attributes,
    state.sort,
    summary,
    codes,
    coderName,
    coderView,
    nothingOfYours,
  ]);

  const choose = (codeId: CodeId) =>
    useView.getState().showPassages({
      codeId,
      ...(scope?.questionId !== undefined ? { questionId: scope.questionId } : {}),
    });
  const also = scope?.withCode !== undefined ? codeIndex.get(scope.withCode) : undefined;
  const chosenGone = scope !== null && !codeIndex.has(scope.codeId);

  return (
    <section className="passages-view" aria-label="Passages">
      <div className="grid-toolbar retrieval-toolbar">
        <div className="grid-controls">
          <PassagesCode codeId={scope?.codeId} onChoose={choose} startOpen={scope === null} />
          {scope && (
            <>
              <QuestionField
                value={scope.questionId}
                onChange={(questionId) =>
                  useView.getState().showPassages({
                    codeId: scope.codeId,
                    ...(scope.withCode !== undefined ? { withCode: scope.withCode } : {}),
                    ...(questionId !== undefined ? { questionId } : {}),
                  })
                }
              />
              <CoderSelect value={state.coder} onChange={state.setCoder} />
              <AttributeValuesFilter value={state.attributes} onChange={state.setAttributes} />
              <label className="retrieval-field">
                <span className="grid-label">Sort</span>
                <select
                  aria-label="Sort passages"
                  value={state.sort}
                  onChange={(event) =>
                    state.setSort(event.target.value as "question" | "respondent")
                  }
                >
                  <option value="question">By question</option>
                  <option value="respondent">By respondent</option>
                </select>
              </label>
            </>
          )}
        </div>
        {scope && !chosenGone && !nothingOfYours && (
          <div className="grid-summary">
            <span className="grid-total" data-testid="passage-count">
              {state.loading && state.rows.length === 0
                ? "Listing passages…"
                : passageCount(state.total, state.rows)}
            </span>
            {also && (
              <span className="grid-chip">
                <span title={also.path.join(" > ")}>also coded {also.path.join(" › ")}</span>
                <button
                  type="button"
                  aria-label={`Show all passages, not only those also coded ${also.name}`}
                  onClick={() =>
                    useView.getState().showPassages({
                      codeId: scope.codeId,
                      ...(scope.questionId !== undefined ? { questionId: scope.questionId } : {}),
                    })
                  }
                >
                  ×
                </button>
              </span>
            )}
          </div>
        )}
      </div>
      {state.error && <p className="notice error">{state.error}</p>}
      {scope === null || chosenGone ? (
        <p className="notice passages-empty">
          {chosenGone
            ? "That code is no longer in the codebook. Choose another."
            : "Choose a code to read every passage coded with it, and copy quotes."}
        </p>
      ) : nothingOfYours ? (
        <p className="notice passages-empty">{NOTHING_OF_YOURS}</p>
      ) : (
        <PassageList />
      )}
      {scope !== null && !chosenGone && !nothingOfYours && state.rows.length > 0 && <QuoteBar />}
    </section>
  );
}

function PassageList() {
  const rows = usePassages((s) => s.rows);
  const total = usePassages((s) => s.total);
  const sort = usePassages((s) => s.sort);
  const selected = usePassages((s) => s.selected);
  const loading = usePassages((s) => s.loading);
  const { toggle, loadMore } = usePassages.getState();
  const questions = useProject((s) => s.summary?.questions) ?? [];
  const groups = groupPassages(rows, sort);

  return (
    <div className="passages-scroll">
      {groups.map((group) => {
        const question = questions.find((q) => q.id === group.questionId);
        return (
          <section key={group.questionId ?? "all"} className="passage-group">
            {group.questionId !== null && (
              <h3 className="passage-group-heading">
                <span className="passage-group-name">
                  {question ? questionName(question.label, question.text) : group.heading}
                </span>
                <span className="passage-group-count">{group.passages.length}</span>
              </h3>
            )}
            {group.passages.map((passage) => (
              <PassageCard
                key={passage.segmentId}
                passage={passage}
                selected={selected.has(passage.segmentId)}
                showQuestion={group.questionId === null}
                onToggle={(on) => toggle(passage.segmentId, on)}
              />
            ))}
          </section>
        );
      })}
      {rows.length === 0 && !loading && (
        <p className="notice">No passage is coded with this code under these filters.</p>
      )}
      {rows.length < total && (
        <div className="passages-more">
          <button
            type="button"
            className="grid-button"
            disabled={loading}
            onClick={() => void loadMore()}
          >
            {loading
              ? "Loading…"
              : `Load more (${(total - rows.length).toLocaleString("en")} to go)`}
          </button>
        </div>
      )}
    </div>
  );
}
