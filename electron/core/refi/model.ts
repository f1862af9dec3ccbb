/**
 * A REFI-QDA project or codebook as read from its XML, before it becomes a Cairn project:
 * the reader (refi/read/) fills it from any program's file, leniently; the importer
 * (refi/import/) maps it onto respondents, questions, answers, codes and segments.
 * GUIDs are kept as written but compared lower-cased and without braces (`guidKey`).
 */

export interface RefiUser {
  readonly guid: string;
  readonly name: string | null;
}

export interface RefiCode {
  readonly guid: string;
  readonly name: string;
  readonly isCodable: boolean;
  /** "#rrggbb" lower-cased ("#abc" widened), or null when absent or malformed. */
  readonly color: string | null;
  readonly description: string | null;
  readonly noteGuids: readonly string[];
  readonly children: readonly RefiCode[];
}

export type RefiValue = string | number | boolean;

export interface RefiVariable {
  readonly guid: string;
  readonly name: string;
  readonly type: "Text" | "Boolean" | "Integer" | "Float" | "Date" | "DateTime";
  readonly description: string | null;
}

export interface RefiVariableValue {
  readonly variableGuid: string;
  /** As written (dates stay ISO strings); null for an empty value element. */
  readonly value: RefiValue | null;
}

export interface RefiCase {
  readonly guid: string;
  readonly name: string | null;
  readonly description: string | null;
  readonly values: readonly RefiVariableValue[];
  readonly sourceGuids: readonly string[];
}

export interface RefiCoding {
  readonly guid: string;
  readonly codeGuid: string;
  readonly creatingUser: string | null;
  readonly creationDateTime: string | null;
  readonly noteGuids: readonly string[];
}

export interface RefiSelection {
  readonly guid: string;
  readonly name: string | null;
  /** As written, in the file's unknown convention (see shared/refi/positions.ts). */
  readonly start: number;
  readonly end: number;
  readonly creatingUser: string | null;
  readonly creationDateTime: string | null;
  readonly description: string | null;
  readonly codings: readonly RefiCoding[];
  readonly noteGuids: readonly string[];
}

export interface RefiTextSource {
  readonly guid: string;
  readonly name: string | null;
  readonly description: string | null;
  /** The plain text, BOM stripped, line ends as written; null when it could not be read. */
  readonly text: string | null;
  /** Why `text` is null ("sources/x.txt is not in the file"). */
  readonly textProblem: string | null;
  /**
   * The text came inline (PlainTextContent) with LF line ends only. XML reads a written
   * CRLF as LF, so the program may have had (and counted) a CR the text no longer holds.
   */
  readonly lineEndsFromXml: boolean;
  readonly creatingUser: string | null;
  readonly creationDateTime: string | null;
  readonly selections: readonly RefiSelection[];
  /** Codings of the whole source. */
  readonly codings: readonly RefiCoding[];
  readonly noteGuids: readonly string[];
  readonly values: readonly RefiVariableValue[];
}

export interface RefiNote {
  readonly guid: string;
  readonly name: string | null;
  readonly text: string;
  readonly creatingUser: string | null;
  readonly creationDateTime: string | null;
}

export interface RefiSet {
  readonly guid: string;
  readonly name: string;
  readonly description: string | null;
  readonly memberCodeGuids: readonly string[];
  readonly memberSourceGuids: readonly string[];
}

export interface RefiProject {
  readonly name: string;
  readonly origin: string | null;
  readonly users: readonly RefiUser[];
  readonly codes: readonly RefiCode[];
  readonly variables: readonly RefiVariable[];
  readonly cases: readonly RefiCase[];
  readonly sources: readonly RefiTextSource[];
  readonly notes: readonly RefiNote[];
  readonly sets: readonly RefiSet[];
  readonly description: string | null;
  /** Sources of other kinds (PDF, picture, audio, video), counted and left out. */
  readonly skippedSources: Readonly<Record<string, number>>;
  /** What was read leniently, one sentence each. */
  readonly warnings: readonly string[];
}

export interface RefiCodebookFile {
  readonly origin: string | null;
  readonly codes: readonly RefiCode[];
  readonly sets: readonly RefiSet[];
  readonly warnings: readonly string[];
}

/** GUIDs compare without case or braces ("{ABC-…}" is "abc-…"). */
export function guidKey(guid: string): string {
  return guid
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}
