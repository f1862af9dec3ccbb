/** What the Agreement tab shows in blind mode: comparing coders would show the other's work. */
import { useCoding } from "../../stores/coding.ts";
import "./blind.css";

export function BlindNotice() {
  return (
    <div className="blind-notice" role="status">
      <p>Blind mode is on: turn it off to compare coders.</p>
      <button type="button" onClick={() => void useCoding.getState().setBlind(false)}>
        Turn blind mode off
      </button>
    </div>
  );
}
