/**
 * Answers as REFI-QDA text sources: each answer with text is `sources/<guid>.txt` (UTF-8,
 * no BOM, exactly the stored text) and a `<TextSource>` whose selections are its coded
 * passages. Segments with the same span on an answer share one selection, with a coding
 * per segment (its code and coder); positions are code points (or UTF-16 units).
 */
import { NON_RESPONSE_MARK } from "../../../../shared/refi/code-description.ts";
import { positionOfOffset } from "../../../../shared/refi/positions.ts";
import * as read from "../../db/refi-export-read.ts";
import { checkCancel, groupBy, PAGE, type RefiWriteContext } from "./project-xml.ts";
import { xsdDateTime } from "./xml-writer.ts";
import type { ZipWriter } from "./zip-writer.ts";

export interface SourceCounts {
  sources: number;
  selections: number;
  codings: number;
}

export function sourceName(externalId: string, questionLabel: string): string {
  return `${externalId} · ${questionLabel}`;
}

/** Pages of source answers, with a cancel check and progress after each. */
async function forEachSourcePage(
  context: RefiWriteContext,
  phase: string,
  total: number,
  visit: (page: read.ExportSourceAnswer[]) => Promise<void>,
): Promise<void> {
  let done = 0;
  for (let after = 0; ;) {
    checkCancel(context.signal);
    const page = read.sourcePage(context.db, after, PAGE);
    const last = page.at(-1);
    if (!last) break;
    await visit(page);
    done += page.length;
    after = last.id;
    context.onProgress({ phase, done, total });
  }
}

/** The first pass: every source's text into the zip. */
export async function writeSourceFiles(
  context: RefiWriteContext,
  zip: ZipWriter,
  total: number,
): Promise<void> {
  await forEachSourcePage(context, "texts", total, async (page) => {
    for (const answer of page) {
      const file = `sources/${context.guid("source", answer.id)}.txt`;
      zip.addBuffer(file, Buffer.from(answer.text, "utf8"));
    }
    await zip.settle();
  });
}

/** The second pass: `<Sources>` with every selection and coding. */
export async function writeSources(
  context: RefiWriteContext,
  total: number,
): Promise<SourceCounts> {
  const counts: SourceCounts = { sources: 0, selections: 0, codings: 0 };
  if (total === 0) return counts;
  context.xml.open("Sources");
  await forEachSourcePage(context, "sources", total, async (page) => {
    const from = page[0]?.id ?? 0;
    const to = page.at(-1)?.id ?? 0;
    const segments = groupBy(
      read.segmentsOfAnswersBetween(context.db, from, to),
      (s) => s.answerId,
    );
    const memos = groupBy(read.answerMemosBetween(context.db, from, to), (m) => m.targetId);
    for (const answer of page) {
      writeSource(
        context,
        answer,
        segments.get(answer.id) ?? [],
        memos.get(answer.id) ?? [],
        counts,
      );
    }
    await context.xml.maybeFlush();
  });
  context.xml.close("Sources");
  return counts;
}

function writeSource(
  context: RefiWriteContext,
  answer: read.ExportSourceAnswer,
  segments: readonly read.ExportSegment[],
  memos: readonly read.ExportMemo[],
  counts: SourceCounts,
): void {
  const { xml, guid } = context;
  const sourceGuid = guid("source", answer.id);
  xml.open("TextSource", {
    guid: sourceGuid,
    name: sourceName(answer.externalId, answer.questionLabel),
    plainTextPath: `internal://${sourceGuid}.txt`,
  });
  // REFI has no answer status: Cairn's importer reads this mark back (others show it).
  if (answer.status === "non_response") xml.element("Description", NON_RESPONSE_MARK);
  for (const span of sameSpans(segments)) {
    writeSelection(context, answer, span);
    counts.selections++;
    counts.codings += span.length;
  }
  for (const memo of memos) xml.empty("NoteRef", { targetGUID: guid("source-note", memo.id) });
  xml.close("TextSource");
  counts.sources++;
}

/** Runs of segments with the same start and end (they come sorted by span). */
function sameSpans(segments: readonly read.ExportSegment[]): read.ExportSegment[][] {
  const spans: read.ExportSegment[][] = [];
  let current: read.ExportSegment[] = [];
  for (const segment of segments) {
    const first = current[0];
    if (first && (first.start !== segment.start || first.end !== segment.end)) {
      spans.push(current);
      current = [];
    }
    current.push(segment);
  }
  if (current.length > 0) spans.push(current);
  return spans;
}

function writeSelection(
  context: RefiWriteContext,
  answer: read.ExportSourceAnswer,
  span: readonly read.ExportSegment[],
): void {
  const { xml, guid } = context;
  const first = span[0];
  if (!first) return;
  const text = answer.text;
  const end = Math.min(first.end, text.length);
  const start = Math.min(first.start, end);
  xml.open("PlainTextSelection", {
    guid: guid("selection", `${answer.id}:${first.start}:${first.end}`),
    name: selectionName(text, start, end),
    startPosition: positionOfOffset(text, start, context.positions),
    endPosition: positionOfOffset(text, end, context.positions),
    creatingUser: guid("user", first.coderId),
    creationDateTime: earliest(span.map((s) => s.createdAt)),
  });
  for (const segment of span) {
    xml.open("Coding", {
      guid: guid("coding", segment.id),
      creatingUser: guid("user", segment.coderId),
      creationDateTime: xsdDateTime(segment.createdAt),
    });
    xml.empty("CodeRef", { targetGUID: guid("code", segment.codeId) });
    if (!read.isBlankMemo(segment.memo)) {
      xml.empty("NoteRef", { targetGUID: guid("coding-note", segment.id) });
    }
    xml.close("Coding");
  }
  xml.close("PlainTextSelection");
}

const NAME_LENGTH = 50;

/**
 * The passage on one line, cut at 50 characters (whole code points). Only the passage's
 * beginning is read: a long passage never becomes a long string here.
 */
export function selectionName(text: string, start: number, end: number): string | null {
  const window = text.slice(start, Math.min(end, start + NAME_LENGTH * 4));
  const chars = Array.from(
    window
      .replace(/[\ud800-\udbff]$/, "")
      .replace(/\s+/g, " ")
      .trim(),
  );
  if (chars.length === 0) return null;
  const cut = chars.length > NAME_LENGTH || window.length < end - start;
  return cut ? `${chars.slice(0, NAME_LENGTH).join("")}…` : chars.join("");
}

function earliest(dates: readonly string[]): string | null {
  let best: string | null = null;
  let bestTime = Infinity;
  for (const date of dates) {
    const valid = xsdDateTime(date);
    const time = valid === null ? NaN : Date.parse(valid);
    if (valid !== null && !Number.isNaN(time) && time < bestTime) {
      best = valid;
      bestTime = time;
    }
  }
  return best;
}
