/**
 * "Coding as: Aoife" in the top bar, and whose segments the answers show (everyone's,
 * the active coder's, or one other coder's, to read a colleague's coding alone). The
 * name is chosen once and remembered on this machine. Blind mode (also remembered on
 * this machine) shows only the coder's own segments and figures everywhere, so another
 * coder's work cannot influence theirs: the choice of whose codes to show goes.
 */
import type { CoderId } from "../../../../shared/domain.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";
import "../review/blind.css";
import "./coding-chrome.css";

const NO_CODERS: readonly { id: CoderId; name: string }[] = [];

export function CoderControl() {
  const coder = useCoding((s) => s.coder);
  const view = useCoding((s) => s.view);
  const blind = useCoding((s) => s.blind);
  const coderId = useCoderId();
  const coders = useProject((s) => s.summary?.coders ?? NO_CODERS);
  const preparedFor = useProject((s) => s.summary?.preparedFor ?? null);
  const others = coders.filter((c) => c.id !== coderId);
  const { askCoder, setView, setBlind } = useCoding.getState();
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
      {preparedFor !== null && (
        <span
          className="prepared-for"
          title={`This file was prepared for ${preparedFor} to code blind (File › Prepare for a second coder)`}
        >
          Prepared for {preparedFor}
        </span>
      )}
      <button
        type="button"
        className="blind-toggle"
        aria-pressed={blind}
        title="Show only your own coding, so another coder's work does not influence yours"
        onClick={() => void setBlind(!blind)}
      >
        Blind
      </button>
      {blind ? (
        <span className="blind-badge" role="status">
          Blind: only your coding
        </span>
      ) : (
        <>
          <div className="segmented" role="group" aria-label="Whose codes to show">
            <button type="button" aria-pressed={view === "all"} onClick={() => setView("all")}>
              All coders
            </button>
            <button type="button" aria-pressed={view === "mine"} onClick={() => setView("mine")}>
              Mine
            </button>
          </div>
          {others.length > 0 && (
            <select
              className="coder-view-select"
              aria-label="Show one coder's codes"
              value={typeof view === "number" ? String(view) : ""}
              onChange={(event) =>
                setView(event.target.value === "" ? "all" : (Number(event.target.value) as CoderId))
              }
            >
              <option value="">One coder…</option>
              {others.map((other) => (
                <option key={other.id} value={other.id}>
                  {other.name}
                </option>
              ))}
            </select>
          )}
        </>
      )}
    </div>
  );
}
