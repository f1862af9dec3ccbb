/**
 * Merge a code into another, chosen from a searchable list: the dialog says what will
 * happen before it does (its passages move, its sub-codes move, it goes), and the merge
 * is one undoable step.
 */
import { useEffect, useMemo, useState } from "react";
import type { CodeCount } from "../../../../shared/api/codebook-api.ts";
import type { CodeId } from "../../../../shared/domain.ts";
import { call } from "../../api/client.ts";
import { mergeSentence } from "../../codebook/sentences.ts";
import { useCodebook } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { CodeChooser, type CodeChoice } from "../common/CodeChooser.tsx";
import type { CodeDialogProps } from "./CodebookDialogs.tsx";
import { DialogActions, DialogShell } from "./DialogShell.tsx";
import { branchIds } from "./subtree.ts";

export function MergeDialog({ node, close }: CodeDialogProps) {
  const excluded = useMemo(() => branchIds(node), [node]);
  const [chosen, setChosen] = useState<CodeChoice | null>(null);
  const [own, setOwn] = useState<CodeCount | null>(null);
  const [busy, setBusy] = useState(false);
  const target = useProject((s) =>
    chosen?.kind === "code" ? s.codeIndex.get(chosen.id) : undefined,
  );

  // Every coder's passages move, whatever the coder view shows: count them all.
  useEffect(() => {
    call("codes.counts", {}).then(
      (result) => setOwn(result.counts.find((c) => c.codeId === node.id) ?? null),
      () => setOwn(null),
    );
  }, [node.id]);

  const merge = async () => {
    if (!target || busy) return;
    setBusy(true);
    const merged = await useCodebook.getState().merge([node.id], target.id);
    setBusy(false);
    if (merged) close(target.id as CodeId);
  };

  return (
    <DialogShell
      title={`Merge ${node.name} into another code`}
      className="merge-dialog"
      onSubmit={() => void merge()}
      onCancel={() => close()}
    >
      <CodeChooser label="Merge into" showLabel excluded={excluded} onHighlight={setChosen} />
      <p className="dialog-consequence" aria-live="polite">
        {target
          ? mergeSentence(node.name, target.path.join(" > "), own, node.children.length)
          : "Choose the code that takes its passages."}
      </p>
      <DialogActions action="Merge" disabled={!target || busy} onCancel={() => close()} />
    </DialogShell>
  );
}
