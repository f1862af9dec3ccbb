/**
 * A button that puts text on the clipboard (a table as tab-separated text, a paragraph)
 * and says so beside it for a moment, or says why it could not.
 */
import { useEffect, useState } from "react";

interface Props {
  readonly label: string;
  /** Accessible name when the label alone is ambiguous ("Copy table for Q3"). */
  readonly ariaLabel?: string;
  /** The text, built when clicked (a table is only turned into text when copied). */
  text(): string;
}

export function CopyButton({ label, ariaLabel, text }: Props) {
  const [status, setStatus] = useState("");
  useEffect(() => {
    if (status === "") return;
    const timer = setTimeout(() => setStatus(""), 2500);
    return () => clearTimeout(timer);
  }, [status]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setStatus("Copied");
    } catch {
      setStatus("The clipboard refused the text");
    }
  };

  return (
    <span className="copy-button">
      <button
        type="button"
        className="grid-button"
        aria-label={ariaLabel}
        onClick={() => void copy()}
      >
        {label}
      </button>
      <span className="copy-status" role="status">
        {status}
      </span>
    </span>
  );
}
