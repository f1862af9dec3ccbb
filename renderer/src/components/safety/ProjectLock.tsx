/**
 * A small lock beside the project's name in the top bar when the project is encrypted
 * (File › Password… set one). Discreet: a mark and a tooltip, no words in the bar.
 */
import { useProject } from "../../stores/project.ts";
import "./safety-dialogs.css";

export function ProjectLock() {
  const encrypted = useProject((s) => s.summary?.encrypted ?? false);
  if (!encrypted) return null;
  const label = "Protected by a password";
  return (
    <span className="project-lock" role="img" aria-label={label} title={label}>
      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
        <path
          d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
        <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      </svg>
    </span>
  );
}
