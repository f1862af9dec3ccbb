/**
 * One walk over every text of a project that can name someone, shared by the preview
 * (which only counts, on the open project) and the copy (which writes, on the copy), so
 * both give the same figures. What is rewritten, and why (decision 0019):
 *
 * - answers, with every coded passage re-anchored (pseudonymise-segments.ts);
 * - notes of every kind: segment memos and the memos table (codes, answers, respondents);
 * - respondents' ids and attribute values (a population size given for a value follows
 *   it), questions' labels, texts and sections, codes' names and descriptions, when to
 *   use them, examples, attribute names, review comments, the project's name, and the
 *   code paths and question labels inside reviews' stored reports;
 * - not coders' names: they are the research team, not the people surveyed.
 *
 * Names that must stay unique get " (2)", " (3)"... when two become the same.
 */
import type { PseudonymisePreview } from "../../../shared/api/safety-api.ts";
import { excerptPair, type ExcerptPair } from "../../../shared/text/pseudonymise-excerpt.ts";
import type { Pseudonymiser } from "../../../shared/text/pseudonymise.ts";
import { getMeta, setMeta } from "../db/meta.ts";
import {
  ANSWER_TEXT,
  FREE_TEXT_COLUMNS,
  SEGMENT_MEMO,
  UNIQUE_NAME_COLUMNS,
  attributeValues,
  hasTable,
  nameTaken,
  renameAttributeValue,
  reviewReports,
  setReviewReport,
  setText,
  textRows,
} from "../db/pseudonymise-columns.ts";
import type { Db } from "../db/project-file.ts";
import { reanchorSegments } from "./pseudonymise-segments.ts";

export interface ProjectFigures {
  answersChanged: number;
  segmentsReanchored: number;
  memosChanged: number;
  attributeValuesChanged: number;
  respondentIdsChanged: number;
  readonly examples: ExcerptPair[];
}

export interface WalkOptions {
  /** Write the new texts (on a copy!) or only count them. */
  readonly write: boolean;
  /** How many before/after passages to keep. */
  readonly examples: number;
}

export function pseudonymiseProject(
  db: Db,
  pseudonymiser: Pseudonymiser,
  options: WalkOptions,
): ProjectFigures {
  const figures: ProjectFigures = {
    answersChanged: 0,
    segmentsReanchored: 0,
    memosChanged: 0,
    attributeValuesChanged: 0,
    respondentIdsChanged: 0,
    examples: [],
  };
  if (pseudonymiser.isEmpty) return figures;
  // Segment memos first: passages merged by the answers' walk keep notes already replaced.
  walkSegmentMemos(db, pseudonymiser, options, figures);
  walkAnswers(db, pseudonymiser, options, figures);
  walkFreeText(db, pseudonymiser, options, figures);
  walkUniqueNames(db, pseudonymiser, options, figures);
  walkAttributeValues(db, pseudonymiser, options, figures);
  walkProjectName(db, pseudonymiser, options);
  if (options.write) walkReviewReports(db, pseudonymiser);
  return figures;
}

function walkAnswers(db: Db, p: Pseudonymiser, options: WalkOptions, figures: ProjectFigures) {
  for (const answer of textRows(db, ANSWER_TEXT)) {
    const result = p.apply(answer.value);
    if (result.edits.length === 0) continue;
    figures.answersChanged++;
    if (figures.examples.length < options.examples) {
      const pair = excerptPair(answer.value, result);
      if (pair) figures.examples.push(pair);
    }
    if (!options.write) continue;
    setText(db, ANSWER_TEXT, answer.id, result.text);
    figures.segmentsReanchored += reanchorSegments(db, answer.id, result.edits);
  }
}

function walkSegmentMemos(db: Db, p: Pseudonymiser, options: WalkOptions, figures: ProjectFigures) {
  for (const segment of textRows(db, SEGMENT_MEMO)) {
    const result = p.apply(segment.value);
    if (result.edits.length === 0) continue;
    figures.memosChanged++;
    if (options.write) setText(db, SEGMENT_MEMO, segment.id, result.text);
  }
}

function walkFreeText(db: Db, p: Pseudonymiser, options: WalkOptions, figures: ProjectFigures) {
  for (const column of FREE_TEXT_COLUMNS) {
    if (!hasTable(db, column.table)) continue;
    for (const row of textRows(db, column)) {
      const result = p.apply(row.value);
      if (result.edits.length === 0) continue;
      if (column.table === "memos") figures.memosChanged++;
      if (options.write) setText(db, column, row.id, result.text);
    }
  }
}

function walkUniqueNames(db: Db, p: Pseudonymiser, options: WalkOptions, figures: ProjectFigures) {
  for (const column of UNIQUE_NAME_COLUMNS) {
    for (const row of textRows(db, column)) {
      const result = p.apply(row.value);
      if (result.edits.length === 0) continue;
      if (column.table === "respondents") figures.respondentIdsChanged++;
      if (!options.write) continue;
      let name = result.text.trim() === "" ? "[removed]" : result.text;
      if (column.table === "codes") name = name.replaceAll(">", "›");
      let candidate = name;
      for (let n = 2; nameTaken(db, column, row.id, candidate); n++) candidate = `${name} (${n})`;
      setText(db, column, row.id, candidate);
    }
  }
}

function walkAttributeValues(
  db: Db,
  p: Pseudonymiser,
  options: WalkOptions,
  figures: ProjectFigures,
) {
  for (const { attributeId, value, rows } of attributeValues(db)) {
    // A value is replaced once and counted for every respondent that has it.
    const result = p.apply(value, rows);
    if (result.edits.length === 0) continue;
    figures.attributeValuesChanged += rows;
    if (options.write) renameAttributeValue(db, attributeId, value, result.text);
  }
}

/**
 * The project's name, pseudonymised too; the copy's name also says what it is, so that
 * a window showing it cannot be taken for the original.
 */
function walkProjectName(db: Db, p: Pseudonymiser, options: WalkOptions) {
  const name = getMeta(db, "name");
  if (name === null) return;
  const result = p.apply(name);
  if (!options.write) return;
  const marked = result.text.endsWith(COPY_MARK) ? result.text : `${result.text}${COPY_MARK}`;
  setMeta(db, "name", marked);
}

const COPY_MARK = " (pseudonymised)";

/**
 * A review keeps the agreement report from before its decisions, with code paths and
 * question labels as they were: replaced there too, without counting them again.
 */
function walkReviewReports(db: Db, p: Pseudonymiser) {
  for (const { id, report } of reviewReports(db)) {
    const replaced = JSON.stringify(replaceStrings(JSON.parse(report) as unknown, p));
    if (replaced !== report) setReviewReport(db, id, replaced);
  }
}

function replaceStrings(value: unknown, p: Pseudonymiser, key = ""): unknown {
  if (typeof value === "string") return key === "computedAt" ? value : p.apply(value, 0).text;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, p, key));
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    // Coders are the team: their names stay, as in the coders table.
    out[name] = name === "coders" ? item : replaceStrings(item, p, name);
  }
  return out;
}

/** The preview's figures (answers only are named in it; every text is counted). */
export function previewFigures(p: Pseudonymiser, figures: ProjectFigures): PseudonymisePreview {
  return {
    replacements: p.replacements,
    byTerm: p.byTerm(),
    answersChanged: figures.answersChanged,
    examples: figures.examples,
  };
}
