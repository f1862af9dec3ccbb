/**
 * One file's questionnaire, found in its paragraphs: the "Label: value" fields above the
 * first question, the questions, and the answer under each.
 */
import { shorten } from "./column-names.ts";
import type { Paragraph } from "./read-docx.ts";

/** A number typed at the start of a paragraph ("3.", "Q3", "Question 3:") and the rest. */
interface TypedNumber {
  readonly n: number;
  readonly rest: string;
}

type QuestionMark = { readonly number: number | null; readonly text: string };
/** Per paragraph: a question, a section title (ends an answer) or neither. */
type Mark = QuestionMark | "section" | null;

export interface Question {
  readonly key: string;
  readonly name: string;
  readonly text: string;
}

export interface Field {
  readonly label: string;
  readonly value: string;
}

export interface Questionnaire {
  readonly fileName: string;
  /** By lower-cased label. */
  readonly fields: ReadonlyMap<string, Field>;
  readonly questions: readonly Question[];
  /** By question key. */
  readonly answers: ReadonlyMap<string, string>;
  readonly warnings: readonly string[];
}

export function readQuestionnaire(
  fileName: string,
  paragraphs: readonly Paragraph[],
): Questionnaire {
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
