/**
 * The questionnaires of all files as one table: a row per file, a column per field and
 * per question, with warnings for questions some files do not answer.
 */
import type { SourceRow, TableSource } from "../table.ts";
import { badInput } from "./bad-input.ts";
import { uniqueNames } from "./column-names.ts";
import { withoutExtension } from "./files.ts";
import type { Question, Questionnaire } from "./questionnaire.ts";

const BATCH_FILES = 50;

export function tableOf(questionnaires: readonly Questionnaire[], name: string): TableSource {
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
    // Messages name the form ("R7.docx"), not its place in the folder.
    file: questionnaire.fileName,
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

export function requireField(questionnaires: readonly Questionnaire[], label: string): void {
  const key = label.replace(/\s+/g, " ").trim().toLowerCase();
  const lacking = questionnaires.find((questionnaire) => !questionnaire.fields.has(key));
  if (lacking) {
    throw badInput(`${lacking.fileName} has no "${label}: …" line above its first question`);
  }
}
