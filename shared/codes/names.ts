/**
 * When two spellings name the same code. Code names are often typed by hand (in a
 * spreadsheet, a quick picker), so "safety " and "Safety" are one code: names compare
 * without case and with spacing collapsed. Paths compare level by level.
 */
export function codeNameKey(name: string): string {
  return name.replace(/\s+/g, " ").trim().toLocaleLowerCase("en");
}

export function codePathKey(path: readonly string[]): string {
  return path.map(codeNameKey).join("\u0000");
}
