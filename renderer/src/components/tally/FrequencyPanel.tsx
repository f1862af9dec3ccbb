/**
 * This question's frequencies beside the coding grid: who answered, and each code's
 * "9 of 12" and percentage, for the coder view of the top bar and the grid's attribute
 * filter (so the denominators are those of the answers on screen). It follows the coding
 * live: useTally reads again after every edit. It folds to a thin strip, remembered on
 * this machine for wide windows. A window narrower than WIDE_WINDOW has no room for both
 * (the grid would be left a few words wide): there the panel shows folded, whatever was
 * remembered, until unfolded for a look (not remembered).
 */
import { useMemo, useState, useSyncExternalStore } from "react";
import type { Tally, TallyCode, TallyScope } from "../../../../shared/api/tally-api.ts";
import type { QuestionId } from "../../../../shared/domain.ts";
import { useAnswers } from "../../stores/answers.ts";
import { NOTHING_OF_YOURS, useCoderId, useCoding } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";
import { useTally } from "../../stores/tally.ts";
import { useView } from "../../stores/view.ts";
import { ofText } from "../../../../shared/tally/percent.ts";
import { TallyTable } from "./TallyTable.tsx";
import "./frequency-panel.css";

const STORAGE_KEY = "cairn.frequencyPanel";
/** Below this window width the grid needs the room more than the panel does. */
const WIDE_WINDOW = 1280;

const NARROW = `(max-width: ${WIDE_WINDOW - 1}px)`;

function initiallyOpen(): boolean {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === "open") return true;
    if (stored === "closed") return false;
  } catch {
    // Storage refused (a locked-down profile): open, as for a first start.
  }
  return true;
}

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function useNarrowWindow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches);
}

function remember(open: boolean) {
  try {
    localStorage.setItem(STORAGE_KEY, open ? "open" : "closed");
  } catch {
    // Not remembered this time; the panel still folds.
  }
}

export function FrequencyPanel() {
  const narrow = useNarrowWindow();
  const [openWide, setOpenWide] = useState(initiallyOpen);
  const [openNarrow, setOpenNarrow] = useState(false);
  // Each time the window turns narrow, the panel starts folded there again (state
  // adjusted while rendering, React's pattern for state that follows a changed input).
  const [wasNarrow, setWasNarrow] = useState(narrow);
  if (narrow !== wasNarrow) {
    setWasNarrow(narrow);
    if (narrow) setOpenNarrow(false);
  }
  const open = narrow ? openNarrow : openWide;
  const toggle = (next: boolean) => {
    if (narrow) {
      setOpenNarrow(next);
      return;
    }
    remember(next);
    setOpenWide(next);
  };
  if (!open) {
    return (
      <aside className="frequency-panel collapsed" aria-label="Frequencies">
        <button
          type="button"
          className="frequency-panel-strip"
          aria-expanded={false}
          title="Show this question's frequencies"
          onClick={() => toggle(true)}
        >
          <span aria-hidden="true">‹</span>
          <span className="frequency-panel-strip-label">Frequencies</span>
        </button>
      </aside>
    );
  }
  return <OpenPanel onHide={() => toggle(false)} />;
}

interface PanelScope {
  readonly scope: TallyScope | null;
  /** A sentence to show instead of figures. */
  readonly why: string | null;
  readonly byRespondent: boolean;
  /**
   * Under "Mine", a coder who has no segment in the project yet (none ever, or the
   * first one undone) is not in it as a coder: the panel counts who answered and shows
   * no codes, under this name.
   */
  readonly codingNothing: string | null;
}

