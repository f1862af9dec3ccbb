/**
 * A folder of filled-in Word questionnaires, one file per respondent, read as a table: a
 * row per file with the "Label: value" fields above the first question and one cell per
 * question. Questions are headings, or paragraphs numbered by Word or by their text ("3.",
 * "Q3", "Question 3:"); numbered ones match across files by number, headings by text.
 *
 * mammoth reads each file once into its document model (paragraphs with style names and
 * numbering); only the fields and answers are kept, so 200 files fit in memory easily.
 */
import { readdirSync, statSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename, extname, join, resolve } from "node:path";
import mammoth from "mammoth";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { SourceRow, TableSource } from "./table.ts";

export interface DocxOptions {
  /** A field label ("Respondent ID") every file must fill in, matched case-insensitively. */
  readonly idField?: string;
}

const BATCH_FILES = 50;
const MAX_COLUMN_NAME = 80;

/** A body paragraph in reading order; table cells give paragraphs of their own. */
interface Paragraph {
  readonly text: string;
  readonly kind: "heading" | "title" | "body";
  /**
   * mammoth's numbering level of an ordered Word list, or null. mammoth hands out one
   * object per list definition and level, so the same object means the same list.
   */
  readonly list: object | null;
  readonly inTable: boolean;
}

/** A number typed at the start of a paragraph ("3.", "Q3", "Question 3:") and the rest. */
interface TypedNumber {
  readonly n: number;
  readonly rest: string;
}

type QuestionMark = { readonly number: number | null; readonly text: string };
/** Per paragraph: a question, a section title (ends an answer) or neither. */
type Mark = QuestionMark | "section" | null;

interface Question {
  readonly key: string;
  readonly name: string;
  readonly text: string;
}

interface Field {
  readonly label: string;
  readonly value: string;
}

