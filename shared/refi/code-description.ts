/**
 * Cairn's fields that REFI-QDA has no place for, kept in a Description as labelled
 * paragraphs after the main text: a code's definition, then "When to use: …", "When not
 * to use: …", "Example: …"; a question's text, then "Section: …" (only the non-empty
 * ones). Cairn's exporter joins them and its importer splits them back; a description
 * from another program, without the labels, is all main text. An answer the user marked
 * as no answer ("n/a") is a source whose Description is NON_RESPONSE_MARK.
 */

/** The Description of a non-response answer's source in a file Cairn wrote. */
export const NON_RESPONSE_MARK = "Cairn: non-response";

export interface CodeDescriptionFields {
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

/** The main text, then each non-empty `[label, value]` as "Label: value", blank lines between. */
function joinLabelled(
  main: string,
  labelled: readonly (readonly [label: string, value: string])[],
): string {
  const paragraphs: string[] = [];
  if (main.trim() !== "") paragraphs.push(main);
  for (const [label, value] of labelled) {
    if (value.trim() !== "") paragraphs.push(`${label}: ${value}`);
  }
  return paragraphs.join("\n\n");
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The inverse of `joinLabelled` for the given labels: the main text, and each label's
 * value ("" when absent). A label starts the text or follows a blank line (CRLF line
 * ends too, as other programs write them); a value that itself holds a blank line
 * followed by a label would split there: the one case the round trip does not keep.
 */
function splitLabelled<Label extends string>(
  text: string,
  labels: readonly Label[],
): { main: string; values: Record<Label, string> } {
  const byKey = new Map<string, Label>(labels.map((label) => [label.toLowerCase(), label]));
  const pattern = new RegExp(
    `(^|\\r?\\n[ \\t]*\\r?\\n)(${labels.map(escapeRegExp).join("|")}): ?`,
    "gi",
  );
  const values = Object.fromEntries(labels.map((label) => [label, ""])) as Record<Label, string>;
  let main = "";
  let current: Label | null = null;
  let from = 0;
  const store = (value: string) => {
    if (current === null) main = value;
    else values[current] = value;
  };
  for (const match of text.matchAll(pattern)) {
    store(text.slice(from, match.index));
    current = byKey.get((match[2] ?? "").toLowerCase()) ?? null;
    from = match.index + match[0].length;
  }
  store(text.slice(from));
  return { main, values };
}

const CODE_LABELS = ["When to use", "When not to use", "Example"] as const;

/** "Safety first.\n\nWhen to use: any mention of risk\n\nExample: dark streets". */
export function codeDescriptionText(fields: CodeDescriptionFields): string {
  return joinLabelled(fields.description, [
    ["When to use", fields.whenToUse],
    ["When not to use", fields.whenNotToUse],
    ["Example", fields.example],
  ]);
}

/** The inverse of `codeDescriptionText`. */
export function codeDescriptionFields(text: string): CodeDescriptionFields {
  const { main, values } = splitLabelled(text, CODE_LABELS);
  return {
    description: main,
    whenToUse: values["When to use"],
    whenNotToUse: values["When not to use"],
    example: values.Example,
  };
}

/** A question set's Description: the question's text, then "Section: PART A: APPROACH". */
export function questionDescriptionText(text: string, section: string): string {
  return joinLabelled(text, [["Section", section]]);
}

/** The inverse of `questionDescriptionText`. */
export function questionDescriptionFields(description: string): { text: string; section: string } {
  const { main, values } = splitLabelled(description, ["Section"]);
  return { text: main, section: values.Section };
}
