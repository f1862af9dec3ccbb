/**
 * What an import bent or left out, counted while it maps the file and said once at the
 * end, one sentence per kind with its count: a file of 50,000 selections off the text
 * gives one line, not 50,000.
 */

const SENTENCES = {
  unknownCode: (n: number) =>
    `${plural(n, "coding names", "codings name")} a code the file does not have; left out`,
  unknownSource: (n: number) =>
    `${plural(n, "set or case names", "sets or cases name")} a source the file does not have; ignored`,
  unknownUser: (n: number) =>
    `${plural(n, "item names", "items name")} a user the file does not have; ` +
    "the coder was taken from the selection, the source or the program",
  unknownVariable: (n: number) =>
    `${plural(n, "value is", "values are")} of a variable the file does not declare; left out`,
  unknownNote: (n: number) =>
    `${plural(n, "reference names", "references name")} a note the file does not have; ignored`,
  outOfRange: (n: number) =>
    n === 1
      ? "1 selection lies outside its source's text (or ends before it starts); left out"
      : `${n.toLocaleString("en")} selections lie outside their sources' texts ` +
        "(or end before they start); left out",
  emptySelection: (n: number) =>
    `${plural(n, "selection is", "selections are")} empty (start equals end); left out`,
  restoredCrlf: (n: number) =>
    `${plural(n, "source's", "sources'")} inline text had its CRLF line ends put back ` +
    "(XML reads a written CRLF as LF): only with them do the selections fall on words",
  widened: (n: number) =>
    `${plural(n, "selection began or ended", "selections began or ended")} inside a word; ` +
    "widened to whole words, the passages the coders meant",
  merged: (n: number) =>
    `${plural(n, "coding overlapped or touched", "codings overlapped or touched")} another of ` +
    "the same code by the same coder on the same text and merged with it, as Cairn keeps them",
  noText: (n: number) =>
    `${plural(n, "text source has", "text sources have")} no readable text; ` +
    "left out with its codings",
  codingWithoutText: (n: number) =>
    `${plural(n, "coding of a whole source", "codings of whole sources")} on an empty text; left out`,
  renamedCode: (n: number) =>
    `${plural(n, "code name was", "code names were")} not valid in Cairn (empty, too long, ` +
    "or holding '>') and repaired",
  duplicateCode: (n: number) =>
    `${plural(n, "code has", "codes have")} the name of a sibling; numbered " (2)", " (3)"…`,
  duplicateGuid: (n: number) =>
    `${plural(n, "code repeats", "codes repeat")} another's GUID; codings go to the first`,
  duplicateSource: (n: number) =>
    `${plural(n, "text source repeats", "text sources repeat")} another's GUID; ` +
    "each became a respondent of its own",
  duplicateRespondent: (n: number) =>
    `${plural(n, "respondent name was", "respondent names were")} taken already; numbered " (2)"…`,
  duplicateQuestion: (n: number) =>
    `${plural(n, "question label was", "question labels were")} blank or taken already; renamed`,
  duplicateAttribute: (n: number) =>
    `${plural(n, "variable name was", "variable names were")} blank or taken already; renamed`,
  sourceInCases: (n: number) =>
    `${plural(n, "source is", "sources are")} in several cases; ` +
    "its attributes come from the first",
  codeSets: (n: number) =>
    `${plural(n, "code set was", "code sets were")} left out (Cairn has no code groups)`,
  tooDeep: (n: number) =>
    `${plural(n, "code lies", "codes lie")} more than 20 levels deep; left out`,
} as const;

export type WarningKind = keyof typeof SENTENCES;

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
}

export class ImportWarnings {
  private readonly counts = new Map<WarningKind, number>();
  private readonly extra: string[] = [];

  count(kind: WarningKind, n = 1): void {
    if (n > 0) this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  countOf(kind: WarningKind): number {
    return this.counts.get(kind) ?? 0;
  }

  /** A sentence that is not a count ("the file's sets are not a survey grid…"). */
  say(sentence: string): void {
    this.extra.push(sentence);
  }

  /** The sentences, in a fixed order (the order of SENTENCES, then the others). */
  lines(except: readonly WarningKind[] = []): string[] {
    const counted = (Object.keys(SENTENCES) as WarningKind[])
      .filter((kind) => this.counts.has(kind) && !except.includes(kind))
      .map((kind) => SENTENCES[kind](this.counts.get(kind) ?? 0));
    return [...counted, ...this.extra];
  }
}
