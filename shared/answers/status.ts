/**
 * Decides whether an imported cell is an answer, a blank cell or a non-response
 * placeholder. The user can review and override the result; this is only the default.
 */
import type { AnswerStatus } from "../domain.ts";

/**
 * Placeholders survey respondents and tools write instead of an answer, compared after
 * trimming, lower-casing and dropping trailing dots ("." and "n.a." match too). Kept
 * short on purpose: a real answer must never be mistaken for one. "No", "None" or "Nil"
 * answer a question such as "Any limitations?"; "no answer" does not.
 */
const NON_RESPONSE_PLACEHOLDERS = new Set([
  "-",
  "--",
  "---",
  "/",
  "?",
  "",
  "n/a",
  "na",
  "n.a",
  "n. a",
  "no answer",
  "no response",
  "not applicable",
  "not answered",
  "did not answer",
  "prefer not to say",
  "keine angabe",
  "k.a",
  "k. a",
  "sans réponse",
  "sin respuesta",
]);

function normalise(text: string): string {
  return text.trim().toLocaleLowerCase("en").replace(/\s+/g, " ").replace(/\.+$/, "");
}

export function detectAnswerStatus(text: string): AnswerStatus {
  if (text.trim() === "") return "empty";
  const normalised = normalise(text);
  if (NON_RESPONSE_PLACEHOLDERS.has(normalised)) return "non_response";
  return "answered";
}
