import { useAgreement } from "../../stores/agreement.ts";

/** From the review queue back to the agreement report. */
export function BackToReport() {
  return (
    <button type="button" onClick={() => useAgreement.getState().setMode("report")}>
      Back to report
    </button>
  );
}
