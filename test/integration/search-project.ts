/**
 * A small multilingual survey for the search tests: French accents, German ß, Russian,
 * Japanese and English answers, imported as a user would.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Migration } from "../../electron/core/db/migrations.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import type { ConflictPolicy } from "../../shared/import/mapping.ts";
import { surveyMapping } from "../helpers/coding-project.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession } from "../helpers/project.ts";

export const ANSWERS = {
  R1: {
    Q1: "L'Évaluation du programme était utile. Les femmes se sentent en sécurité.",
    Q2: "Straße und Schule",
  },
  R2: { Q1: "Проблема с оплатой. Оплата задерживается.", Q2: "n/a" },
  R3: { Q1: "東京の病院は遠いです。毎日電話します。", Q2: "東、京" },
  R4: {
    Q1: "We stopped counting the calls. New York police came; the police were kind.",
    Q2: "An evaluation of the police, not of York.",
  },
};

const MAPPING = surveyMapping("What happened?");

const COUNTRIES: Record<string, string> = {
  R1: "France",
  R2: "Russia",
  R3: "Japan",
  R4: "Ireland",
  R5: "Malta",
};

function csvOf(rows: Record<string, { Q1: string; Q2: string }>): string {
  const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
  return [
    "id,Country,Q1,Q2",
    ...Object.entries(rows).map(([id, a]) =>
      [id, COUNTRIES[id] ?? "Malta", quote(a.Q1), quote(a.Q2)].join(","),
    ),
  ].join("\n");
}

/** Imports rows into the session's project (a second wave when called again). */
export async function importRows(
  session: ProjectSession,
  dir: string,
  rows: Record<string, { Q1: string; Q2: string }>,
  onConflict: ConflictPolicy = "fail",
): Promise<void> {
  const csv = join(dir, `wave-${Date.now()}-${Math.random()}.csv`);
  writeFileSync(csv, csvOf(rows));
  await importFiles(session, [csv], { mapping: MAPPING, onConflict });
}

export async function searchProject(
  dir: string,
  migrations?: readonly Migration[],
): Promise<{ session: ProjectSession; path: string }> {
  const path = join(dir, "survey.cairn");
  const session = migrations ? newSession(migrations) : newSession();
  session.create(path);
  await importRows(session, dir, ANSWERS);
  return { session, path };
}
