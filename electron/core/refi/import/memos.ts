/**
 * REFI notes as Cairn memos. A note referenced from a coding or its selection is the
 * segment's memo; from a source, an answer memo of the note's author; from a code, a
 * code memo. Cairn keeps one memo per coder on an answer or a respondent, so one
 * author's notes there join into one, separated by blank lines.
 */
import { coderNameKey } from "../../../../shared/coders.ts";
import { guidKey, type RefiNote } from "../model.ts";
import type { CoderNames } from "./coders.ts";
import { isoDate } from "./names.ts";
import type { ImportWarnings } from "./report.ts";

export interface PlannedMemo {
  readonly coder: string;
  readonly text: string;
  readonly createdAt: string | null;
}

export class NoteBook {
  private readonly notes: ReadonlyMap<string, RefiNote>;

  constructor(
    notes: readonly RefiNote[],
    private readonly warnings: ImportWarnings,
  ) {
    this.notes = new Map(notes.map((note) => [guidKey(note.guid), note]));
  }

  /** The notes' texts joined by blank lines ("" for none). */
  text(guids: readonly string[]): string {
    if (guids.length === 0) return "";
    return joinTexts(this.found(guids).map(noteText));
  }

  /** The notes as memos, one per author (their texts joined in the file's order). */
  memosByAuthor(guids: readonly string[], coders: CoderNames): PlannedMemo[] {
    const byCoder = new Map<string, { texts: string[]; createdAt: string | null }>();
    for (const note of this.found(guids)) {
      const text = noteText(note);
      if (text.trim() === "") continue;
      const coder = coders.coderOf(note.creatingUser);
      const memo = byCoder.get(coder) ?? { texts: [], createdAt: isoDate(note.creationDateTime) };
      memo.texts.push(text);
      byCoder.set(coder, memo);
    }
    return [...byCoder].map(([coder, memo]) => ({
      coder,
      text: joinTexts(memo.texts),
      createdAt: memo.createdAt,
    }));
  }

  private found(guids: readonly string[]): RefiNote[] {
    const found: RefiNote[] = [];
    for (const guid of guids) {
      const note = this.notes.get(guidKey(guid));
      if (note === undefined) this.warnings.count("unknownNote");
      else found.push(note);
    }
    return found;
  }
}

function noteText(note: RefiNote): string {
  return note.text.trim() === "" ? (note.name ?? "").trim() : note.text;
}

/** Texts joined by blank lines, blank ones and repeats left out (as merged segments do). */
export function joinTexts(texts: readonly string[]): string {
  const kept: string[] = [];
  for (const text of texts) if (text.trim() !== "" && !kept.includes(text)) kept.push(text);
  return kept.join("\n\n");
}

/**
 * A respondent's memos from its case description, as Cairn writes it: "Name: text"
 * paragraphs, one per coder. A paragraph that does not start with a coder's name
 * continues the memo before it (a memo may hold blank lines); text before any name, or
 * a description from another program, is one memo of `fallback`.
 */
export function respondentMemos(
  description: string,
  coderNames: readonly string[],
  fallback: string,
): PlannedMemo[] {
  const known = new Map(coderNames.map((name) => [coderNameKey(name), name]));
  const memos = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const paragraph of description.split(/\r?\n[ \t]*\r?\n/)) {
    const colon = paragraph.indexOf(": ");
    const coder = colon > 0 ? known.get(coderNameKey(paragraph.slice(0, colon))) : undefined;
    if (coder !== undefined) {
      current = memos.get(coder) ?? [];
      memos.set(coder, current);
      current.push(paragraph.slice(colon + 2));
    } else {
      if (current === null) {
        current = memos.get(fallback) ?? [];
        memos.set(fallback, current);
      }
      current.push(paragraph);
    }
  }
  return [...memos]
    .map(([coder, parts]) => ({ coder, text: parts.join("\n\n").trim(), createdAt: null }))
    .filter((memo) => memo.text !== "");
}
