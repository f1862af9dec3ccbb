/**
 * The survey files the crash harness imports, written once per run into its folder and
 * shared by the model and every child (the same path in both, so the projects match).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ImportMapping } from "../../../shared/import/mapping.ts";

export interface CrashFiles {
  /** The first wave: 60 respondents, three open questions. */
  readonly first: string;
  /** A later wave: 400 new respondents, long enough for a kill to land mid-import. */
  readonly second: string;
  /** The first wave again, one answer's text changed: a conflict, refused. */
  readonly conflicting: string;
}

const COUNTRIES = ["Ireland", "Malta", "Cyprus", "Estonia", "Portugal", "Slovenia"];
const WORDS = [
  "victim safety comes first",
  "funding is short every year",
  "the police and shelters meet monthly",
  "training for judges",
  "risk assessment with a shared form",
  "no answer",
  "n/a",
  "we lack staff — and time",
  "Ärzte und Pflege: 🙂 gute Zusammenarbeit",
  "protocols, standards, and more protocols",
];

export const CRASH_MAPPING: ImportMapping = {
  idColumn: "id",
  attributeColumns: ["Country"],
  questions: [
    { column: "Approach", label: "Q1", text: "What is your approach to partner support?" },
    { column: "Highlights", label: "Q2", text: "Main highlights?" },
    { column: "Limits", label: "Q3", text: "Limitations?" },
  ],
  codeColumns: [],
  long: null,
  codeDelimiter: ";",
  codeSeparator: ">",
  nonResponses: ["n/a", "no answer"],
};

function answer(row: number, column: number): string {
  const parts = [0, 1, 2].map((i) => WORDS[(row * 7 + column * 3 + i * 5) % WORDS.length]);
  return parts.slice(0, 1 + ((row + column) % 3)).join(". ");
}

function csv(from: number, to: number, changed?: number): string {
  const lines = ["id,Country,Approach,Highlights,Limits"];
  for (let row = from; row <= to; row++) {
    const cells = [0, 1, 2].map((c) => answer(row, c) + (row === changed && c === 0 ? "!" : ""));
    const country = COUNTRIES[row % COUNTRIES.length] as string;
    lines.push([`R${row}`, country, ...cells].map((cell) => `"${cell}"`).join(","));
  }
  return lines.join("\n") + "\n";
}

export function writeCrashFiles(dir: string): CrashFiles {
  const files = {
    first: join(dir, "wave-1.csv"),
    second: join(dir, "wave-2.csv"),
    conflicting: join(dir, "wave-1-changed.csv"),
  };
  writeFileSync(files.first, csv(1, 60));
  writeFileSync(files.second, csv(61, 460));
  writeFileSync(files.conflicting, csv(1, 60, 7));
  return files;
}
