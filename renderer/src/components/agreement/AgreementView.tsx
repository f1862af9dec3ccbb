/**
 * The Agreement tab: the report comparing coders (answer and segment level) and the
 * review queue that settles their disagreements into a consensus coder.
 */
import { useAgreement } from "../../stores/agreement.ts";
import { ReviewPanel } from "../review/ReviewPanel.tsx";
import { AgreementReportPanel } from "./AgreementReportPanel.tsx";

export function AgreementView() {
  const mode = useAgreement((s) => s.mode);
  return (
    <section className="agreement-view" aria-label="Agreement">
      {mode === "report" ? <AgreementReportPanel /> : <ReviewPanel />}
    </section>
  );
}
