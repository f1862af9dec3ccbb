/** Tells screen readers what an action did ("Applied Safety to R12", "Undid Apply Safety"). */
import { useEdits } from "../../stores/edits.ts";

export function Announcer() {
  const announcement = useEdits((s) => s.announcement);
  return (
    // A live region without the "status" role: the window's toasts hold that role.
    <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {/* A new key re-reads the same words when the same thing happens twice. */}
      <span key={announcement.serial}>{announcement.text}</span>
    </div>
  );
}
