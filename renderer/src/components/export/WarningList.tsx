/**
 * What a file could not hold exactly, or what was read leniently, one sentence each:
 * shown under an export's or an import's report (nothing when there is none).
 */
import "./export.css";

interface Props {
  readonly warnings: readonly string[] | undefined;
  readonly title?: string;
}

export function WarningList({ warnings, title = "Worth knowing:" }: Props) {
  if (!warnings || warnings.length === 0) return null;
  return (
    <div className="export-warnings">
      <p className="export-warnings-title">{title}</p>
      <ul>
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
    </div>
  );
}
