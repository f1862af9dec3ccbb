/**
 * The agreement report's toolbar: whose coding and which questions, and the way into
 * the review of their disagreements (first row); the level, the segment-level threshold,
 * and the table's copy and Excel export (second row).
 */
import { useEffect, useState } from "react";
import { call, errorMessage } from "../../api/client.ts";
import { useAgreement, useAgreementChoice, type AgreementLevel } from "../../stores/agreement.ts";
import { useProject } from "../../stores/project.ts";
import { Tabs } from "../common/Tabs.tsx";
import { PathDialog } from "../PathDialog.tsx";
import { CopyButton } from "../tally/CopyButton.tsx";
import { CoderPickers, QuestionsPicker } from "./ScopePickers.tsx";

const LEVELS: readonly { readonly id: AgreementLevel; readonly label: string }[] = [
  { id: "answer", label: "Answer level" },
  { id: "segment", label: "Segment level" },
];

interface Props {
  /** The shown table as text; null while there is none. */
  readonly copyText: (() => string) | null;
  /** The threshold of the figures recorded before review, while they are shown. */
  readonly recordedThreshold: number | null;
}

export function AgreementToolbar({ copyText, recordedThreshold }: Props) {
  const level = useAgreement((s) => s.level);
  const setLevel = useAgreement((s) => s.setLevel);
  return (
    <div className="grid-toolbar retrieval-toolbar agreement-toolbar">
      <div className="grid-controls">
        <CoderPickers />
        <QuestionsPicker />
        <ReviewButton />
      </div>
      <div className="grid-controls">
        <Tabs
          tabs={LEVELS}
          selected={level}
          onSelect={setLevel}
          label="Agreement level"
          className="mode-tabs agreement-tabs"
        />
        {level === "segment" && <ThresholdSlider recorded={recordedThreshold} />}
        <span className="grid-spacer" />
        {copyText ? (
          <CopyButton label="Copy table" text={copyText} />
        ) : (
          <button type="button" className="grid-button" disabled>
            Copy table
          </button>
        )}
        <ExportButton />
      </div>
    </div>
  );
}

/**
 * 50–100%, whole percents, inclusive. The report is computed again when the slider
 * rests, not at every step of a drag. The figures recorded before review were computed
 * at the review's threshold: the slider then shows that one and cannot move.
 */
function ThresholdSlider({ recorded }: { readonly recorded: number | null }) {
  const threshold = useAgreement((s) => s.threshold);
  const setThreshold = useAgreement((s) => s.setThreshold);
  const [draft, setDraft] = useState<number | null>(null);
  const percent =
    recorded !== null ? Math.round(recorded * 100) : (draft ?? Math.round(threshold * 100));

  useEffect(() => {
    if (draft === null) return;
    const timer = setTimeout(() => {
      setThreshold(draft / 100);
      setDraft(null);
    }, 250);
    return () => clearTimeout(timer);
  }, [draft, setThreshold]);

  return (
    <label
      className="retrieval-field agreement-threshold"
      title={
        recorded !== null
          ? "The figures before review were recorded at the review's threshold: it cannot change"
          : "Two passages agree when their overlap (intersection over union) reaches this share"
      }
    >
      <span className="grid-label">Threshold</span>
      <input
        type="range"
        min={50}
        max={100}
        step={1}
        value={percent}
        aria-label="Overlap threshold"
        aria-valuetext={`${percent}%`}
        disabled={recorded !== null}
        onChange={(event) => setDraft(Number(event.target.value))}
      />
      <output className="agreement-threshold-value">{percent}%</output>
      {recorded !== null && <span className="agreement-threshold-note">as recorded</span>}
    </label>
  );
}

/** "/home/me/survey.cairn" -> "/home/me/survey-agreement.xlsx". */
export function agreementPathFor(projectPath: string): string {
  return `${projectPath.replace(/\.cairn$/i, "")}-agreement.xlsx`;
}

function ExportButton() {
  const choice = useAgreementChoice();
  const projectPath = useProject((s) => s.summary?.path ?? "");
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState("");
  const ready = choice.coderIds.length >= 2;

  const save = async (path: string) => {
    setAsking(false);
    setStatus("Exporting…");
    try {
      const wanted = /\.xlsx$/i.test(path) ? path : `${path}.xlsx`;
      const scope = {
        coderIds: [...choice.coderIds],
        ...(choice.questionIds.length ? { questionIds: [...choice.questionIds] } : {}),
        threshold: choice.threshold,
      };
      const result = await call("agreement.export", { scope, path: wanted });
      setStatus(`Saved to ${result.path}`);
    } catch (error) {
      setStatus("");
      useProject.getState().reportError(`Could not export the agreement: ${errorMessage(error)}`);
    }
  };

  return (
    <>
      <button
        type="button"
        className="grid-button"
        disabled={!ready}
        onClick={() => setAsking(true)}
      >
        Export to Excel…
      </button>
      <span className="copy-status agreement-export-status" role="status">
        {status}
      </span>
      {asking && (
        <PathDialog
          title="Export the agreement report"
          action="Export"
          initial={agreementPathFor(projectPath)}
          onSubmit={(path) => void save(path)}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}

/** Two coders only: the review settles A against B into a consensus coder. */
function ReviewButton() {
  const choice = useAgreementChoice();
  const two = choice.coderIds.length === 2;
  const review = () => {
    // The queue reads the choice from the store: make the proposed coders explicit.
    const store = useAgreement.getState();
    store.setCoders(choice.coderIds);
    store.setQuestions(choice.questionIds);
    store.setMode("review");
  };
  return (
    <button
      type="button"
      className="grid-button primary agreement-review-button"
      disabled={!two}
      title={
        two
          ? "Settle each disagreement into a consensus coding, one at a time"
          : "The review settles two coders' disagreements: choose two coders"
      }
      onClick={review}
    >
      Review disagreements
    </button>
  );
}
