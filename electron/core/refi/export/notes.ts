/**
 * Memos as REFI-QDA notes: a code's memos (referenced from the code), a segment's memo
 * (from its coding) and a coder's memo on an answer (from the answer's source). Each note
 * names its author; the GUIDs match the references the other parts wrote.
 */
import * as read from "../../db/refi-export-read.ts";
import { checkCancel, PAGE, type RefiWriteContext } from "./project-xml.ts";
import { sourceName } from "./sources.ts";
import { xsdDateTime } from "./xml-writer.ts";

interface NoteFields {
  readonly guid: string;
  readonly name: string;
  readonly coderId: number | null;
  readonly text: string;
  readonly createdAt: string;
}

function writeNote(context: RefiWriteContext, note: NoteFields): void {
  const { xml, guid } = context;
  xml.open("Note", {
    guid: note.guid,
    name: note.name,
    creatingUser: note.coderId === null ? null : guid("user", note.coderId),
    creationDateTime: xsdDateTime(note.createdAt),
  });
  xml.element("PlainTextContent", note.text);
  xml.close("Note");
}

/** Writes `<Notes>` (left out when there is none); answers the number written. */
export async function writeNotes(
  context: RefiWriteContext,
  codeMemos: readonly read.ExportMemo[],
  codeNames: ReadonlyMap<number, string>,
): Promise<number> {
  const { db, xml, guid } = context;
  const others = read.noteCounts(db);
  const total = codeMemos.length + others.segments + others.answers;
  if (total === 0) return 0;
  xml.open("Notes");
  for (const memo of codeMemos) {
    writeNote(context, {
      guid: guid("code-note", memo.id),
      name: `Memo on ${codeNames.get(memo.targetId) ?? "a code"}`,
      coderId: memo.coderId,
      text: memo.text,
      createdAt: memo.createdAt,
    });
  }
  for (let after = 0; ;) {
    checkCancel(context.signal);
    const page = read.segmentMemoPage(db, after, PAGE);
    for (const memo of page) {
      writeNote(context, {
        guid: guid("coding-note", memo.id),
        name: `Memo on ${sourceName(memo.externalId, memo.questionLabel)} · ${memo.codeName}`,
        coderId: memo.coderId,
        text: memo.memo,
        createdAt: memo.createdAt,
      });
    }
    const last = page.at(-1);
    if (!last) break;
    after = last.id;
    await xml.maybeFlush();
  }
  for (let after = 0; ;) {
    checkCancel(context.signal);
    const page = read.answerMemoPage(db, after, PAGE);
    for (const memo of page) {
      writeNote(context, {
        guid: guid("source-note", memo.id),
        name: `Memo on ${sourceName(memo.externalId, memo.questionLabel)}`,
        coderId: memo.coderId,
        text: memo.text,
        createdAt: memo.createdAt,
      });
    }
    const last = page.at(-1);
    if (!last) break;
    after = last.id;
    await xml.maybeFlush();
  }
  xml.close("Notes");
  return total;
}
