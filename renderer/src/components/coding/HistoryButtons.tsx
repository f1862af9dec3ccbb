/** Undo and Redo in the top bar, named after what they would undo ("Undo Apply Safety"). */
import { useEdits } from "../../stores/edits.ts";
import "./coding-chrome.css";

const MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const UNDO_KEY = MAC ? "⌘Z" : "Ctrl+Z";
const REDO_KEY = MAC ? "⇧⌘Z" : "Ctrl+Shift+Z";

export function HistoryButtons() {
  const history = useEdits((s) => s.history);
  const { undo, redo } = useEdits.getState();
  return (
    <div className="history-buttons" role="group" aria-label="History">
      <button
        type="button"
        disabled={history.undo === null}
        onClick={() => void undo()}
        title={history.undo ? `Undo ${history.undo} (${UNDO_KEY})` : "Nothing to undo"}
        aria-label={history.undo ? `Undo ${history.undo}` : "Undo"}
      >
        <span aria-hidden="true">↶</span>{" "}
        <span className="history-label">{history.undo ? `Undo ${history.undo}` : "Undo"}</span>
      </button>
      <button
        type="button"
        disabled={history.redo === null}
        onClick={() => void redo()}
        title={history.redo ? `Redo ${history.redo} (${REDO_KEY})` : "Nothing to redo"}
        aria-label={history.redo ? `Redo ${history.redo}` : "Redo"}
      >
        <span aria-hidden="true">↷</span>{" "}
        <span className="history-label">{history.redo ? `Redo ${history.redo}` : "Redo"}</span>
      </button>
    </div>
  );
}
