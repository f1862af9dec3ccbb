/**
 * The code whose passages are listed: a button naming it, opening the searchable list
 * of every code and category of the codebook (a category means everything below it).
 */
import { useEffect, useRef, useState } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { useProject } from "../../stores/project.ts";
import { CodeChooser } from "../common/CodeChooser.tsx";

interface Props {
  readonly codeId: CodeId | undefined;
  onChoose(codeId: CodeId): void;
  /** Opens the list at once (nothing chosen yet). */
  readonly startOpen?: boolean;
}

export function PassagesCode({ codeId, onChoose, startOpen = false }: Props) {
  const current = useProject((s) => (codeId === undefined ? undefined : s.codeIndex.get(codeId)));
  const hasCodes = useProject((s) => s.codes.length > 0);
  const [open, setOpen] = useState(startOpen && hasCodes);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="passages-code" ref={root}>
      <button
        type="button"
        ref={button}
        className="grid-button passages-code-button"
        aria-expanded={open}
        aria-label={current ? `Code: ${current.path.join(" > ")}` : "Choose a code"}
        onClick={() => setOpen((was) => !was)}
      >
        {current ? (
          <>
            <span className="swatch" style={{ backgroundColor: current.color }} />
            <span className="passages-code-path">{current.path.join(" › ")}</span>
          </>
        ) : (
          <span className="passages-code-path placeholder">Choose a code…</span>
        )}
        <span className="caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {open && (
        <div className="grid-popover-panel align-start passages-code-panel">
          <CodeChooser
            label="Find a code"
            placeholder="Find a code or category…"
            categoryHint="and below"
            currentId={codeId}
            onChoose={(choice) => {
              if (choice.kind !== "code") return;
              onChoose(choice.id);
              close();
            }}
            onCancel={close}
          />
        </div>
      )}
    </div>
  );
}
