/**
 * The project as a REFI-QDA project (.qdpx): a zip of `sources/<guid>.txt` (one per answer
 * with text) and `project.qde`, which is written as a stream in chunks so that 100,000
 * answers never become one string. The mapping is decision 0016's.
 */
import { resolve } from "node:path";
import type { ExportReport, ExportRequest } from "../../../../shared/api/export-api.ts";
import type { Db } from "../../db/project-file.ts";
import * as read from "../../db/refi-export-read.ts";
import type { ExportContext } from "../../export/export-service.ts";
import { writeAtomically } from "../../export/partial-file.ts";
import { writeCodes } from "./codes-xml.ts";
import { guidsFor } from "./guids.ts";
import { writeNotes } from "./notes.ts";
import { CAIRN_ORIGIN, refiProjectMeta } from "./project-meta.ts";
import {
  groupBy,
  writeCases,
  writeSets,
  writeUsers,
  writeVariables,
  type RefiWriteContext,
} from "./project-xml.ts";
import { writeSourceFiles, writeSources } from "./sources.ts";
import { replacedWarnings, XmlWriter } from "./xml-writer.ts";
import { ZipWriter, type StreamedEntry } from "./zip-writer.ts";

const PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0";
const PROJECT_SCHEMA = "http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd";

const DESCRIPTION =
  "A survey exported by Cairn: each respondent is a case (attributes as variables), " +
  "each answer a text source, each question a set of its answers.";

export async function writeQdpx(
  db: Db,
  request: Extract<ExportRequest, { format: "qdpx" }>,
  context: ExportContext,
): Promise<ExportReport> {
  const meta = refiProjectMeta(db);
  const guid = guidsFor(meta.guidKey);
  const coders = read.exportCoders(db);
  const codes = read.exportCodes(db);
  const attributes = read.exportAttributes(db);
  const codeMemos = read.codeMemos(db);
  let counts = { cases: 0, sources: 0, selections: 0, codings: 0, notes: 0 };
  let replaced = 0;

  const { bytes } = await writeAtomically(request.path, async (partial) => {
    const zip = new ZipWriter(partial, meta.mtime);
    try {
      // The texts go in first, each written as it is read; project.qde follows as a stream.
      let qde: StreamedEntry | null = null;
      const refi: RefiWriteContext = {
        db,
        xml: new XmlWriter((chunk) => {
          if (!qde) throw new Error("writeQdpx: project.qde is not open yet");
          return qde.write(chunk);
        }),
        guid,
        positions: request.positions,
        signal: context.signal,
        onProgress: context.onProgress,
      };
      const total = read.sourceCount(db);
      await writeSourceFiles(refi, zip, total);
      qde = zip.addStream("project.qde");
      const { xml } = refi;
      xml.raw('<?xml version="1.0" encoding="UTF-8"?>\n');
      xml.open("Project", {
        xmlns: PROJECT_NAMESPACE,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": `${PROJECT_NAMESPACE} ${PROJECT_SCHEMA}`,
        name: meta.name,
        origin: CAIRN_ORIGIN,
        creationDateTime: meta.createdAt,
      });
      writeUsers(xml, coders, guid);
      if (codes.length > 0) {
        const notes = groupBy(codeMemos, (m) => m.targetId);
        const noteGuids = new Map(
          [...notes].map(([codeId, memos]) => [codeId, memos.map((m) => guid("code-note", m.id))]),
        );
        xml.open("CodeBook");
        writeCodes(xml, codes, guid, noteGuids);
        xml.close("CodeBook");
      }
      writeVariables(xml, attributes, guid);
      const cases = await writeCases(refi);
      const sources = await writeSources(refi, total);
      const codeNames = new Map(codes.map((c) => [c.id, c.name]));
      const notes = await writeNotes(refi, codeMemos, codeNames);
      await writeSets(refi, read.exportQuestions(db));
      xml.element("Description", DESCRIPTION);
      xml.close("Project");
      await xml.flush();
      await qde.end();
      await zip.finish();
      counts = { cases, ...sources, notes };
      replaced = xml.escape.replaced;
    } catch (error) {
      await zip.abort();
      throw error;
    }
  });

  return {
    path: resolve(request.path),
    format: "qdpx",
    coding: null,
    sheets: [],
    refi: {
      users: coders.length,
      codes: codes.length,
      variables: attributes.length,
      ...counts,
      positions: request.positions,
    },
    bytes,
    filter: null,
    warnings: replacedWarnings(replaced),
  };
}
