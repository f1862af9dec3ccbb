/**
 * The Agreement tab: the report comparing coders (answer and segment level) and the
 * review queue that settles their disagreements into a consensus coder, one toggle
 * apart ("Report | Review queue").
 */
import { useAgreement, type AgreementMode } from "../../stores/agreement.ts";
import { Tabs } from "../common/Tabs.tsx";
import { useCoding } from "../../stores/coding.ts";
import { BlindNotice } from "../review/BlindNotice.tsx";
import { ReviewPanel } from "../review/ReviewPanel.tsx";
import { AgreementReportPanel } from "./AgreementReportPanel.tsx";
import "./agreement.css";

const MODES: readonly { readonly id: AgreementMode; readonly label: string }[] = [
  { id: "report", label: "Report" },
  { id: "review", label: "Review queue" },
];

export function AgreementView() {
  const mode = useAgreement((s) => s.mode);
  const setMode = useAgreement((s) => s.setMode);
  // A blind coder compares nobody: the other coder's figures would prime them.
  const blind = useCoding((s) => s.blind);
  return (
    <section className="agreement-view" aria-label="Agreement">
      <div className="agreement-modebar">
        <h2>Inter-coder agreement</h2>
        <Tabs
          tabs={MODES}
          selected={mode}
          onSelect={setMode}
          label="Agreement mode"
          className="mode-tabs agreement-tabs"
        />
      </div>
      <div className="agreement-mode">
        {blind ? <BlindNotice /> : mode === "report" ? <AgreementReportPanel /> : <ReviewPanel />}
      </div>
    </section>
  );
}
