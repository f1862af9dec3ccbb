/**
 * A REFI code tree as Cairn codes: every code (codable or not: those are categories),
 * parents before children, siblings in the file's order. Names Cairn cannot hold are
 * repaired, a sibling's name taken again is numbered, colours come from the file or else
 * the palette, and a description splits into the codebook entry's fields.
 */
import { codeName } from "../../../../shared/api/schemas.ts";
import { codeNameKey } from "../../../../shared/codes/names.ts";
import { distinctColor } from "../../../../shared/codes/palette.ts";
import {
  codeDescriptionFields,
  type CodeDescriptionFields,
} from "../../../../shared/refi/code-description.ts";
import { guidKey, type RefiCode } from "../model.ts";
import { UniqueNames } from "./names.ts";
import type { ImportWarnings } from "./report.ts";

/** As the API allows for a code path. */
const MAX_CODE_DEPTH = 20;
const MAX_NAME = 200;

export interface PlannedCode {
  /** Index of the parent in the plan's list (parents come first), or null at the root. */
  readonly parent: number | null;
  readonly path: readonly string[];
  readonly name: string;
  /** The file's colour ("#rrggbb"), or a palette colour. */
  readonly color: string;
  /** Whether `color` came from the file. */
  readonly colorFromFile: boolean;
  /** Position among its siblings, from 0. */
  readonly position: number;
  /** Null when the file gives no description. */
  readonly fields: CodeDescriptionFields | null;
  readonly noteGuids: readonly string[];
}

export interface CodePlan {
  readonly codes: readonly PlannedCode[];
  /** A code's index in `codes` by its guidKey. */
  readonly byGuid: ReadonlyMap<string, number>;
}

export function planCodes(tree: readonly RefiCode[], warnings: ImportWarnings): CodePlan {
  const codes: PlannedCode[] = [];
  const byGuid = new Map<string, number>();
  const colours = fileColours(tree);
  const visit = (siblings: readonly RefiCode[], parent: number | null, path: readonly string[]) => {
    if (path.length >= MAX_CODE_DEPTH) {
      warnings.count("tooDeep", countCodes(siblings));
      return;
    }
    const names = new UniqueNames(codeNameKey);
    siblings.forEach((code, position) => {
      const repaired = repairCodeName(code.name);
      if (repaired !== code.name.replace(/\s+/g, " ").trim()) warnings.count("renamedCode");
      const { name, renamed } = names.take(repaired);
      if (renamed) warnings.count("duplicateCode");
      const color = code.color ?? distinctColor(colours);
      if (code.color === null) colours.push(color);
      const index = codes.length;
      codes.push({
        parent,
        path: [...path, name],
        name,
        color,
        colorFromFile: code.color !== null,
        position,
        fields: descriptionFields(code.description),
        noteGuids: code.noteGuids,
      });
      const key = guidKey(code.guid);
      if (byGuid.has(key)) warnings.count("duplicateGuid");
      else byGuid.set(key, index);
      visit(code.children, index, [...path, name]);
    });
  };
  visit(tree, null, []);
  return { codes, byGuid };
}

/**
 * A name Cairn accepts (shared/api/schemas.ts codeName): spaces collapsed, '>' (the path
 * separator) as '›', at most 200 characters, no half characters, never blank.
 */
export function repairCodeName(raw: string): string {
  const parsed = codeName.safeParse(raw);
  if (parsed.success) return parsed.data;
  let name = wellFormedText(raw).replace(/\s+/g, " ").trim().replaceAll(">", "›");
  if (name.length > MAX_NAME) name = wellFormedText(name.slice(0, MAX_NAME)).replace(/\uFFFD$/, "");
  return codeName.safeParse(name).success ? name.trim() : "Unnamed code";
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Half characters (a lone surrogate) as U+FFFD. */
function wellFormedText(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}

/** The codebook entry's fields from a Description (trimmed, line ends as "\n"). */
export function descriptionFields(description: string | null): CodeDescriptionFields | null {
  if (description === null) return null;
  const fields = codeDescriptionFields(description.replace(/\r\n?/g, "\n").trim());
  return {
    description: fields.description.trim(),
    whenToUse: fields.whenToUse.trim(),
    whenNotToUse: fields.whenNotToUse.trim(),
    example: fields.example.trim(),
  };
}

function fileColours(tree: readonly RefiCode[]): string[] {
  const colours: string[] = [];
  eachCode(tree, (code) => {
    if (code.color !== null) colours.push(code.color);
  });
  return colours;
}

function countCodes(codes: readonly RefiCode[]): number {
  let count = 0;
  eachCode(codes, () => count++);
  return count;
}

/**
 * Every code of a tree, parents before children. A loop, not recursion: a hostile file
 * may nest codes thousands deep, past what the call stack holds.
 */
function eachCode(tree: readonly RefiCode[], visit: (code: RefiCode) => void): void {
  const stack = [...tree].reverse();
  for (let code = stack.pop(); code !== undefined; code = stack.pop()) {
    visit(code);
    for (let i = code.children.length - 1; i >= 0; i--) stack.push(code.children[i] as RefiCode);
  }
}
