/**
 * The import benchmark's survey export (bench/import.ts, and bench/encryption.ts beside
 * it): N respondents x 10 open questions of sample-project words, about 200 MB of CSV
 * at 100,000 respondents, with quoted multi-line cells, quotes, empty and "n/a" answers.
 */
import { createWriteStream } from "node:fs";
import { sampleData } from "../electron/core/services/sample-project.ts";
import { random } from "./stats.ts";

export const QUESTIONS = 10;

const words = sampleData()
  .respondents.flatMap((r) => Object.values(r.answers))
  .join(" ")
  .split(/\s+/)
  .filter((w) => w.length > 0);

export function answer(next: () => number): string {
  const length = 10 + Math.floor(next() * 45);
  const parts: string[] = [];
  for (let i = 0; i < length; i++) parts.push(words[Math.floor(next() * words.length)] ?? "x");
  let text = parts.join(" ");
  if (next() < 0.25) text = text.replace(/ /, "\r\n"); // a line break inside the cell
  if (next() < 0.1) text = `"${text}" they said`;
  if (next() < 0.03) text = next() < 0.5 ? "" : "n/a";
  return text;
}

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** The column headers of the questions, in order. */
export function questionColumns(): string[] {
  return Array.from({ length: QUESTIONS }, (_, i) => `Q${i + 1} What would you change and why?`);
}

export async function writeCsv(path: string, respondents: number): Promise<void> {
  const next = random(42);
  const out = createWriteStream(path);
  const header = ["Respondent", "Country", "Organisation type", ...questionColumns()];
  out.write(header.join(",") + "\r\n");
  for (let r = 1; r <= respondents; r++) {
    const cells = [`R${r}`, `Country ${r % 27}`, ["NGO", "Ministry", "Police", "Court"][r % 4]!];
    for (let q = 0; q < QUESTIONS; q++) cells.push(csvCell(answer(next)));
    if (!out.write(cells.join(",") + "\r\n"))
      await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}
