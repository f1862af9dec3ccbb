/**
 * The hand-over dialogs, wherever they were asked for: the browser-mode File menu, or
 * the desktop's native File menu (a "menu.command" event).
 */
import { useEffect } from "react";
import { subscribe } from "../../api/client.ts";
import { useCoderFiles } from "../../stores/coder-files.ts";
import { MergeCoderDialog } from "./MergeCoderDialog.tsx";
import { PrepareCoderDialog } from "./PrepareCoderDialog.tsx";

export function CoderFileDialogs() {
  const open = useCoderFiles((s) => s.open);
  const close = useCoderFiles((s) => s.close);
  useEffect(
    () =>
      subscribe("menu.command", ({ command }) => {
        if (command === "prepare-coder") useCoderFiles.getState().show("prepare");
        if (command === "merge-coder") useCoderFiles.getState().show("merge");
      }),
    [],
  );
  if (open === "prepare") return <PrepareCoderDialog close={close} />;
  if (open === "merge") return <MergeCoderDialog close={close} />;
  return null;
}
