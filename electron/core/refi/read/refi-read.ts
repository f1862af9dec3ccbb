/** Placeholder: the REFI-QDA reading owner replaces this file. */
import { CairnError } from "../../../../shared/api/errors.ts";
import type { RefiCodebookFile, RefiProject } from "../model.ts";

/**
 * Reads a .qdpx: refuses unsafe zips (entries with ".." or absolute paths, a declared
 * uncompressed size past the limits) before extracting anything, finds the one *.qde at
 * the root, parses it without ever resolving an entity, and reads each text source from
 * sources/ (any case) or inline. Lenient about namespaces, case of GUIDs and missing
 * attributes: what it bends is in `warnings`.
 */
export function readQdpx(_path: string): Promise<RefiProject> {
  return Promise.reject(new CairnError("internal", "reading .qdpx is not written yet"));
}

/** Reads a .qdc codebook (or refuses it with one clear message). */
export function readQdc(_path: string): Promise<RefiCodebookFile> {
  return Promise.reject(new CairnError("internal", "reading .qdc is not written yet"));
}
