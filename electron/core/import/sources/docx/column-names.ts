/** Column names from labels and question texts: one line each, short enough for a header. */

const MAX_COLUMN_NAME = 80;

/** One line, unique regardless of case, at most MAX_COLUMN_NAME characters with a suffix. */
export function uniqueNames(bases: readonly string[]): string[] {
  const seen = new Set<string>();
  return bases.map((base) => {
    let name = shorten(base);
    for (let n = 2; seen.has(name.toLowerCase()); n++) {
      name = `${shorten(base, MAX_COLUMN_NAME - ` (${n})`.length)} (${n})`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Lengths in code points, so that an emoji is never cut in half. */
export function shorten(text: string, max = MAX_COLUMN_NAME): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}
