/**
 * REFI-QDA GUIDs derived from the project and the row, in the manner of a version-5 UUID
 * (SHA-1 of a name; lower case), so two exports of the same project are byte-identical
 * and a code keeps its GUID from one export to the next.
 */
import { hash } from "node:crypto";

/** What a GUID names; with the row's id (or a composite key) it is unique in a project. */
export type GuidKind =
  | "user"
  | "code"
  | "code-note"
  | "variable"
  | "case"
  | "source"
  | "source-note"
  | "selection"
  | "coding"
  | "coding-note"
  | "set";

const CACHED: ReadonlySet<GuidKind> = new Set(["user", "code", "variable", "set", "source"]);

export type GuidOf = (kind: GuidKind, id: number | string) => string;

/** `projectKey` names the project (its creation time, which survives renames and copies). */
export function guidsFor(projectKey: string): GuidOf {
  const cache = new Map<string, string>();
  return (kind, id) => {
    const name = `${kind}:${id}`;
    let guid = cache.get(name);
    if (guid === undefined) {
      guid = uuidFromName(`cairn\u0000${projectKey}\u0000${name}`);
      // Asked for again and again: users, codes, variables, and each source (its file,
      // its case, itself, its set). Selections and codings are asked for once.
      if (CACHED.has(kind)) cache.set(name, guid);
    }
    return guid;
  };
}

/** The first 128 bits of the name's SHA-1, with the version (5) and variant (RFC 4122) bits set. */
function uuidFromName(name: string): string {
  const hex = hash("sha1", name, "hex");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return (
    `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-` +
    `${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
  );
}
