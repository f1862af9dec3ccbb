/**
 * A file's text as a message quotes it: on one line (line breaks, tabs and other control
 * characters become a space), and cut short with "…", so a refusal stays one readable
 * sentence whatever the cell held (a megabyte, a line break, a NUL).
 */
const CONTROL_OR_SPACE = /[\s\p{Cc}\p{Zl}\p{Zp}]+/gu;

export function quoteCell(text: string, max = 60): string {
  const line = text.replace(CONTROL_OR_SPACE, " ").trim();
  const chars = Array.from(line);
  const cut = chars.length > max ? `${chars.slice(0, max).join("").trimEnd()}…` : line;
  return `"${cut}"`;
}

/** Names as a message lists them: quoted, the first few, then how many more there are. */
export function quoteList(names: readonly string[], max = 10): string {
  const shown = names
    .slice(0, max)
    .map((name) => quoteCell(name))
    .join(", ");
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
