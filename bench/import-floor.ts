/**
 * The raw floor an import is measured against: papaparse over the file and prepared
 * INSERTs of the same rows into a project with the same schema and indexes, in one
 * transaction, with nothing else (no guessing, no merging, no validation). Run as a
 * child process by bench/import.ts so its memory is measured on its own.
 *
 *   node --import tsx bench/import-floor.ts SURVEY.csv PROJECT.cairn
 */
import { createReadStream } from "node:fs";
import Papa from "papaparse";
import { bundledMigrations } from "../electron/core/db/migrations.ts";
import { closeProjectFile, createProjectFile } from "../electron/core/db/project-file.ts";

const [csvPath, projectPath] = process.argv.slice(2) as [string, string];
const { db } = createProjectFile(projectPath, { migrations: bundledMigrations() });
const insertQuestion = db.prepare(
  "INSERT INTO questions (position, label, text, section) VALUES (?, ?, ?, '')",
);
const insertAttribute = db.prepare("INSERT INTO attributes (name, position) VALUES (?, ?)");
const insertRespondent = db.prepare(
  "INSERT INTO respondents (external_id, position) VALUES (?, ?)",
);
const insertValue = db.prepare(
  "INSERT INTO respondent_attributes (respondent_id, attribute_id, value) VALUES (?, ?, ?)",
);
const insertAnswer = db.prepare(
  "INSERT INTO answers (respondent_id, question_id, text, status) VALUES (?, ?, ?, 'answered')",
);

db.exec("BEGIN");
let header: string[] | null = null;
let position = 0;
const questionIds: number[] = [];
const attributeIds: number[] = [];
await new Promise<void>((resolve, reject) => {
  Papa.parse<string[]>(createReadStream(csvPath, "utf8") as unknown as File, {
    chunk: (results) => {
      for (const row of results.data) {
        if (!header) {
          header = row;
          // Columns: id, two attributes, then the questions.
          row.slice(1, 3).forEach((name, i) => {
            attributeIds.push(Number(insertAttribute.run(name, i + 1).lastInsertRowid));
          });
          row.slice(3).forEach((label, i) => {
            questionIds.push(Number(insertQuestion.run(i + 1, label, label).lastInsertRowid));
          });
          continue;
        }
        if (row.length < 3) continue;
        const respondent = Number(insertRespondent.run(row[0], ++position).lastInsertRowid);
        attributeIds.forEach((id, i) => insertValue.run(respondent, id, row[i + 1]));
        questionIds.forEach((id, i) => insertAnswer.run(respondent, id, row[i + 3]));
      }
    },
    complete: () => resolve(),
    error: (error: Error) => reject(error),
  });
});
db.exec("COMMIT");
closeProjectFile(db);
console.log(`floor: ${position} respondents`);
