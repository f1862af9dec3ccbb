/**
 * Header cells become column names the user picks from: trimmed, never empty and never
 * twice the same (survey tools repeat headers such as "Other (please specify)").
 */
export function uniqueColumnNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((cell, index) => {
    const base = cell.replace(/\s+/g, " ").trim() || `Column ${index + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    return name;
  });
}
