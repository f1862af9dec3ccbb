/**
 * Reads REFI-QDA files into the model of ../model.ts, leniently: what it bends is in
 * `warnings`; what it cannot read safely is refused with one CairnError.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { RefiCodebookFile, RefiProject } from "../model.ts";
import { codebookRoot, type CodebookDraft } from "./codebook-xml.ts";
import { Leniency } from "./leniency.ts";
import { emptyProjectDraft, projectRoot } from "./project-xml.ts";
import { fetchNotes, fetchSources } from "./source-files.ts";
import { parseXml } from "./xml-events.ts";
import { openSafeZip, type SafeZip, type ZipEntry } from "./zip-read.ts";
import { ZIP_LIMITS } from "./zip-safety.ts";

/**
 * Reads a .qdpx: refuses unsafe zips (entries with ".." or absolute paths, a declared
 * uncompressed size past the limits) before extracting anything, finds the one *.qde at
 * the root, parses it without ever resolving an entity, and reads each text source from
 * sources/ (any case) or inline. Lenient about namespaces, case of GUIDs and missing
 * attributes: what it bends is in `warnings`.
 */
export async function readQdpx(path: string): Promise<RefiProject> {
  const label = basename(path);
  const zip = await openSafeZip(path, label);
  try {
    const qde = projectEntry(label, zip);
    const lenient = new Leniency();
    const draft = emptyProjectDraft();
    await parseXml(`${label} (${qde.name})`, zip.chunks(qde), projectRoot(label, draft, lenient));
    const sources = await fetchSources(zip, draft.sources, lenient);
    const notes = await fetchNotes(zip, draft.notes, lenient);
    return {
      name: draft.name ?? qde.name.replace(/\.qde$/i, ""),
      origin: draft.origin,
      users: draft.users,
      codes: draft.codes,
      variables: draft.variables,
      cases: draft.cases,
      sources,
      notes,
      sets: draft.sets,
      description: draft.description,
      skippedSources: draft.skippedSources,
      warnings: [...lenient.warnings(), ...skippedWarnings(draft.skippedSources)],
    };
  } finally {
    zip.close();
  }
}

/** Reads a .qdc codebook (or refuses it with one clear message). */
export async function readQdc(path: string): Promise<RefiCodebookFile> {
  const label = basename(path);
  await checkQdcFile(path, label);
  const lenient = new Leniency();
  const draft: CodebookDraft = { origin: null, codes: [], sets: [] };
  await parseXml(label, fileChunks(path, label), codebookRoot(label, draft, lenient));
  return {
    origin: draft.origin,
    codes: draft.codes,
    sets: draft.sets,
    warnings: lenient.warnings(),
  };
}

/** The one *.qde at the zip's root, whatever its name (ATLAS.ti 26 names it after the project). */
function projectEntry(label: string, zip: SafeZip): ZipEntry {
  const candidates = zip.entries.filter(
    (entry) => !/[\\/]/.test(entry.name) && /\.qde$/i.test(entry.name),
  );
  const [only, ...others] = candidates;
  if (only === undefined) {
    throw new CairnError(
      "bad_input",
      `${label} holds no project file (*.qde) at its root, so it is not a REFI-QDA project`,
    );
  }
  if (others.length > 0) {
    const names = candidates
      .slice(0, 3)
      .map((entry) => entry.name)
      .join(", ");
    throw new CairnError(
      "bad_input",
      `${label} holds ${candidates.length} project files (${names}) where a .qdpx has one`,
    );
  }
  return only;
}

function skippedWarnings(skipped: Readonly<Record<string, number>>): string[] {
  return Object.entries(skipped).map(([kind, count]) =>
    count === 1
      ? `1 ${kind} source was left out (Cairn reads text sources only)`
      : `${count} ${kind} sources were left out (Cairn reads text sources only)`,
  );
}

async function checkQdcFile(path: string, label: string): Promise<void> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new CairnError("bad_input", `${label} is a folder, not a .qdc file`);
    size = info.size;
  } catch (error) {
    throw fileError(label, error);
  }
  if (size > ZIP_LIMITS.entryBytes) {
    throw new CairnError(
      "bad_input",
      `${label} is larger than the 1 GiB Cairn reads from a codebook`,
    );
  }
}

async function* fileChunks(path: string, label: string): AsyncIterable<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let first = true;
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      if (first && bytes[0] === 0x50 && bytes[1] === 0x4b) {
        throw new CairnError(
          "bad_input",
          `${label} is a zip file, but a .qdc is XML (a zipped project is a .qdpx)`,
        );
      }
      first = false;
      yield bytes;
    }
  } catch (error) {
    throw fileError(label, error);
  } finally {
    stream.destroy();
  }
}

function fileError(label: string, error: unknown): CairnError {
  if (error instanceof CairnError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT") return new CairnError("not_found", `${label} was not found`);
  const reason = error instanceof Error ? error.message : String(error);
  return new CairnError("io", `${label} could not be read: ${reason}`);
}
