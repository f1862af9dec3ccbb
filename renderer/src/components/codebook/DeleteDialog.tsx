/**
 * Delete a code, after saying what goes with it: "Delete 'X' and its 2 sub-codes? 37
 * coded passages from 12 respondents will be removed. You can undo this."
 */
import { useEffect, useState } from "react";
import type { DeletionImpact } from "../../../../shared/api/codebook-api.ts";
import { deletionSentence } from "../../codebook/sentences.ts";
import { useCodebook } from "../../stores/codebook.ts";
import type { CodeDialogProps } from "./CodebookDialogs.tsx";
import { DialogActions, DialogShell } from "./DialogShell.tsx";

export function DeleteDialog({ node, close }: CodeDialogProps) {
  const [impact, setImpact] = useState<DeletionImpact | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void useCodebook
      .getState()
      .deletionImpact(node.id)
      .then((found) => {
        if (!live) return;
        if (found) setImpact(found);
        else useCodebook.getState().openDialog(null);
      });
    return () => {
      live = false;
    };
  }, [node.id]);
  // Once the figures are in, Enter deletes and Esc keeps.
  useEffect(() => {
    if (impact) document.querySelector<HTMLElement>(".delete-dialog [type=submit]")?.focus();
  }, [impact]);

  const remove = async () => {
    if (!impact || busy) return;
    setBusy(true);
    const deleted = await useCodebook.getState().remove(node.id);
    setBusy(false);
    if (deleted) close(null);
  };

  return (
    <DialogShell
      title={`Delete ${node.name}`}
      className="delete-dialog"
      onSubmit={() => void remove()}
      onCancel={() => close()}
    >
      <p className="dialog-consequence">
        {impact ? deletionSentence(node.name, impact) : "Counting what would be removed…"}
      </p>
      <DialogActions action="Delete" danger disabled={!impact || busy} onCancel={() => close()} />
    </DialogShell>
  );
}
