/**
 * The export and REFI-QDA import dialogs, wherever they were asked for: the browser-mode
 * File menu, or the desktop's native menu (a "menu.command" event, see useCodingKeys).
 */
import { useExport } from "../../stores/export.ts";
import { useProject } from "../../stores/project.ts";
import { ExportDialog } from "./ExportDialog.tsx";
import { RefiImportDialog } from "./RefiImportDialog.tsx";

export function ExportDialogs() {
  const dialog = useExport((s) => s.dialog);
  const projectOpen = useProject((s) => s.summary !== null);
  if (dialog === "export" && projectOpen) return <ExportDialog />;
  if (dialog === "import-refi") return <RefiImportDialog />;
  return null;
}
