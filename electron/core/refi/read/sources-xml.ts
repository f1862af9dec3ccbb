/**
 * Frames for a project's sources, their selections and codings, variable values and
 * notes. A source's text is not read here: its draft says where the text is (inline or
 * a path), and refi-read.ts fetches only the entries that are referenced.
 */
import type { RefiCoding, RefiSelection, RefiValue, RefiVariableValue } from "../model.ts";
import { descriptionFrame, optional, refFrame, textFrame } from "./elements.ts";
import type { Leniency } from "./leniency.ts";
import type { Attributes, Frame } from "./xml-events.ts";

/** A text source or note as written, its text still to be fetched. */
export interface TextDraft {
  readonly guid: string;
  readonly name: string | null;
  readonly description: string | null;
  /** PlainTextContent as written (never trimmed), or null when there is none. */
  readonly inlineText: string | null;
  readonly plainTextPath: string | null;
  readonly creatingUser: string | null;
  readonly creationDateTime: string | null;
  readonly selections: readonly RefiSelection[];
  readonly codings: readonly RefiCoding[];
  readonly noteGuids: readonly string[];
  readonly values: readonly RefiVariableValue[];
}

/** The kinds of source Cairn leaves out, by element name, as the report counts them. */
export const SKIPPED_SOURCE_KINDS: Readonly<Record<string, string>> = {
  PDFSource: "PDF",
  PictureSource: "picture",
  AudioSource: "audio",
  VideoSource: "video",
};

/** <TextSource> or <Note> (the schema gives both the same type). */
export function textSourceFrame(
  element: string,
  attributes: Attributes,
  lenient: Leniency,
  into: TextDraft[],
): Frame {
  const guid = lenient.guid(element, attributes.guid);
  const selections: RefiSelection[] = [];
  const codings: RefiCoding[] = [];
  const noteGuids: string[] = [];
  const values: RefiVariableValue[] = [];
  let description: string | null = null;
  let inlineText: string | null = null;
  return {
    child: (child, childAttributes) => {
      switch (child) {
        case "Description":
          return descriptionFrame((text) => (description = text));
        case "PlainTextContent":
          return textFrame((text) => (inlineText = text));
        case "PlainTextSelection":
          return selectionFrame(childAttributes, lenient, selections);
        case "Coding":
          return codingFrame(childAttributes, lenient, codings);
        case "NoteRef":
          return refFrame(childAttributes, noteGuids);
        case "VariableValue":
          return variableValueFrame(values);
        default:
          return undefined;
      }
    },
    end: () => {
      into.push({
        guid,
        name: attributes.name ?? null,
        description,
        inlineText,
        plainTextPath: optional(attributes, "plainTextPath"),
        creatingUser: optional(attributes, "creatingUser"),
        creationDateTime: optional(attributes, "creationDateTime"),
        selections,
        codings,
        noteGuids,
        values,
      });
    },
  };
}

function selectionFrame(attributes: Attributes, lenient: Leniency, into: RefiSelection[]): Frame {
  const guid = lenient.guid("PlainTextSelection", attributes.guid);
  const codings: RefiCoding[] = [];
  const noteGuids: string[] = [];
  let description: string | null = null;
  return {
    child: (child, childAttributes) => {
      switch (child) {
        case "Description":
          return descriptionFrame((text) => (description = text));
        case "Coding":
          return codingFrame(childAttributes, lenient, codings);
        case "NoteRef":
          return refFrame(childAttributes, noteGuids);
        default:
          return undefined;
      }
    },
    end: () => {
      const start = integer(attributes.startPosition);
      const end = integer(attributes.endPosition);
      if (start === null || end === null) {
        lenient.badPosition(guid);
        return;
      }
      into.push({
        guid,
        name: optional(attributes, "name"),
        start,
        end,
        creatingUser: optional(attributes, "creatingUser"),
        creationDateTime: optional(attributes, "creationDateTime"),
        description,
        codings,
        noteGuids,
      });
    },
  };
}

function codingFrame(attributes: Attributes, lenient: Leniency, into: RefiCoding[]): Frame {
  const guid = lenient.guid("Coding", attributes.guid);
  const codeGuids: string[] = [];
  const noteGuids: string[] = [];
  return {
    child: (child, childAttributes) => {
      if (child === "CodeRef") return refFrame(childAttributes, codeGuids);
      if (child === "NoteRef") return refFrame(childAttributes, noteGuids);
      return undefined;
    },
    end: () => {
      const codeGuid = codeGuids[0];
      if (codeGuid === undefined) {
        lenient.codingWithoutCode(guid);
        return;
      }
      into.push({
        guid,
        codeGuid,
        creatingUser: optional(attributes, "creatingUser"),
        creationDateTime: optional(attributes, "creationDateTime"),
        noteGuids,
      });
    },
  };
}

const VALUE_ELEMENTS = new Set([
  "TextValue",
  "BooleanValue",
  "IntegerValue",
  "FloatValue",
  "DateValue",
  "DateTimeValue",
]);

/** <VariableValue>: a VariableRef and one typed value (an empty one is null). */
export function variableValueFrame(into: RefiVariableValue[]): Frame {
  const variableGuids: string[] = [];
  let value: RefiValue | null = null;
  return {
    child: (child, childAttributes) => {
      if (child === "VariableRef") return refFrame(childAttributes, variableGuids);
      if (VALUE_ELEMENTS.has(child)) {
        return textFrame((text) => (value = typedValue(child, text)));
      }
      return undefined;
    },
    end: () => {
      const variableGuid = variableGuids[0];
      if (variableGuid !== undefined) into.push({ variableGuid, value });
    },
  };
}

function typedValue(element: string, text: string): RefiValue | null {
  if (element === "TextValue") return text === "" ? null : text;
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (element === "BooleanValue") {
    if (trimmed === "true" || trimmed === "1") return true;
    if (trimmed === "false" || trimmed === "0") return false;
    return trimmed;
  }
  if (element === "IntegerValue" || element === "FloatValue") {
    const number = Number(trimmed);
    return Number.isFinite(number) ? number : trimmed;
  }
  return trimmed;
}

function integer(raw: string | undefined): number | null {
  const trimmed = raw?.trim() ?? "";
  if (!/^[+-]?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) ? value : null;
}
