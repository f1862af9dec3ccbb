/**
 * The codebook's title row: New code (inside the code the tree is on, if any), New
 * category (at the top level), and the panel's menu: import or export the codebook.
 */
import { useRef, useState } from "react";
import { useCodebook } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { useDismiss } from "../coding/floating.ts";

export function CodebookHeader() {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  useDismiss(menuRef, () => open && setOpen(false));
  const { startCreating, openDialog } = useCodebook.getState();
  const newCode = () => {
    const { current } = useCodebook.getState();
    const exists = current !== null && useProject.getState().codeIndex.has(current);
    startCreating({ parentId: exists ? current : null, kind: "code" });
  };
  const choose = (kind: "import" | "export") => {
    setOpen(false);
    openDialog({ kind });
  };
  return (
    <div className="codebook-header">
      <h2>Codebook</h2>
      <div className="codebook-tools">
        <button type="button" onClick={newCode} title="A new code, inside the selected code">
          + Code
        </button>
        <button
          type="button"
          onClick={() => startCreating({ parentId: null, kind: "category" })}
          title="A new category at the top level: add codes inside it"
        >
          + Category
        </button>
        <div className="codebook-menu-holder" ref={menuRef}>
          <button
            type="button"
            className="codebook-more"
            aria-label="Codebook menu"
            aria-haspopup="menu"
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            ⋯
          </button>
          {open && (
            <div
              className="menu codebook-header-menu"
              role="menu"
              onKeyDown={(event) => {
                if (event.key !== "Escape") return;
                event.preventDefault();
                setOpen(false);
              }}
            >
              <button type="button" role="menuitem" autoFocus onClick={() => choose("import")}>
                Import codebook…
              </button>
              <button type="button" role="menuitem" onClick={() => choose("export")}>
                Export codebook…
              </button>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
