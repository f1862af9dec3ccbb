/**
 * Opens what the user chose to import as one table: a CSV/TSV file, a workbook's
 * sheet, or Word questionnaires (files or a folder). Several files of one kind are
 * read one after the other as if they were one table; they must share their columns.
 */
import { statSync } from "node:fs";
import { basename, extname } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";
import type { ImportSource, SourceKind } from "../../../shared/import/mapping.ts";
import { openCsv } from "./sources/csv.ts";
import type { SourceRow, TableSource } from "./sources/table.ts";

export function sourceKindOf(path: string): SourceKind {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new CairnError("bad_input", `${path} does not exist`);
  }
  if (isFolder) return "docx";
  const extension = extname(path).toLowerCase();
  switch (extension) {
    case ".csv":
    case ".tsv":
    case ".tab":
    case ".txt":
      return "csv";
    case ".xlsx":
    case ".xlsm":
      return "xlsx";
    case ".docx":
      return "docx";
    case ".xls":
      throw new CairnError(
        "bad_input",
        `${basename(path)} is an old Excel .xls workbook: save it as .xlsx (or CSV) in Excel first`,
      );
    case ".doc":
      throw new CairnError(
        "bad_input",
        `${basename(path)} is an old Word .doc file: save it as .docx in Word first`,
      );
    default:
      throw new CairnError(
        "bad_input",
        `${basename(path)} is not a file Cairn imports: use CSV/TSV, Excel .xlsx or Word .docx`,
      );
  }
}

export function sourceKind(source: ImportSource): SourceKind {
  const kinds = new Set(source.paths.map(sourceKindOf));
  if (kinds.size > 1) {
    throw new CairnError(
      "bad_input",
      "import files of one kind at a time (all CSV, all Excel or all Word)",
    );
  }
  return [...kinds][0] as SourceKind;
}

export async function openSource(source: ImportSource): Promise<TableSource> {
  const kind = sourceKind(source);
  // exceljs and mammoth load only when needed: every CLI command would pay ~0.3 s else.
  if (kind === "docx") {
    const { expandDocxPaths, openDocxFolder } = await import("./sources/docx.ts");
    return openDocxFolder(expandDocxPaths(source.paths), {
      ...(source.idField ? { idField: source.idField } : {}),
    });
  }
  const { openXlsx } = kind === "xlsx" ? await import("./sources/xlsx.ts") : { openXlsx: null };
  const openOne = (path: string): Promise<TableSource> =>
    openXlsx
      ? openXlsx(path, {
          ...(source.sheet ? { sheet: source.sheet } : {}),
          ...(source.headerRow ? { headerRow: source.headerRow } : {}),
        })
      : openCsv(path, { encoding: source.encoding, delimiter: source.delimiter });
  const [first, ...rest] = source.paths as [string, ...string[]];
  const head = await openOne(first);
  return rest.length === 0 ? head : concatSources(head, rest, openOne);
}

/** Several tables with the same columns, read in turn. Each is opened when reached. */
function concatSources(
  head: TableSource,
  restPaths: readonly string[],
  openOne: (path: string) => Promise<TableSource>,
): TableSource {
  let current: TableSource = head;
  let finished = 0;
  return {
    name: `${restPaths.length + 1} files`,
    unit: head.unit,
    columns: head.columns,
    questionTexts: head.questionTexts,
    warnings: head.warnings,
    async *batches(): AsyncGenerator<readonly SourceRow[]> {
      yield* prefixed(head);
      for (const path of restPaths) {
        await current.close();
        finished++;
        current = await openOne(path);
        if (current.columns.join("\u0000") !== head.columns.join("\u0000")) {
          throw new CairnError(
            "bad_input",
            `${current.name} does not have the same columns as ${head.name}`,
          );
        }
        yield* prefixed(current);
      }
    },
    progress: () => {
      const { done, total } = current.progress();
      const files = restPaths.length + 1;
      return {
        done: finished * 1000 + (total ? Math.round((done / total) * 1000) : 0),
        total: files * 1000,
      };
    },
    close: () => current.close(),
  };
}

/** Rows of one of several files; a message names the file as well as the line. */
async function* prefixed(source: TableSource): AsyncGenerator<readonly SourceRow[]> {
  try {
    for await (const batch of source.batches()) {
      yield batch.map((row) => ({ ...row, file: source.name }));
    }
  } catch (error) {
    if (error instanceof CairnError && !error.message.startsWith(source.name)) {
      throw new CairnError(error.code, `${source.name}: ${error.message}`);
    }
    throw error;
  }
}