interface Questionnaire {
  readonly fileName: string;
  /** By lower-cased label. */
  readonly fields: ReadonlyMap<string, Field>;
  readonly questions: readonly Question[];
  /** By question key. */
  readonly answers: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

/** Folders become their .docx files (not recursively, no lock or hidden files). */
export function expandDocxPaths(paths: readonly string[]): string[] {
  return paths.flatMap((path) => (isFolder(path) ? docxFilesIn(path) : [path]));
}

export async function openDocxFolder(
  paths: readonly string[],
  options: DocxOptions,
): Promise<TableSource> {
  const files = [...new Map(paths.map((path) => [resolve(path), path])).values()].sort(byName);
  if (files.length === 0) throw badInput("no Word files to import were given");
  const questionnaires: Questionnaire[] = [];
  for (const path of files) {
    questionnaires.push(readQuestionnaire(basename(path), await readParagraphs(path)));
  }
  if (options.idField !== undefined) requireField(questionnaires, options.idField);
  const name = files.length === 1 ? basename(files[0] ?? "") : `${files.length} Word files`;
  return tableOf(questionnaires, name);
}

function tableOf(questionnaires: readonly Questionnaire[], name: string): TableSource {
  const fields = new Map<string, string>();
  for (const { fields: own } of questionnaires) {
    for (const [key, field] of own) if (!fields.has(key)) fields.set(key, field.label);
  }
  const questions = questionOrder(questionnaires);
  const columns = uniqueNames(["File", ...fields.values(), ...questions.map((q) => q.name)]);
  const questionTexts = new Map<string, string>();
  questions.forEach((question, index) => {
    const column = columns[1 + fields.size + index];
    if (column !== undefined && question.text !== "") questionTexts.set(column, question.text);
  });
  const rowOf = (questionnaire: Questionnaire, index: number): SourceRow => ({
    line: index + 1,
    cells: [
      withoutExtension(questionnaire.fileName),
      ...[...fields.keys()].map((key) => questionnaire.fields.get(key)?.value ?? ""),
      ...questions.map((question) => questionnaire.answers.get(question.key) ?? ""),
    ],
  });
  let done = 0;
  return {
    name,
    unit: "file",
    columns,
    questionTexts,
    warnings: [
      ...questionnaires.flatMap((questionnaire) => questionnaire.warnings),
      ...missingQuestionWarnings(questionnaires, questions),
    ],
    async *batches() {
      for (let start = 0; start < questionnaires.length; start += BATCH_FILES) {
        const slice = questionnaires.slice(start, start + BATCH_FILES);
        done = start + slice.length;
        yield slice.map((questionnaire, i) => rowOf(questionnaire, start + i));
      }
    },
    progress: () => ({ done, total: questionnaires.length }),
    close: async () => {},
  };
}

// ---- Reading one file with mammoth -----------------------------------------------------

/** The parts of mammoth's document model that are read here. */
interface MammothElement {
  readonly type: string;
  readonly children?: readonly MammothElement[];
  readonly value?: string;
  readonly styleName?: string | null;
  readonly styleId?: string | null;
  readonly numbering?: { readonly isOrdered?: boolean } | null;
  readonly breakType?: string;
  readonly checked?: boolean;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

async function readParagraphs(path: string): Promise<Paragraph[]> {
  const name = basename(path);
  const bytes = await readBytes(path, name);
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw badInput(`${name} is an old Word .doc file: save it as .docx in Word first`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    throw badInput(
      name.startsWith("~$")
        ? `${name} is a lock file Word keeps while a document is open, not a questionnaire`
        : `${name} is not a Word .docx file`,
    );
  }
  let body: MammothElement | undefined;
  try {
    // Only the document model is needed: mammoth gets an empty body to turn into HTML.
    await mammoth.convertToHtml(
      { buffer: bytes },
      {
        transformDocument: (document: MammothElement) => {
          body = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch {
    body = undefined;
  }
  if (body === undefined) throw badInput(`${name} is damaged or is not a Word .docx file`);
  const paragraphs: Paragraph[] = [];
  collectParagraphs(body, false, paragraphs);
  return paragraphs;
}

async function readBytes(path: string, name: string): Promise<Buffer> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === "ENOENT";
    throw badInput(missing ? `${name} does not exist` : `${name} could not be read`);
  }
  if (isDirectory) throw badInput(`${name} is a folder, not a Word file`);
  try {
    return await readFile(path);
  } catch {
    throw badInput(`${name} could not be read`);
  }
}

function collectParagraphs(element: MammothElement, inTable: boolean, out: Paragraph[]): void {
  for (const child of element.children ?? []) {
    if (child.type === "paragraph") out.push(paragraphOf(child, inTable));
    else if (child.type === "tableRow") collectRow(child, out);
    else collectParagraphs(child, inTable || child.type === "table", out);
  }
}

/** A two-cell row "Label:" | "value" reads as one "Label: value" line, as forms mean it. */
function collectRow(row: MammothElement, out: Paragraph[]): void {
  const cells = (row.children ?? []).map((cell) => {
    const paragraphs: Paragraph[] = [];
    collectParagraphs(cell, true, paragraphs);
    return paragraphs;
  });
  const [label, value] = cells.map((cell) => cell.map((p) => p.text).join("\n"));
  if (cells.length === 2 && label?.endsWith(":") && !label.includes("\n")) {
    out.push({ text: `${label} ${value ?? ""}`.trim(), kind: "body", list: null, inTable: true });
  } else {
    out.push(...cells.flat());
  }
}

function paragraphOf(element: MammothElement, inTable: boolean): Paragraph {
  const style = element.styleName ?? element.styleId ?? "";
  const heading = /^heading ?[1-6]$/i.test(style);
  const kind = heading ? "heading" : /^title$/i.test(style) ? "title" : "body";
  const list = element.numbering?.isOrdered ? element.numbering : null;
  return { text: textOf(element).trim(), kind, list, inTable };
}

function textOf(element: MammothElement): string {
  switch (element.type) {
    case "text":
      return element.value ?? "";
    case "tab":
      return "\t";
    case "break":
      return element.breakType === "line" ? "\n" : "";
    case "checkbox":
      return element.checked ? "☒" : "☐";
    default:
      return (element.children ?? []).map(textOf).join("");
  }
}

// ---- One questionnaire: fields, questions, answers -------------------------------------

function readQuestionnaire(fileName: string, paragraphs: readonly Paragraph[]): Questionnaire {
  const marks = questionMarks(paragraphs);
  const firstQuestion = marks.findIndex((mark) => mark !== null && mark !== "section");
  const intro = firstQuestion === -1 ? paragraphs : paragraphs.slice(0, firstQuestion);
  const fields = new Map<string, Field>();
  for (const field of intro.flatMap((p) => (p.kind === "body" ? fieldsIn(p.text) : []))) {
    if (!fields.has(field.label.toLowerCase())) fields.set(field.label.toLowerCase(), field);
  }
  const questions: Question[] = [];
  const answers = new Map<string, string[]>();
  const warnings: string[] = [];
  let answer: string[] | null = null;
  paragraphs.forEach((paragraph, index) => {
    const mark = marks[index] ?? null;
    if (mark === "section") {
      answer = null;
    } else if (mark !== null) {
      const question = questionOf(mark);
      answer = answers.get(question.key) ?? null;
      if (answer) warnings.push(`${fileName}: ${describe(mark)} appears twice; answers are joined`);
      else questions.push(question);
      answer ??= [];
      answers.set(question.key, answer);
    } else if (answer !== null && paragraph.kind !== "title") {
      answer.push(paragraph.text);
    }
  });
  if (questions.length === 0)
    warnings.push(`${fileName}: no questions found; is it a questionnaire?`);
  const texts = new Map([...answers].map(([key, lines]) => [key, answerText(lines)]));
  return { fileName, fields, questions, answers: texts, warnings };
}

/**
 * Which paragraphs are questions. A file's questions are numbered when a numbered
 * paragraph comes before any heading, or most headings lead straight into one; its
 * unnumbered headings are then section titles. Otherwise the headings are the questions
 * (numbered by their text if it starts with a number) and other paragraphs are answers.
 */
function questionMarks(paragraphs: readonly Paragraph[]): Mark[] {
  const typed = paragraphs.map((p) => (p.inTable ? null : typedNumber(p.text)));
  const firstTyped = typed.findIndex((number) => number !== null);
  const listStart = paragraphs.findIndex((p) => p.list !== null && !p.inTable && p.text !== "");
  // The form's own Word list starts before any typed number; later lists are answers'.
  const questionList =
    listStart !== -1 && (firstTyped === -1 || listStart < firstTyped)
      ? (paragraphs[listStart]?.list ?? null)
      : null;
  const isNumbered = (i: number) =>
    typed[i] != null || (questionList !== null && paragraphs[i]?.list === questionList);
  const headings = paragraphs.flatMap((p, i) => (isHeading(p) ? [i] : []));
  const firstNumbered = paragraphs.findIndex((_, i) => isNumbered(i));
  // A section title leads straight into a numbered question; a question heading into its
  // answer, which only now and then opens with a numbered list of the respondent's own.
  const leadIns = headings
    .map((i) => paragraphs.findIndex((p, j) => j > i && p.text !== ""))
    .filter((j) => j !== -1 && !isHeading(paragraphs[j]));
  const numberedLeadIns = leadIns.filter(isNumbered).length;
  const numbered =
    firstNumbered !== -1 &&
    ((headings[0] ?? Infinity) > firstNumbered || numberedLeadIns * 2 > leadIns.length);
  if (!numbered) {
    return paragraphs.map((p, i) => {
      if (!isHeading(p)) return null;
      const number = typed[i];
      return number ? { number: number.n, text: number.rest } : { number: null, text: p.text };
    });
  }
  return numberedMarks(paragraphs, typed, questionList).map((mark, i) =>
    mark === null && isHeading(paragraphs[i]) ? "section" : mark,
  );
}

function isHeading(paragraph: Paragraph | undefined): boolean {
  return paragraph?.kind === "heading" && !paragraph.inTable && paragraph.text !== "";
}

/**
 * Numbered questions go up. A typed number at or below the last question's is answer
 * text (a respondent's own "1. … 2. …" list), and so is one that continues such a list
 * when the same number comes again later (the form's own question). One exception: a
 * number repeated right after its question (n >= 2, so not a list) is the form numbering
 * two questions alike, and both are read as that question.
 */
function numberedMarks(
  paragraphs: readonly Paragraph[],
  typed: readonly (TypedNumber | null)[],
  questionList: object | null,
): Mark[] {
  const marks: Mark[] = paragraphs.map(() => null);
  let last = 0;
  let listItems = 0;
  let previous: { n: number; accepted: boolean } | null = null;
  paragraphs.forEach((paragraph, i) => {
    if (questionList !== null && paragraph.list === questionList && paragraph.text !== "") {
      last = ++listItems;
      marks[i] = { number: last, text: paragraph.text };
      previous = { n: last, accepted: true };
      return;
    }
    const number = typed[i];
    if (!number) return;
    const n = number.n;
    const continuesList = previous !== null && !previous.accepted && previous.n + 1 === n;
    const accepted =
      n > last
        ? !(continuesList && typed.slice(i + 1).some((later) => later?.n === n))
        : n === last && n >= 2 && previous?.accepted === true && previous.n === n;
    if (accepted) {
      last = n;
      marks[i] = { number: n, text: number.rest };
    }
    previous = { n, accepted };
  });
  return marks;
}

const TYPED_NUMBER =
  /^(?:(?:q|question)\s*(\d{1,3})(?:\s*[.):–-]|(?=\s)|$)|(\d{1,3})[.)](?=\s|$))/iu;

function typedNumber(text: string): TypedNumber | null {
  const match = TYPED_NUMBER.exec(text);
  const digits = match?.[1] ?? match?.[2];
  if (!match || digits === undefined) return null;
  return { n: Number(digits), rest: text.slice(match[0].length).trim() };
}

function questionOf(mark: QuestionMark): Question {
  if (mark.number !== null) {
    return { key: `#${mark.number}`, name: `Q${mark.number}`, text: mark.text };
  }
  return { key: `h:${normalisedHeading(mark.text)}`, name: shorten(mark.text), text: mark.text };
}

function describe(mark: QuestionMark): string {
  return mark.number !== null ? `question ${mark.number}` : `the question "${shorten(mark.text)}"`;
}

/** "What do you do ?" and "what do you do" are one question; so are ’ and '. */
function normalisedHeading(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, " ")
    .replace(/[\s:?]+$/, "")
    .trim()
    .toLowerCase();
}

function answerText(lines: readonly string[]): string {
  return lines
    .join("\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
}

/**
 * "Label: value" lines with a value. A label is a few words (intro sentences such as
 * "Please answer all questions:" have no value, so they are not fields).
 */
function fieldsIn(text: string): Field[] {
  return text.split("\n").flatMap((line) => {
    const match = /^([^:]{1,50}):(.*)$/.exec(line.trim());
    const label = match?.[1]?.replace(/\s+/g, " ").trim() ?? "";
    const value = match?.[2]?.trim() ?? "";
    const isLabel = /\p{L}/u.test(label) && label.split(" ").length <= 6;
    return isLabel && value !== "" && !value.startsWith("//") ? [{ label, value }] : [];
  });
}

// ---- Across files ----------------------------------------------------------------------

/** Questionnaire order: a question new in a later file goes after its predecessor there. */
function questionOrder(questionnaires: readonly Questionnaire[]): Question[] {
  const order: Question[] = [];
  for (const { questions } of questionnaires) {
    let after = -1;
    for (const question of questions) {
      const at = order.findIndex((known) => known.key === question.key);
      if (at === -1) order.splice(++after, 0, question);
      else after = at;
    }
  }
  return order;
}

/** One line, unique regardless of case, at most MAX_COLUMN_NAME characters with a suffix. */
function uniqueNames(bases: readonly string[]): string[] {
  const seen = new Set<string>();
  return bases.map((base) => {
    let name = shorten(base);
    for (let n = 2; seen.has(name.toLowerCase()); n++) {
      name = `${shorten(base, MAX_COLUMN_NAME - ` (${n})`.length)} (${n})`;
    }
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Lengths in code points, so that an emoji is never cut in half. */
function shorten(text: string, max = MAX_COLUMN_NAME): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length <= max
    ? chars.join("")
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

function missingQuestionWarnings(
  questionnaires: readonly Questionnaire[],
  questions: readonly Question[],
): string[] {
  const withQuestions = questionnaires.filter((questionnaire) => questionnaire.questions.length);
  return questions.flatMap((question) => {
    const lacking = withQuestions
      .filter((questionnaire) => !questionnaire.answers.has(question.key))
      .map((questionnaire) => questionnaire.fileName);
    const what = question.key.startsWith("#") ? question.name : `"${question.name}"`;
    if (lacking.length <= 3)
      return lacking.map((file) => `${file} has no answer section for ${what}`);
    const some = lacking.slice(0, 3).join(", ");
    return [`${lacking.length} files have no answer section for ${what} (${some}, …)`];
  });
}

function requireField(questionnaires: readonly Questionnaire[], label: string): void {
  const key = label.replace(/\s+/g, " ").trim().toLowerCase();
  const lacking = questionnaires.find((questionnaire) => !questionnaire.fields.has(key));
  if (lacking) {
    throw badInput(`${lacking.fileName} has no "${label}: …" line above its first question`);
  }
}

// ---- Files and folders -----------------------------------------------------------------

const naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** R2 before R10; the full path breaks ties so that the order never depends on input. */
function byName(a: string, b: string): number {
  return naturalOrder.compare(basename(a), basename(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

function withoutExtension(fileName: string): string {
  return fileName.slice(0, fileName.length - extname(fileName).length);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function docxFilesIn(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw badInput(`the folder ${basename(folder)} could not be read`);
  }
  const files = names
    .filter((name) => /\.docx$/i.test(name) && !name.startsWith("~$") && !name.startsWith("."))
    .map((name) => join(folder, name))
    .filter((path) => !isFolder(path))
    .sort(byName);
  if (files.length === 0) {
    const hasOldWord = names.some((name) => /\.doc$/i.test(name));
    throw badInput(
      `the folder ${basename(folder)} has no Word .docx files` +
        (hasOldWord ? ": save its .doc files as .docx in Word first" : ""),
    );
  }
  return files;
}

function badInput(message: string): CairnError {
  return new CairnError("bad_input", message);
}
