/**
 * A code's name, edited in place in the codebook (F2 or double-click): Enter renames
 * (one undoable step), Esc or leaving the field keeps the old name.
 */
import { useState } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { isComposing } from "../../coding/keys.ts";
import { useCoding } from "../../stores/coding.ts";

interface Props {
  readonly codeId: CodeId;
  readonly name: string;
  readonly onDone: () => void;
}

export function RenameField({ codeId, name, onDone }: Props) {
  const [value, setValue] = useState(name);
  const submit = async () => {
    const wanted = value.trim();
    if (wanted === "" || wanted === name) {
      onDone();
      return;
    }
    if (await useCoding.getState().renameCode(codeId, wanted)) onDone();
  };
  return (
    <input
      className="rename-field"
      autoFocus
      aria-label={`New name for ${name}`}
      value={value}
      maxLength={200}
      onChange={(event) => setValue(event.target.value)}
      onFocus={(event) => event.currentTarget.select()}
      onBlur={onDone}
      onKeyDown={(event) => {
        // Enter and Esc of an input method finish or cancel the word being composed.
        if (isComposing(event.nativeEvent)) return;
        if (event.key === "Enter") {
          event.preventDefault();
          void submit();
        } else if (event.key === "Escape") {
          event.preventDefault();
          onDone();
        }
      }}
    />
  );
}
