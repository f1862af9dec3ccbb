/**
 * "Coding as: Aoife" in the top bar, and whose segments the answers show (everyone's,
 * or only the active coder's). The name is chosen once and remembered on this machine.
 */
import { useCoding } from "../../stores/coding.ts";
import "./coding-chrome.css";

export function CoderControl() {
  const coder = useCoding((s) => s.coder);
  const view = useCoding((s) => s.view);
  const { askCoder, setView } = useCoding.getState();
  return (
    <div className="coder-control">
      <span className="coder-caption">Coding as</span>
      <button
        type="button"
        className={`coder-name${coder ? "" : " unset"}`}
        onClick={askCoder}
        aria-label={coder ? `Coding as ${coder}: change` : "Choose who is coding"}
      >
        {coder ?? "choose…"}
      </button>
      <div className="segmented" role="group" aria-label="Whose codes to show">
        <button type="button" aria-pressed={view === "all"} onClick={() => setView("all")}>
          All coders
        </button>
        <button type="button" aria-pressed={view === "mine"} onClick={() => setView("mine")}>
          Mine
        </button>
      </div>
    </div>
  );
}
