/**
 * What names a project in its REFI-QDA files: its name, the program that wrote them,
 * the key its GUIDs derive from, and the fixed time stamped on the zip's entries.
 */
import { basename, extname } from "node:path";
import { getMeta } from "../../db/meta.ts";
import type { Db } from "../../db/project-file.ts";
import { xsdDateTime } from "./xml-writer.ts";

/**
 * `origin` of every file Cairn writes. It repeats APP_VERSION (electron/core/core.ts,
 * which wires the whole core and cannot be imported from here); a test keeps them equal.
 */
export const CAIRN_ORIGIN = "Cairn 0.1.0";

export interface RefiProjectMeta {
  readonly name: string;
  /** The project's creation time as xsd:dateTime, or null. */
  readonly createdAt: string | null;
  /** What the GUIDs derive from: the creation time, which survives renames and copies. */
  readonly guidKey: string;
  /** Stamped on every zip entry instead of the clock, so exports repeat byte for byte. */
  readonly mtime: Date;
}

export function refiProjectMeta(db: Db): RefiProjectMeta {
  const name = getMeta(db, "name") ?? basename(db.name, extname(db.name));
  const created = getMeta(db, "created_at");
  const createdAt = xsdDateTime(created);
  const time = createdAt === null ? NaN : Date.parse(createdAt);
  return {
    name,
    createdAt,
    guidKey: created ?? `name:${name}`,
    // Zip times cannot precede 1980; a project without a date gets the schema's year.
    mtime: new Date(
      Number.isNaN(time) || time < Date.UTC(1981, 0, 1) ? Date.UTC(2019, 2, 18) : time,
    ),
  };
}