/** The scope the panel counts, or why there is none. */
function usePanelScope(): PanelScope {
  const questionId = useProject((s) => s.selectedQuestionId);
  const noQuestions = useProject((s) => s.summary?.questions.length === 0);
  const byRespondent = useAnswers((s) => s.target?.kind === "respondent");
  const attributes = useAnswers((s) => s.filter.attributes);
  const view = useCoding((s) => s.view);
  const me = useCoding((s) => s.coder);
  const myId = useCoderId();
  const blind = useCoding((s) => s.blind);
  return useMemo(() => {
    const none = { scope: null, byRespondent, codingNothing: null };
    if (noQuestions) return { ...none, why: "Nothing to count yet: import the answers first." };
    if (view === "mine" && me === null) {
      return { ...none, why: "Say who is coding to see your own figures." };
    }
    if (blind && myId === null) return { ...none, why: NOTHING_OF_YOURS };
    if (!byRespondent && questionId === null) {
      return { ...none, why: "Choose a question to see its figures." };
    }
    const coderId = view === "all" ? undefined : view === "mine" ? myId : view;
    const scope: TallyScope = {
      ...(byRespondent || questionId === null ? {} : { questionId }),
      ...(coderId === undefined || coderId === null ? {} : { coderId }),
      ...(attributes && attributes.length > 0 ? { attributes } : {}),
    };
    return { scope, why: null, byRespondent, codingNothing: coderId === null ? me : null };
  }, [questionId, noQuestions, byRespondent, attributes, view, me, myId, blind]);
}

function OpenPanel({ onHide }: { readonly onHide: () => void }) {
  const { scope, why, byRespondent, codingNothing } = usePanelScope();
  const { tally, error } = useTally(scope);
  const shown = scope === null ? null : tally;

  return (
    <aside className="frequency-panel" aria-label="Frequencies" data-testid="frequency-panel">
      <header className="frequency-panel-header">
        <h2>Frequencies</h2>
        <button
          type="button"
          className="frequency-panel-open-view"
          title="Open the frequencies view: filters, crosstab, charts, report sentences"
          onClick={() => useView.getState().show("frequencies")}
        >
          More…
        </button>
        <button
          type="button"
          className="frequency-panel-hide"
          aria-expanded={true}
          aria-label="Hide the frequencies"
          title="Hide the frequencies"
          onClick={onHide}
        >
          ›
        </button>
      </header>
      {why !== null ? (
        <p className="frequency-panel-note">{why}</p>
      ) : error !== null ? (
        <p className="frequency-panel-note error" role="alert">
          {error}
        </p>
      ) : shown === null ? (
        <p className="frequency-panel-note">Counting…</p>
      ) : (
        <PanelFigures tally={shown} byRespondent={byRespondent} codingNothing={codingNothing} />
      )}
    </aside>
  );
}

function PanelFigures({
  tally,
  byRespondent,
  codingNothing,
}: {
  readonly tally: Tally;
  readonly byRespondent: boolean;
  readonly codingNothing: string | null;
}) {
  const question = byRespondent ? undefined : tally.questions[0];
  const table: {
    codes: readonly TallyCode[];
    answered: number;
    questionId?: QuestionId;
    label: string;
  } = question
    ? {
        codes: codingNothing === null ? question.codes : [],
        answered: question.answered,
        questionId: question.questionId,
        label: `Frequencies for ${question.label}`,
      }
    : {
        codes: codingNothing === null ? tally.overall.codes : [],
        answered: tally.overall.answered,
        label: "Frequencies for all questions",
      };

  return (
    <>
      <div className="frequency-panel-summary">
        <p className="frequency-panel-counts" data-testid="frequency-panel-counts">
          {question ? (
            <>
              <strong>{ofText(question.answered, tally.respondents)}</strong> answered
            </>
          ) : (
            <>
              <strong>{ofText(tally.overall.answered, tally.respondents)}</strong> answered at least
              one question
            </>
          )}
        </p>
        <p className="frequency-panel-scope">
          {question && (
            <>
              {question.empty.toLocaleString("en")} empty ·{" "}
              {question.nonResponse.toLocaleString("en")} no answer
              {question.missing > 0 && <> · {question.missing.toLocaleString("en")} missing</>}
              {" · "}
            </>
          )}
          {codingNothing !== null
            ? `${codingNothing}’s coding`
            : tally.coder === null
              ? "all coders"
              : `${tally.coder}’s coding`}
          {tally.filter.length > 0 &&
            ` · only ${tally.filter.map((f) => `${f.name}: ${f.values.join(", ")}`).join("; ")}`}
        </p>
      </div>
      <div className="frequency-panel-body">
        <TallyTable compact counted={tally} {...table} />
      </div>
    </>
  );
}
