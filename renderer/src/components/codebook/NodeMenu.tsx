/**
 * A code's actions, from its "⋯" button, the context menu or Shift+F10: a sub-code,
 * rename, colour, describe, its passages, pin, merge, move, reorder, delete. Up and
 * Down move between the items, Esc closes and gives the keyboard back to the code.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from "react";
import type { CodeNode } from "../../../../shared/domain.ts";
import { moveAmongSiblings, placeOf } from "../../codebook/moves.ts";
import { useCoding } from "../../stores/coding.ts";
import { useCodebook, type MenuAt } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { useView } from "../../stores/view.ts";
import { useDismiss, useFloatingStyle } from "../coding/floating.ts";
import { ColourChoice } from "./ColourChoice.tsx";
import { focusCodeRow } from "./focus.ts";

export function NodeMenu() {
  const menu = useCodebook((s) => s.menu);
  const node = useProject((s) => (menu ? placeOf(s.codes, menu.codeId)?.node : undefined));
  if (!menu || !node) return null;
  return <MenuPanel key={`${menu.codeId}:${menu.x}:${menu.y}`} menu={menu} node={node} />;
}

/**
 * Moves the keyboard among the menu's items, wrapping at either end; the colours count
 * as one item (Left and Right move among them).
 */
function stepFocus(panel: HTMLElement, step: number): void {
  const stops = [
    ...panel.querySelectorAll<HTMLElement>("[role=menuitem]:not(:disabled), .colour-choice"),
  ];
  const at = stops.findIndex((stop) => stop.contains(document.activeElement));
  const next = stops[(at + step + stops.length) % stops.length];
  if (!next) return;
  if (!next.classList.contains("colour-choice")) next.focus();
  else
    (
      next.querySelector<HTMLElement>("[aria-checked=true]") ?? next.querySelector("button")
    )?.focus();
}

function MenuPanel({ menu, node }: { readonly menu: MenuAt; readonly node: CodeNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = node.id;
  const tree = useProject((s) => s.codes);
  const pinned = useCoding((s) => s.pinned.includes(id));
  const book = useCodebook.getState();
  const close = (refocus = true) => {
    book.openMenu(null);
    if (refocus) focusCodeRow(id);
  };
  useDismiss(ref, () => close(false));
  const style = useFloatingStyle(ref, { x: menu.x, y: menu.y, above: menu.y - 24 }, 236);
  // The panel is hidden until placed, and a hidden element takes no focus.
  const placed = style.visibility === undefined;
  useEffect(() => {
    if (placed) ref.current?.querySelector<HTMLElement>("[role=menuitem]")?.focus();
  }, [placed]);

  const act =
    (action: () => void, refocus = false) =>
    () => {
      close(refocus);
      action();
    };
  const up = moveAmongSiblings(tree, id, -1);
  const down = moveAmongSiblings(tree, id, 1);
  const reorder = (target: typeof up) => () => {
    if (target) void book.move(id, target).then(() => focusCodeRow(id));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (ref.current) stepFocus(ref.current, event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "Tab") {
      event.preventDefault();
    }
  };
  const dialog = (kind: "describe" | "merge" | "move" | "delete") =>
    act(() => book.openDialog({ kind, codeId: id }));

  return (
    <div
      ref={ref}
      className="menu floating-panel code-menu"
      role="menu"
      aria-label={`Actions for ${node.path.join(" > ")}`}
      style={style}
      onKeyDown={onKeyDown}
      onMouseDown={(event) => {
        // Keep the passage selected (a colour input still takes the mouse).
        if (!(event.target as HTMLElement).closest("input")) event.preventDefault();
      }}
    >
      <div className="menu-label code-menu-title">{node.name}</div>
      <Item onClick={act(() => book.startCreating({ parentId: id, kind: "code" }))}>
        New sub-code…
      </Item>
      <Item onClick={act(() => book.setRenaming(id))}>Rename</Item>
      <Item onClick={dialog("describe")}>Describe…</Item>
      <ColourChoice codeId={id} color={node.color} onChosen={() => close()} />
      <hr />
      <Item onClick={act(() => useView.getState().showPassages({ codeId: id }))}>
        Show passages
      </Item>
      <Item onClick={act(() => void useCoding.getState().togglePin(id), true)}>
        {pinned ? "Unpin from the number keys" : "Pin to a number key"}
      </Item>
      <hr />
      <Item onClick={dialog("merge")}>Merge into…</Item>
      <Item onClick={dialog("move")}>Move to…</Item>
      <Item disabled={!up} onClick={act(reorder(up))} shortcut="Alt+↑">
        Move up
      </Item>
      <Item disabled={!down} onClick={act(reorder(down))} shortcut="Alt+↓">
        Move down
      </Item>
      <hr />
      <Item className="danger" onClick={dialog("delete")} shortcut="Del">
        Delete…
      </Item>
    </div>
  );
}

interface ItemProps {
  readonly children: ReactNode;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  readonly shortcut?: string;
  readonly className?: string;
}

function Item({ children, onClick, disabled, shortcut, className }: ItemProps) {
  return (
    <button
      type="button"
      role="menuitem"
      className={className}
      tabIndex={-1}
      disabled={disabled}
      onClick={onClick}
    >
      <span>{children}</span>
      {shortcut && <kbd className="menu-shortcut">{shortcut}</kbd>}
    </button>
  );
}
