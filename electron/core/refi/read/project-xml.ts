/** The frames of a .qde: <Project> and everything Cairn reads from it. */
import type {
  RefiCase,
  RefiCode,
  RefiSet,
  RefiUser,
  RefiVariable,
  RefiVariableValue,
} from "../model.ts";
import { codesFrame, descriptionFrame, optional, refFrame, setsFrame } from "./elements.ts";
import type { Leniency } from "./leniency.ts";
import { checkRoot } from "./namespaces.ts";
import {
  SKIPPED_SOURCE_KINDS,
  textSourceFrame,
  variableValueFrame,
  type TextDraft,
} from "./sources-xml.ts";
import type { Attributes, Frame, RootFrame } from "./xml-events.ts";

export interface ProjectDraft {
  name: string | null;
  origin: string | null;
  description: string | null;
  readonly users: RefiUser[];
  readonly codes: RefiCode[];
  readonly variables: RefiVariable[];
  readonly cases: RefiCase[];
  readonly sources: TextDraft[];
  readonly notes: TextDraft[];
  readonly sets: RefiSet[];
  readonly skippedSources: Record<string, number>;
}

export function emptyProjectDraft(): ProjectDraft {
  return {
    name: null,
    origin: null,
    description: null,
    users: [],
    codes: [],
    variables: [],
    cases: [],
    sources: [],
    notes: [],
    sets: [],
    skippedSources: {},
  };
}

export function projectRoot(label: string, draft: ProjectDraft, lenient: Leniency): RootFrame {
  return (root) => {
    checkRoot(label, "project", root, lenient);
    draft.name = optional(root.attributes, "name");
    draft.origin = optional(root.attributes, "origin");
    return {
      child: (name) => {
        switch (name) {
          case "Users":
            return listFrame("User", (attributes) => userFrame(attributes, lenient, draft.users));
          case "CodeBook":
            return {
              child: (child) => (child === "Codes" ? codesFrame(lenient, draft.codes) : undefined),
            };
          case "Variables":
            return listFrame("Variable", (a) => variableFrame(a, lenient, draft.variables));
          case "Cases":
            return listFrame("Case", (a) => caseFrame(a, lenient, draft.cases));
          case "Sources":
            return sourcesFrame(lenient, draft);
          case "Notes":
            return listFrame("Note", (a) => textSourceFrame("Note", a, lenient, draft.notes));
          case "Sets":
            return setsFrame(lenient, draft.sets);
          case "Description":
            return descriptionFrame((text) => (draft.description = text));
          default:
            return undefined;
        }
      },
    };
  };
}

function listFrame(element: string, item: (attributes: Attributes) => Frame): Frame {
  return { child: (name, attributes) => (name === element ? item(attributes) : undefined) };
}

function userFrame(attributes: Attributes, lenient: Leniency, into: RefiUser[]): Frame {
  into.push({ guid: lenient.guid("User", attributes.guid), name: optional(attributes, "name") });
  return {};
}

const VARIABLE_TYPES = ["Text", "Boolean", "Integer", "Float", "Date", "DateTime"] as const;

function variableFrame(attributes: Attributes, lenient: Leniency, into: RefiVariable[]): Frame {
  const guid = lenient.guid("Variable", attributes.guid);
  const written = attributes.typeOfVariable?.trim() ?? "";
  const type = VARIABLE_TYPES.find((known) => known.toLowerCase() === written.toLowerCase());
  if (type === undefined) lenient.unknownVariableType(written === "" ? "none" : written);
  let description: string | null = null;
  return {
    child: (name) =>
      name === "Description" ? descriptionFrame((text) => (description = text)) : undefined,
    end: () => {
      into.push({ guid, name: attributes.name ?? "", type: type ?? "Text", description });
    },
  };
}

function caseFrame(attributes: Attributes, lenient: Leniency, into: RefiCase[]): Frame {
  const guid = lenient.guid("Case", attributes.guid);
  const values: RefiVariableValue[] = [];
  const sourceGuids: string[] = [];
  let description: string | null = null;
  return {
    child: (name, childAttributes) => {
      switch (name) {
        case "Description":
          return descriptionFrame((text) => (description = text));
        case "VariableValue":
          return variableValueFrame(values);
        case "SourceRef":
          return refFrame(childAttributes, sourceGuids);
        default:
          return undefined;
      }
    },
    end: () => {
      into.push({ guid, name: optional(attributes, "name"), description, values, sourceGuids });
    },
  };
}

function sourcesFrame(lenient: Leniency, draft: ProjectDraft): Frame {
  return {
    child: (name, attributes) => {
      if (name === "TextSource") return textSourceFrame(name, attributes, lenient, draft.sources);
      const kind = SKIPPED_SOURCE_KINDS[name];
      if (kind !== undefined) draft.skippedSources[kind] = (draft.skippedSources[kind] ?? 0) + 1;
      return undefined;
    },
  };
}
