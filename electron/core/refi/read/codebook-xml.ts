/** The frames of a .qdc: <CodeBook> with its <Codes> and <Sets>. */
import type { RefiCode, RefiSet } from "../model.ts";
import { codesFrame, optional, setsFrame } from "./elements.ts";
import type { Leniency } from "./leniency.ts";
import { checkRoot } from "./namespaces.ts";
import type { RootFrame } from "./xml-events.ts";

export interface CodebookDraft {
  origin: string | null;
  readonly codes: RefiCode[];
  readonly sets: RefiSet[];
}

export function codebookRoot(label: string, draft: CodebookDraft, lenient: Leniency): RootFrame {
  return (root) => {
    checkRoot(label, "codebook", root, lenient);
    draft.origin = optional(root.attributes, "origin");
    return {
      child: (name) => {
        if (name === "Codes") return codesFrame(lenient, draft.codes);
        if (name === "Sets") return setsFrame(lenient, draft.sets);
        return undefined;
      },
    };
  };
}
