/**
 * The words on a chart: labels wrapped to fit beside a bar, and file names from a
 * question's label. Pure, so the tests can pin the exact text a report will show. The
 * figures ("9 of 12", "75% (9 of 12)") come from shared/tally/percent.ts, as the tables'.
 */
import { countText } from "../../../shared/tally/percent.ts";

/** "1 respondent" / "12 respondents". */
export function respondentsText(n: number): string {
  return `${countText(n)} ${n === 1 ? "respondent" : "respondents"}`;
}

/**
 * Wraps `text` at spaces into at most `maxLines` lines of about `lineChars` characters;
 * what does not fit ends in "…" (the full text stays in the tooltip and the data table).
 * A single word longer than a line is cut.
 */
export function wrapLabel(text: string, lineChars: number, maxLines: number): string {
  const width = Math.max(4, Math.floor(lineChars));
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (candidate.length <= width) {
      current = candidate;
      continue;
    }
    if (current !== "") lines.push(current);
    current = word;
  }
  if (current !== "") lines.push(current);
  const fitted = lines.map((line) => (line.length > width ? `${line.slice(0, width - 1)}…` : line));
  if (fitted.length <= maxLines) return fitted.join("\n");
  const kept = fitted.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept.join("\n");
}

/**
 * A rough width of `text` in pixels at `fontSize`: the average glyph of a sans-serif
 * font is about 0.55 em. Good enough to reserve room for labels; ECharts truncates anything
 * that still overflows.
 */
export function textWidth(text: string, fontSize: number): number {
  const longest = Math.max(0, ...text.split("\n").map((line) => line.length));
  return Math.ceil(longest * fontSize * 0.58);
}

/** "Q3 Cooperation with agencies" -> "Q3-cooperation-with-agencies" (kept "Q3" as is). */
export function fileSlug(label: string): string {
  const words = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== "");
  const slug = words
    .map((word, i) => (i === 0 && /^[A-Z]+\d+$/.test(word) ? word : word.toLowerCase()))
    .join("-");
  return slug.slice(0, 80).replace(/-+$/, "") || "chart";
}

/** "Q3-limitations-codes.png". */
export function chartFileName(label: string, kind: string, extension: "png" | "svg"): string {
  return `${fileSlug(label)}-${kind}.${extension}`;
}

/** Text for a tooltip's HTML: the names are the user's, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
