/**
 * Schema validation of REFI-QDA files with xmllint (Debian's libxml2-utils), against the
 * schemas read in place from ../shared/refi/. Tests skip with `refiSchemaSkipReason` when
 * either is missing; `expectValidExport` checks every file a test exports, or says once
 * why it cannot.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { readZipEntries } from "./refi-zip.ts";

export const SHARED_REFI = join(import.meta.dirname, "../../../shared/refi");

const SCHEMAS = { project: "Project.xsd", codebook: "Codebook.xsd" } as const;
export type RefiSchema = keyof typeof SCHEMAS;

function xmllintRuns(): boolean {
  const run = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return run.error === undefined && run.status === 0;
}

/** Why schema validation cannot run here, or null when it can. */
export const refiSchemaSkipReason: string | null = !existsSync(join(SHARED_REFI, "Project.xsd"))
  ? `skipping REFI-QDA schema checks: ${SHARED_REFI} is not there (see ../shared/README.md)`
  : !xmllintRuns()
    ? "skipping REFI-QDA schema checks: xmllint is not installed (apt install libxml2-utils)"
    : null;

if (refiSchemaSkipReason) console.warn(refiSchemaSkipReason);

export interface SchemaResult {
  readonly valid: boolean;
  /** xmllint's messages, one per line ("file:3: element Code: ... not expected"). */
  readonly errors: readonly string[];
}

/** Validates a file (a path) or a document (text starting with `<`). */
export function validateAgainstSchema(xmlPathOrText: string, schema: RefiSchema): SchemaResult {
  if (refiSchemaSkipReason) throw new Error(refiSchemaSkipReason);
  const isText = xmlPathOrText.trimStart().startsWith("<");
  const run = spawnSync(
    "xmllint",
    [
      "--noout",
      "--nonet",
      "--schema",
      join(SHARED_REFI, SCHEMAS[schema]),
      isText ? "-" : xmlPathOrText,
    ],
    { encoding: "utf8", input: isText ? xmlPathOrText : undefined, maxBuffer: 64 << 20 },
  );
  const errors = run.stderr
    .split("\n")
    .filter((line) => line.trim() !== "" && !/ validates$/.test(line));
  return { valid: run.status === 0, errors };
}

/**
 * Asserts that an exported .qdpx (its project.qde) or .qdc is valid against the standard's
 * schema; does nothing where xmllint or ../shared is missing (the warning above said so).
 */
export async function expectValidExport(path: string): Promise<void> {
  if (refiSchemaSkipReason) return;
  if (path.endsWith(".qdc")) {
    expect(validateAgainstSchema(path, "codebook")).toEqual({ valid: true, errors: [] });
    return;
  }
  const qde = (await readZipEntries(path)).get("project.qde")?.toString("utf8") ?? "";
  expect(validateAgainstSchema(qde, "project")).toEqual({ valid: true, errors: [] });
}
