/**
 * `cairn agreement --table TABLE.json`: the agreement statistics for any units x coders
 * table of nominal ratings, so a user can check figures they got elsewhere. No project.
 * The file is `{"categories": [...], "data": [[a, b, ...], ...]}`, null for a missing
 * rating; every rating must be one of the categories (Brennan & Prediger's q counts the
 * categories defined, so a typo would change it silently): table.ts refuses the rest.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Statistic } from "../../../shared/agreement/statistic.ts";
import {
  RatingTableError,
  tableAgreement,
  type RatingTable,
  type TableAgreement,
} from "../../../shared/agreement/table.ts";
import { withReasons } from "./agreement-json.ts";
import { coefficient, percent } from "./agreement-text.ts";
import type { Output } from "./output.ts";
import { printJson } from "./output.ts";

const category = z.union([z.string(), z.number().finite()]);

const tableSchema = z
  .object({
    categories: z.array(category).min(1, "list at least one category"),
    data: z.array(z.array(category.nullable()).min(2, "each unit needs two or more coders")),
  })
  .strict();

/** The table in the file, or a one-line reason it cannot be read as one. */
export function readRatingTable(path: string): RatingTable {
  const name = basename(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CairnError(
      code === "ENOENT" ? "not_found" : "bad_input",
      code === "ENOENT" ? `no file ${path}` : `cannot read ${path}: ${(error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CairnError("bad_input", `${name} is not JSON: ${(error as Error).message}`);
  }
  const parsed = tableSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? ` at ${issue.path.join(".")}` : "";
    throw new CairnError(
      "bad_input",
      `${name} should be {"categories": [...], "data": [[a, b, ...], ...]}: ` +
        `${issue.message}${where}`,
    );
  }
  return parsed.data;
}

export const TABLE_FIGURES = [
  ["percent_agreement", "percentAgreement", "Percent agreement"],
  ["cohen_kappa", "cohenKappa", "Cohen's kappa"],
  ["scott_pi", "scottPi", "Scott's pi"],
  ["fleiss_kappa", "fleissKappa", "Fleiss' kappa"],
  ["krippendorff_alpha", "krippendorffAlpha", "Krippendorff's alpha"],
  ["brennan_prediger", "brennanPrediger", "Brennan & Prediger"],
] as const satisfies readonly (readonly [string, keyof TableAgreement, string])[];

export function tableAgreementJson(result: TableAgreement, table: RatingTable) {
  const figures = Object.fromEntries(TABLE_FIGURES.map(([key, field]) => [key, result[field]]));
  return {
    units: result.units,
    coders: table.data[0]?.length ?? 0,
    categories: table.categories.length,
    ...withReasons(figures as Record<string, Statistic>),
  };
}

/** The table's figures; a table that cannot be read as ratings is one line saying why. */
function agreementOf(path: string, table: RatingTable): TableAgreement {
  try {
    return tableAgreement(table);
  } catch (error) {
    if (!(error instanceof RatingTableError)) throw error;
    throw new CairnError("bad_input", `${basename(path)}: ${error.message}`);
  }
}

export function printTableAgreement(output: Output, path: string, json: boolean): void {
  const table = readRatingTable(path);
  const result = agreementOf(path, table);
  if (json) {
    printJson(output, tableAgreementJson(result, table));
    return;
  }
  const coders = table.data[0]?.length ?? 0;
  output.out(
    `${basename(path)}: ${result.units} units with two or more ratings, ${coders} coders, ` +
      `${table.categories.length} ${table.categories.length === 1 ? "category" : "categories"}`,
  );
  const width = Math.max(...TABLE_FIGURES.map(([, , label]) => label.length));
  const notes: string[] = [];
  for (const [, field, label] of TABLE_FIGURES) {
    const statistic = result[field] as Statistic;
    const shown = field === "percentAgreement" ? percent(statistic) : coefficient(statistic);
    if (statistic.value === null) notes.push(`  ${label}: ${statistic.reason ?? "undefined"}`);
    output.out(`  ${label.padEnd(width)}  ${shown}`);
  }
  if (notes.length) {
    output.out("");
    output.out("— undefined:");
    for (const note of notes) output.out(note);
  }
}
