/**
 * The list of names to pseudonymise, as a user writes it in the dialog's text box or in
 * the file given to `cairn pseudonymise --terms`: one term a line, `Name => Pseudonym`.
 * A line without a pseudonym gets the next automatic one, "[name 1]", "[name 2]", ... in
 * list order, so a bare list of names is already a usable list. Blank lines and lines
 * starting with # are ignored.
 */
import type { PseudonymTerm } from "../api/safety-api.ts";

export const TERM_ARROW = "=>";

export interface TermListProblem {
  /** 1-based line number. */
  readonly line: number;
  readonly message: string;
}

export interface ParsedTermList {
  readonly terms: PseudonymTerm[];
  /** Lines that name no term ("=> Someone"): skipped, and said so. */
  readonly problems: TermListProblem[];
}

/** "[name 3]": the pseudonym of the third name the list gives none for. */
export function automaticPseudonym(n: number): string {
  return `[name ${n}]`;
}

export function parseTermList(text: string): ParsedTermList {
  const terms: PseudonymTerm[] = [];
  const problems: TermListProblem[] = [];
  let automatic = 0;
  // A file saved by Notepad starts with a byte-order mark; Windows lines end in \r\n.
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const arrow = line.indexOf(TERM_ARROW);
    const find = (arrow < 0 ? line : line.slice(0, arrow)).trim();
    const given = arrow < 0 ? "" : line.slice(arrow + TERM_ARROW.length).trim();
    if (find === "") {
      problems.push({ line: index + 1, message: `line ${index + 1} has no name before "=>"` });
      return;
    }
    terms.push({ find, replace: given === "" ? automaticPseudonym(++automatic) : given });
  });
  return { terms, problems };
}

/** The list written back in its own format (for a dialog that shows what it will use). */
export function formatTermList(terms: readonly PseudonymTerm[]): string {
  return terms.map((term) => `${term.find} ${TERM_ARROW} ${term.replace}`).join("\n");
}
