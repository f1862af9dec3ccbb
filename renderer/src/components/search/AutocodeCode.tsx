/**
 * The code auto-coding applies: chosen from the codebook, or a new path typed as
 * "A > B". Once chosen it shows as a chip with a Change button.
 */
import { useState } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import type { CodeRef } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";
import { codeAtPath } from "../../search/code-ref.ts";
import { codeRefLabel, useSearch } from "../../stores/search.ts";
import { CodeChooser, type CodeChoice } from "../common/CodeChooser.tsx";

export function AutocodeCode({ code }: { readonly code: CodeRef | null }) {
  const codeIndex = useProject((s) => s.codeIndex);
  const [changing, setChanging] = useState(false);
  if (code && !changing) {
    const existing =
      "id" in code ? codeIndex.get(code.id as CodeId) : codeAtPath(codeIndex, code.path);
    return (
      <div className="autocode-code-chosen">
        {existing && <span className="swatch" style={{ backgroundColor: existing.color }} />}
        <span className="autocode-code-name">{codeRefLabel(code)}</span>
        {!existing && <span className="autocode-new">new code</span>}
        <button type="button" className="grid-button" onClick={() => setChanging(true)}>
          Change…
        </button>
      </div>
    );
  }
  const choose = (choice: CodeChoice) => {
    if (choice.kind === "top") return;
    setChanging(false);
    useSearch
      .getState()
      .chooseCode(choice.kind === "code" ? { id: choice.id } : { path: [...choice.path] });
  };
  return (
    <div className="autocode-code-search">
      <CodeChooser
        label="Code to apply"
        placeholder="Find a code, or type a new one (A > B nests)"
        create
        onChoose={choose}
        onCancel={code ? () => setChanging(false) : undefined}
      />
    </div>
  );
}
