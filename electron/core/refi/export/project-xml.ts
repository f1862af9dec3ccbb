/**
 * The parts of project.qde around the sources: users (coders), variables (attributes),
 * cases (respondents, written in pages) and sets (one per question). Each part is left
 * out when it would be empty: the schema wants at least one child in each.
 */
import type { ExportProgress, RefiPositions } from "../../../../shared/api/export-api.ts";
import { questionDescriptionText } from "../../../../shared/refi/code-description.ts";
import * as read from "../../db/refi-export-read.ts";
import type { Db } from "../../db/project-file.ts";
import { exportCancelled } from "../../export/partial-file.ts";
import type { GuidOf } from "./guids.ts";
import type { XmlWriter } from "./xml-writer.ts";

/** Rows per page read and written between checks for a cancel. */
export const PAGE = 2000;

export interface RefiWriteContext {
  readonly db: Db;
  readonly xml: XmlWriter;
  readonly guid: GuidOf;
  readonly positions: RefiPositions;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: ExportProgress) => void;
}

export function checkCancel(signal: AbortSignal): void {
  if (signal.aborted) throw exportCancelled();
}

/** Groups rows by a key, keeping their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export function writeUsers(
  xml: XmlWriter,
  coders: readonly read.ExportCoder[],
  guid: GuidOf,
): void {
  if (coders.length === 0) return;
  xml.open("Users");
  for (const coder of coders) xml.empty("User", { guid: guid("user", coder.id), name: coder.name });
  xml.close("Users");
}

export function writeVariables(
  xml: XmlWriter,
  attributes: readonly { id: number; name: string }[],
  guid: GuidOf,
): void {
  if (attributes.length === 0) return;
  xml.open("Variables");
  for (const attribute of attributes) {
    xml.empty("Variable", {
      guid: guid("variable", attribute.id),
      name: attribute.name,
      typeOfVariable: "Text",
    });
  }
  xml.close("Variables");
}

/**
 * One case per respondent, named by the survey's id: its attribute values, a reference to
 * each of its answers' sources, and its memos as the description ("Aoife: ..." paragraphs).
 */
export async function writeCases(context: RefiWriteContext): Promise<number> {
  const { db, xml, guid } = context;
  const total = read.respondentCount(db);
  if (total === 0) return 0;
  xml.open("Cases");
  let done = 0;
  for (let after = 0; ;) {
    checkCancel(context.signal);
    const page = read.respondentPage(db, after, PAGE);
    const last = page.at(-1);
    if (!last) break;
    const from = page[0]?.position ?? last.position;
    const values = groupBy(
      read.attributeValuesBetween(db, from, last.position),
      (v) => v.respondentId,
    );
    const sources = groupBy(
      read.sourceIdsOfRespondentsBetween(db, from, last.position),
      (s) => s.respondentId,
    );
    const memos = groupBy(read.respondentMemosBetween(db, from, last.position), (m) => m.targetId);
    for (const respondent of page) {
      xml.open("Case", { guid: guid("case", respondent.id), name: respondent.externalId });
      const notes = memos.get(respondent.id) ?? [];
      if (notes.length > 0) {
        const paragraphs = notes.map((m) => (m.coderName ? `${m.coderName}: ${m.text}` : m.text));
        xml.element("Description", paragraphs.join("\n\n"));
      }
      for (const value of values.get(respondent.id) ?? []) {
        xml.open("VariableValue");
        xml.empty("VariableRef", { targetGUID: guid("variable", value.attributeId) });
        xml.element("TextValue", value.value);
        xml.close("VariableValue");
      }
      for (const source of sources.get(respondent.id) ?? []) {
        xml.empty("SourceRef", { targetGUID: guid("source", source.answerId) });
      }
      xml.close("Case");
    }
    done += page.length;
    after = last.position;
    await xml.maybeFlush();
    context.onProgress({ phase: "cases", done, total });
  }
  xml.close("Cases");
  return done;
}

/** One set per question (name = label, description = its text), its answers' sources as members. */
export async function writeSets(
  context: RefiWriteContext,
  questions: readonly read.ExportQuestion[],
): Promise<void> {
  const { db, xml, guid } = context;
  if (questions.length === 0) return;
  xml.open("Sets");
  for (const question of questions) {
    xml.open("Set", { guid: guid("set", question.id), name: question.label });
    // The section has no place in REFI: a labelled paragraph after the text keeps it.
    const description = questionDescriptionText(question.text, question.section);
    if (description !== "") xml.element("Description", description);
    for (let after = 0; ;) {
      checkCancel(context.signal);
      const ids = read.questionSourceIds(db, question.id, after, PAGE * 5);
      for (const id of ids) xml.empty("MemberSource", { targetGUID: guid("source", id) });
      const last = ids.at(-1);
      if (last === undefined) break;
      after = last;
      await xml.maybeFlush();
    }
    xml.close("Set");
  }
  xml.close("Sets");
}
