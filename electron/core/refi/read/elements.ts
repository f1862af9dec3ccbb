/**
 * Frames for the elements a project and a codebook share (codes, sets) and the small
 * pieces every element uses: text children, references, optional attributes.
 */
import type { RefiCode, RefiSet } from "../model.ts";
import { readColor } from "./colors.ts";
import type { Leniency } from "./leniency.ts";
import type { Attributes, Frame } from "./xml-events.ts";

/** An element whose text is handed over as written (source text: never trimmed). */
export function textFrame(take: (text: string) => void): Frame {
  return { text: true, end: take };
}

/**
 * A Description: programs indent it with the XML around it (openqda), so its leading and
 * trailing whitespace goes; an empty one is no description.
 */
export function descriptionFrame(take: (text: string | null) => void): Frame {
  return textFrame((text) => take(text.trim() === "" ? null : text.trim()));
}

/** A reference element (NoteRef, CodeRef, SourceRef...): its targetGUID, or `guid` in a .qdc. */
export function refFrame(attributes: Attributes, into: string[]): Frame {
  const target = (attributes.targetGUID ?? attributes.guid ?? "").trim();
  if (target !== "") into.push(target);
  return {};
}

/** An optional attribute: null when missing or blank. */
export function optional(attributes: Attributes, name: string): string | null {
  const value = attributes[name]?.trim();
  return value === undefined || value === "" ? null : value;
}

function codeFrame(attributes: Attributes, lenient: Leniency, into: RefiCode[]): Frame {
  const guid = lenient.guid("Code", attributes.guid);
  let name = attributes.name ?? "";
  if (name.trim() === "") {
    lenient.unnamedCode(guid);
    name = "Unnamed code";
  }
  const color = readColor(attributes.color);
  if (color.malformed) lenient.malformedColor(attributes.color ?? "");
  const isCodable = codable(attributes.isCodable, name, lenient);
  const children: RefiCode[] = [];
  const noteGuids: string[] = [];
  let description: string | null = null;
  return {
    child: (child, childAttributes) => {
      switch (child) {
        case "Description":
          return descriptionFrame((text) => (description = text));
        case "NoteRef":
          return refFrame(childAttributes, noteGuids);
        case "Code":
          return codeFrame(childAttributes, lenient, children);
        default:
          return undefined;
      }
    },
    end: () => {
      into.push({ guid, name, isCodable, color: color.color, description, noteGuids, children });
    },
  };
}

function codable(raw: string | undefined, codeName: string, lenient: Leniency): boolean {
  const value = raw?.trim().toLowerCase();
  if (value === "false" || value === "0") return false;
  if (value === "true" || value === "1") return true;
  lenient.codableMissing(codeName);
  return true;
}

/** <Codes> (inside <CodeBook> of a project, or the root's child in a .qdc). */
export function codesFrame(lenient: Leniency, into: RefiCode[]): Frame {
  return {
    child: (name, attributes) =>
      name === "Code" ? codeFrame(attributes, lenient, into) : undefined,
  };
}

/** <Sets>: MemberCode by `targetGUID` (project) or `guid` (codebook), MemberSource. */
export function setsFrame(lenient: Leniency, into: RefiSet[]): Frame {
  return {
    child: (name, attributes) => (name === "Set" ? setFrame(attributes, lenient, into) : undefined),
  };
}

function setFrame(attributes: Attributes, lenient: Leniency, into: RefiSet[]): Frame {
  const guid = lenient.guid("Set", attributes.guid);
  const memberCodeGuids: string[] = [];
  const memberSourceGuids: string[] = [];
  let description: string | null = null;
  return {
    child: (child, childAttributes) => {
      switch (child) {
        case "Description":
          return descriptionFrame((text) => (description = text));
        case "MemberCode":
          return refFrame(childAttributes, memberCodeGuids);
        case "MemberSource":
          return refFrame(childAttributes, memberSourceGuids);
        default:
          return undefined;
      }
    },
    end: () => {
      into.push({
        guid,
        name: attributes.name ?? "",
        description,
        memberCodeGuids,
        memberSourceGuids,
      });
    },
  };
}
