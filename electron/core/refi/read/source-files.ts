/**
 * Fetches the text of each source and note of a .qdpx: inline PlainTextContent, or
 * `internal://NAME` read from the zip's sources/ folder (any case). Only the entries
 * that are referenced are inflated, and nothing outside the zip is ever opened: a
 * `relative://` or absolute path leaves the source without text, with a warning.
 */
import type { RefiNote, RefiTextSource } from "../model.ts";
import type { Leniency } from "./leniency.ts";
import { decodeSourceText } from "./source-text.ts";
import type { TextDraft } from "./sources-xml.ts";
import type { SafeZip, ZipEntry } from "./zip-read.ts";

type Fetched =
  | { readonly text: string; readonly problem: null }
  | { readonly text: null; readonly problem: string };

const missingText: Fetched = { text: null, problem: "its text could not be read" };

class TextFetcher {
  private readonly byName = new Map<string, ZipEntry>();
  private outside = 0;
  private readonly missing: string[] = [];
  private noText = 0;
  private readonly fallbacks = new Map<string, number>();

  constructor(private readonly zip: SafeZip) {
    for (const entry of zip.entries) {
      const name = entry.name.replace(/\\/g, "/");
      if (/^sources\//i.test(name)) this.byName.set(name.toLowerCase(), entry);
    }
  }

  /** Where a draft's text is: inline, an entry still to read, or a reason it has none. */
  private locate(draft: TextDraft): Fetched | ZipEntry {
    if (draft.inlineText !== null) return { text: stripBom(draft.inlineText), problem: null };
    const path = draft.plainTextPath;
    if (path === null) {
      this.noText++;
      return { text: null, problem: "it has no plain text" };
    }
    const internal = /^internal:\/\/(.*)$/i.exec(path)?.[1];
    if (internal === undefined) {
      this.outside++;
      return { text: null, problem: `its text is kept outside the .qdpx (${path})` };
    }
    const name = `sources/${internal}`;
    const entry =
      this.byName.get(name.toLowerCase()) ??
      this.byName.get(`sources/${safeDecode(internal)}`.toLowerCase());
    if (entry === undefined) {
      this.missing.push(name);
      return { text: null, problem: `${name} is not in the file` };
    }
    return entry;
  }

  /**
   * Every draft's text, the entries read once each and in the order they sit in the
   * file (the reader caches blocks, so 100,000 small files cost a few large reads).
   */
  async fetchAll(drafts: readonly TextDraft[]): Promise<Fetched[]> {
    const located = drafts.map((draft) => this.locate(draft));
    const entries = [...new Set(located.filter((place) => !("problem" in place)))] as ZipEntry[];
    entries.sort((a, b) => a.raw.relativeOffsetOfLocalHeader - b.raw.relativeOffsetOfLocalHeader);
    const texts = new Map<ZipEntry, Fetched>();
    for (const entry of entries) texts.set(entry, await this.readText(entry));
    return located.map((place) => ("problem" in place ? place : (texts.get(place) ?? missingText)));
  }

  private async readText(entry: ZipEntry): Promise<Fetched> {
    const decoded = decodeSourceText(await this.zip.read(entry));
    if (decoded.fallback !== null) {
      this.fallbacks.set(decoded.fallback, (this.fallbacks.get(decoded.fallback) ?? 0) + 1);
    }
    return { text: decoded.text, problem: null };
  }

  /** `what` names one and many: ["source", "sources"]. */
  report(lenient: Leniency, what: readonly [string, string]): void {
    const counted = (count: number, one: string, many: string) =>
      count === 1 ? `1 ${what[0]} ${one}` : `${count} ${what[1]} ${many}`;
    if (this.outside > 0) {
      lenient.note(
        counted(this.outside, "keeps its text", "keep their text") +
          " outside the .qdpx and " +
          (this.outside === 1 ? "was" : "were") +
          " left out",
      );
    }
    if (this.missing.length > 0) {
      const examples = this.missing.slice(0, 3).join(", ") + (this.missing.length > 3 ? ", …" : "");
      lenient.note(
        counted(this.missing.length, "names", "name") +
          ` a text file the .qdpx does not hold (${examples})`,
      );
    }
    if (this.noText > 0) lenient.note(counted(this.noText, "has", "have") + " no plain text");
    for (const [encoding, count] of this.fallbacks) {
      lenient.note(
        counted(count, "is", "are") +
          ` not UTF-8 and ${count === 1 ? "was" : "were"} read as ${encoding}`,
      );
    }
  }
}

/** Every source with its text (or why it has none), in the file's order. */
export async function fetchSources(
  zip: SafeZip,
  drafts: readonly TextDraft[],
  lenient: Leniency,
): Promise<RefiTextSource[]> {
  const fetcher = new TextFetcher(zip);
  const texts = await fetcher.fetchAll(drafts);
  const sources = drafts.map((draft, index): RefiTextSource => {
    const { text, problem } = texts[index] ?? missingText;
    const { inlineText, plainTextPath: _path, ...rest } = draft;
    const lineEndsFromXml =
      inlineText !== null && text !== null && text.includes("\n") && !text.includes("\r");
    return { ...rest, text, textProblem: problem, lineEndsFromXml };
  });
  fetcher.report(lenient, ["source", "sources"]);
  return sources;
}

export async function fetchNotes(
  zip: SafeZip,
  drafts: readonly TextDraft[],
  lenient: Leniency,
): Promise<RefiNote[]> {
  const fetcher = new TextFetcher(zip);
  const texts = await fetcher.fetchAll(drafts);
  const notes = drafts.map((draft, index): RefiNote => ({
    guid: draft.guid,
    name: draft.name,
    text: texts[index]?.text ?? "",
    creatingUser: draft.creatingUser,
    creationDateTime: draft.creationDateTime,
  }));
  fetcher.report(lenient, ["note", "notes"]);
  return notes;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** internal://a%20b.txt names "a b.txt"; a name that is not URI-encoded stays as written. */
function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
