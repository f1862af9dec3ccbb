/**
 * When two spellings name the same code. Code names are often typed by hand (in a
 * spreadsheet, a quick picker), so "safety " and "Safety" are one code: names compare
 * without case and with spacing collapsed. Paths compare level by level. An accented
 * letter typed as one character or as a letter plus a combining accent ("é" or "e" and
 * U+0301, as some keyboards and files do) looks the same, so it is the same too.
 */
export function codeNameKey(name: string): string {
  // Printable ASCII, the usual case, is in normal form already.
  const composed = /[^ -~]/.test(name) ? name.normalize("NFC") : name;
  return composed.replace(/\s+/g, " ").trim().toLocaleLowerCase("en");
}

export function codePathKey(path: readonly string[]): string {
  return path.map(codeNameKey).join("\u0000");
}
