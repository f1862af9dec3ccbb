/**
 * Move a code (with its branch) into another code or to the top level, chosen from a
 * searchable list; its own branch is not offered. It goes last among its new siblings.
 */
import { useMemo, useState } from "react";
import type { CodeId } from "../../../../shared/domain.ts";
import { placeOf } from "../../codebook/moves.ts";
import { CodeChooser, type CodeChoice } from "../common/CodeChooser.tsx";
import { useCodebook } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import type { CodeDialogProps } from "./CodebookDialogs.tsx";
import { DialogActions, DialogShell } from "./DialogShell.tsx";
import { branchIds } from "./subtree.ts";

export function MoveDialog({ node, close }: CodeDialogProps) {
  const tree = useProject((s) => s.codes);
  const codeIndex = useProject((s) => s.codeIndex);
  const excluded = useMemo(() => branchIds(node), [node]);
  const currentParent = placeOf(tree, node.id)?.parent?.id ?? null;
  const [chosen, setChosen] = useState<CodeChoice | null>(null);
  const [busy, setBusy] = useState(false);
  const parentId: CodeId | null = chosen?.kind === "code" ? chosen.id : null;
  const unchanged = chosen !== null && parentId === currentParent;
  const where =
    parentId === null ? "the top level" : `“${codeIndex.get(parentId)?.path.join(" > ")}”`;

  const move = async () => {
    if (chosen === null || unchanged || busy) return;
    const siblings = parentId === null ? tree : (placeOf(tree, parentId)?.node.children ?? []);
    setBusy(true);
    const moved = await useCodebook
      .getState()
      .move(node.id, { parentId, position: siblings.length });
    setBusy(false);
    if (moved) close();
  };

  return (
    <DialogShell
      title={`Move ${node.name}`}
      className="move-dialog"
      onSubmit={() => void move()}
      onCancel={() => close()}
    >
      <CodeChooser
        label="Move into"
        showLabel
        excluded={excluded}
        topLevel
        onHighlight={setChosen}
      />
      <p className="dialog-consequence" aria-live="polite">
        {chosen === null
          ? "Choose where it goes."
          : unchanged
            ? `It is already in ${where}.`
            : `“${node.name}”${node.children.length > 0 ? " and its sub-codes" : ""} will go last in ${where}.`}
      </p>
      <DialogActions
        action="Move"
        disabled={chosen === null || unchanged || busy}
        onCancel={() => close()}
      />
    </DialogShell>
  );
}
