/**
 * Formula injection: a spreadsheet evaluates a CSV cell that begins with "=", "+", "-",
 * "@", a tab or a carriage return as a formula, so text a respondent or a coder typed
 * ("=HYPERLINK(...)") could run when a colleague opens the export. Such a cell is written
 * with a leading apostrophe (OWASP's advice), and Cairn's own importers take it off, so
 * text makes the round trip unchanged.
 */
// Apostrophes already in front count too: "'=x" is written "''=x", so it comes back.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^''*[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a guarded cell stood for (any other text as it is). */
export function unguardFormula(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
