/**
 * Names a new code and chooses where it goes: inside the code the tree was on (a
 * sub-code) or at the top level. A category is a code that will get children. Enter
 * creates (one undoable step), Esc gives up.
 */
import { useMemo, useState, type FormEvent } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { isComposing } from "../../coding/keys.ts";
import { newCodeProblem } from "../../coding/picker-options.ts";
import { useCodebook, type Creating } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { focusCodeRow } from "./focus.ts";

export function NewCodeField({ creating }: { readonly creating: Creating }) {
  const codeIndex = useProject((s) => s.codeIndex);
  const [name, setName] = useState("");
  const [parent, setParent] = useState<CodeId | null>(creating.parentId);
  const [busy, setBusy] = useState(false);
  const parents = useMemo(() => [...codeIndex.values()], [codeIndex]);
  const wanted = name.replace(/\s+/g, " ").trim();
  const parentPath = parent === null ? [] : (codeIndex.get(parent)?.path ?? []);
  const problem = wanted === "" ? null : newCodeProblem([...parentPath, wanted]);
  const what = creating.kind === "category" ? "category" : "code";

  const cancel = () => {
    useCodebook.getState().startCreating(null);
    const { current } = useCodebook.getState();
    if (current !== null) focusCodeRow(current);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (wanted === "" || problem !== null || busy) return;
    setBusy(true);
    const created = await useCodebook.getState().create(parent, wanted);
    setBusy(false);
    if (created === null) return;
    useCodebook.getState().startCreating(null);
    focusCodeRow(created);
  };

  return (
    <form
      className="new-code"
      aria-label={`New ${what}`}
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key !== "Escape" || isComposing(event.nativeEvent)) return;
        event.preventDefault();
        cancel();
      }}
    >
      <input
        autoFocus
        aria-label={`Name of the new ${what}`}
        placeholder={creating.kind === "category" ? "Category name" : "Code name"}
        value={name}
        maxLength={200}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          // Enter of an input method commits the composed word, not the form.
          if (event.key === "Enter" && isComposing(event.nativeEvent)) event.preventDefault();
        }}
      />
      <label className="new-code-where">
        <span>In</span>
        <select
          aria-label="Where the new code goes"
          value={parent === null ? "" : String(parent)}
          onChange={(event) =>
            setParent(event.target.value === "" ? null : (Number(event.target.value) as CodeId))
          }
        >
          <option value="">Top level</option>
          {parents.map((code) => (
            <option key={code.id} value={code.id}>
              {code.path.join(" > ")}
            </option>
          ))}
        </select>
      </label>
      {problem && <p className="new-code-problem">{problem}.</p>}
      <div className="new-code-actions">
        <button type="button" onClick={cancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={wanted === "" || problem !== null}>
          Create {what}
        </button>
      </div>
    </form>
  );
}
