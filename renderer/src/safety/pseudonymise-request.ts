/**
 * What the Pseudonymise dialog asks the core for: its form as the contract's options, the
 * copy's default path, and what still stops it, in one sentence.
 */
import type { PseudonymiseOptions } from "../../../shared/api/safety-api.ts";
import { parseTermList } from "../../../shared/text/pseudonymise-terms.ts";

export interface PseudonymiseForm {
  /** The list as typed: one term a line, `Name => Pseudonym`. */
  readonly termsText: string;
  readonly emails: boolean;
  readonly phones: boolean;
  readonly urls: boolean;
  readonly matchCase: boolean;
  readonly insideWords: boolean;
}

export const EMPTY_FORM: PseudonymiseForm = {
  termsText: "",
  emails: false,
  phones: false,
  urls: false,
  matchCase: false,
  insideWords: false,
};

export type FormRequest =
  | { readonly ok: true; readonly options: PseudonymiseOptions }
  | { readonly ok: false; readonly problem: string };

export function formRequest(form: PseudonymiseForm): FormRequest {
  const { terms, problems } = parseTermList(form.termsText);
  const first = problems[0];
  if (first) return { ok: false, problem: `The list: ${first.message}.` };
  if (terms.length === 0 && !form.emails && !form.phones && !form.urls) {
    return { ok: false, problem: "Type the names to replace, one a line." };
  }
  return {
    ok: true,
    options: {
      terms,
      ignoreCase: !form.matchCase,
      wholeWords: !form.insideWords,
      emails: form.emails,
      phones: form.phones,
      urls: form.urls,
    },
  };
}

/** "/a/survey.cairn" -> "/a/survey pseudonymised.cairn": beside the project. */
export function defaultCopyPath(projectPath: string): string {
  return `${projectPath.replace(/\.cairn$/i, "")} pseudonymised.cairn`;
}

/** A path the user typed without an extension gets ".cairn", as the copy is a project. */
export function withCairnExtension(path: string): string {
  const trimmed = path.trim();
  if (trimmed === "" || /\.cairn$/i.test(trimmed)) return trimmed;
  return `${trimmed}.cairn`;
}
