/**
 * The namespaces programs write: 1.0 (the standard), the "1:0" spelling and the old
 * "0:4" draft; none at all is read too. Anything but 1.0 is read with a warning.
 */
import { CairnError } from "../../../../shared/api/errors.ts";
import type { Leniency } from "./leniency.ts";
import type { RootElement } from "./xml-events.ts";

export type RefiDocument = "project" | "codebook";

const ROOT: Record<RefiDocument, string> = { project: "Project", codebook: "CodeBook" };
const WHAT: Record<RefiDocument, string> = {
  project: "a REFI-QDA project",
  codebook: "a REFI-QDA codebook",
};

/** Refuses a root that is not the document's; warns about a namespace other than 1.0. */
export function checkRoot(
  label: string,
  kind: RefiDocument,
  root: RootElement,
  lenient: Leniency,
): void {
  if (root.name !== ROOT[kind]) {
    throw new CairnError(
      "bad_input",
      `${label} is not ${WHAT[kind]}: its XML starts with <${root.name}>, not <${ROOT[kind]}>`,
    );
  }
  const standard = `urn:QDA-XML:${kind}:1.0`;
  if (root.namespace === standard) return;
  if (root.namespace === "") {
    lenient.note(`${label} names no namespace (the standard's is ${standard}); read anyway`);
  } else if (/^urn:QDA-XML:(project|codebook):/i.test(root.namespace)) {
    lenient.note(
      `${label} uses the namespace ${root.namespace}, an older spelling of ${standard}; read anyway`,
    );
  } else {
    lenient.note(`${label} uses the namespace ${root.namespace}, not ${standard}; read anyway`);
  }
}
