/**
 * The last step of a restore, from the Restore dialog or the damaged-project offer: what
 * happened, and where the project's earlier state (or the damaged file) was kept.
 */
import { SafetyShell } from "./SafetyShell.tsx";

export function RestoreDone(props: {
  readonly title: string;
  readonly className: string;
  readonly sentence: string;
  readonly keptAs: string | null;
  readonly onClose: () => void;
}) {
  return (
    <SafetyShell title={props.title} className={props.className} onCancel={props.onClose}>
      <p className="safety-status safety-done" role="status">
        {props.sentence}
      </p>
      {props.keptAs && <p className="safety-path">{props.keptAs}</p>}
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={props.onClose}>
          Close
        </button>
      </div>
    </SafetyShell>
  );
}
