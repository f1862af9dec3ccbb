/**
 * The codebook alone as a REFI-QDA codebook (.qdc): the code tree with colours and
 * codebook entries, GUIDs the same as in the project's .qdpx.
 */
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { ExportReport, ExportRequest } from "../../../../shared/api/export-api.ts";
import { CairnError } from "../../../../shared/api/errors.ts";
import type { Db } from "../../db/project-file.ts";
import { exportCodes } from "../../db/refi-export-read.ts";
import type { ExportContext } from "../../export/export-service.ts";
import { exportCancelled, writeAtomically } from "../../export/partial-file.ts";
import { writeCodes } from "./codes-xml.ts";
import { guidsFor } from "./guids.ts";
import { CAIRN_ORIGIN, refiProjectMeta } from "./project-meta.ts";
import { replacedWarnings, XmlWriter } from "./xml-writer.ts";

const CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0";
const CODEBOOK_SCHEMA = "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd";

export async function writeQdc(
  db: Db,
  request: Extract<ExportRequest, { format: "qdc" }>,
  context: ExportContext,
): Promise<ExportReport> {
  const codes = exportCodes(db);
  if (codes.length === 0) {
    throw new CairnError("bad_input", "the codebook has no codes yet; there is nothing to export");
  }
  if (context.signal.aborted) throw exportCancelled();
  const guid = guidsFor(refiProjectMeta(db).guidKey);
  // A codebook is small (hundreds of codes): one buffer is fine.
  const chunks: Buffer[] = [];
  const xml = new XmlWriter((chunk) => {
    chunks.push(chunk);
    return Promise.resolve();
  });
  xml.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
  xml.open("CodeBook", {
    xmlns: CODEBOOK_NAMESPACE,
    "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xsi:schemaLocation": `${CODEBOOK_NAMESPACE} ${CODEBOOK_SCHEMA}`,
    origin: CAIRN_ORIGIN,
  });
  writeCodes(xml, codes, guid);
  xml.close("CodeBook");
  await xml.flush();
  const { bytes } = await writeAtomically(request.path, (partial) =>
    writeFile(partial, Buffer.concat(chunks)),
  );
  context.onProgress({ phase: "codebook", done: codes.length, total: codes.length });
  return {
    path: resolve(request.path),
    format: "qdc",
    coding: null,
    sheets: [],
    refi: {
      users: 0,
      codes: codes.length,
      cases: 0,
      variables: 0,
      sources: 0,
      selections: 0,
      codings: 0,
      notes: 0,
      positions: "codepoints",
    },
    bytes,
    filter: null,
    warnings: replacedWarnings(xml.escape.replaced),
  };
}
