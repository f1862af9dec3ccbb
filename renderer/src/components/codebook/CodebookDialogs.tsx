/** The codebook's one open dialog, if any; closing it gives the keyboard back to the code. */
import { createPortal } from "react-dom";
import type { CodeNode } from "../../../../shared/domain.ts";
import { placeOf } from "../../codebook/moves.ts";
import { useCodebook, type CodeDialog } from "../../stores/codebook.ts";
import { useProject } from "../../stores/project.ts";
import { CodebookFileDialog } from "./CodebookFileDialog.tsx";
import { DeleteDialog } from "./DeleteDialog.tsx";
import { DescribeDialog } from "./DescribeDialog.tsx";
import { focusCodeRow } from "./focus.ts";
import { MergeDialog } from "./MergeDialog.tsx";
import { MoveDialog } from "./MoveDialog.tsx";

export interface CodeDialogProps {
  readonly node: CodeNode;
  /** Closes the dialog; the keyboard goes back to `focus` (the code, by default). */
  close(focus?: number | null): void;
}

const BY_KIND: Record<CodeDialog, (props: CodeDialogProps) => React.JSX.Element> = {
  describe: DescribeDialog,
  merge: MergeDialog,
  move: MoveDialog,
  delete: DeleteDialog,
};

export function CodebookDialogs() {
  const dialog = useCodebook((s) => s.dialog);
  const codes = useProject((s) => s.codes);
  if (!dialog) return null;
  const hide = () => useCodebook.getState().openDialog(null);
  // On the page itself: the panel's own styles (its small-caps headings) stay out.
  if (!("codeId" in dialog)) {
    // The keyboard goes back to the panel's menu button, where the dialog came from.
    const closeFile = () => {
      hide();
      document.querySelector<HTMLElement>(".codebook-more")?.focus();
    };
    return createPortal(<CodebookFileDialog kind={dialog.kind} close={closeFile} />, document.body);
  }
  const node = placeOf(codes, dialog.codeId)?.node;
  if (!node) return null;
  const Dialog = BY_KIND[dialog.kind];
  const close = (focus: number | null = node.id) => {
    hide();
    if (focus !== null) focusCodeRow(focus);
  };
  return createPortal(
    <Dialog key={`${dialog.kind}:${node.id}`} node={node} close={close} />,
    document.body,
  );
}
