import { writeFileSync } from "node:fs";
import type {
  ConflictDecision,
  ConflictPolicy,
  ImportMapping,
  ImportReport,
  ImportSource,
} from "../../shared/import/mapping.ts";
import type { ImportInspection } from "../../shared/import/inspection.ts";
import { ImportJobs, inspectImport } from "../../electron/core/import/import-service.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";

/** Writes text the way a given tool would: UTF-8 with or without BOM, UTF-16, cp1252. */
export function writeEncoded(
  path: string,
  text: string,
  encoding: "utf-8" | "utf-8-bom" | "utf-16le-bom" | "utf-16be-bom" | "windows-1252",
): void {
  switch (encoding) {
    case "utf-8":
      return writeFileSync(path, text, "utf8");
    case "utf-8-bom":
      return writeFileSync(path, "\ufeff" + text, "utf8");
    case "utf-16le-bom":
      return writeFileSync(path, Buffer.from("\ufeff" + text, "utf16le"));
    case "utf-16be-bom": {
      const le = Buffer.from("\ufeff" + text, "utf16le");
      return writeFileSync(path, le.swap16());
    }
    case "windows-1252":
      return writeFileSync(path, encodeCp1252(text));
  }
}

const CP1252_EXTRAS: Record<string, number> = {
  "€": 0x80,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "–": 0x96,
  "—": 0x97,
};

function encodeCp1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((char) => {
      const code = char.codePointAt(0)!;
      if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
      const extra = CP1252_EXTRAS[char];
      if (extra === undefined) throw new Error(`test helper: ${char} is not in cp1252`);
      return extra;
    }),
  );
}

export interface ImportCall {
  readonly source?: Partial<ImportSource>;
  readonly mapping?: Partial<ImportMapping>;
  readonly onConflict?: ConflictPolicy;
  readonly decisions?: ConflictDecision[];
  readonly coder?: string;
}

/** What the wizard does: inspect, take the guess (with the user's changes), import. */
export async function importFiles(
  session: ProjectSession,
  paths: string[],
  call: ImportCall = {},
): Promise<{ inspection: ImportInspection; report: ImportReport }> {
  const source: ImportSource = { paths, ...call.source };
  const inspection = await inspectImport(source, call.coder ? { coder: call.coder } : {});
  const mapping: ImportMapping = { ...inspection.guess, ...call.mapping };
  const report = await new ImportJobs(session).run({
    source,
    mapping,
    onConflict: call.onConflict ?? "fail",
    ...(call.decisions ? { decisions: call.decisions } : {}),
  });
  return { inspection, report };
}
