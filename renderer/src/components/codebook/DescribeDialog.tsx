/**
 * What a code means, for everyone coding with it: its definition, when to use it, when
 * not to (a neighbouring code fits better), and an example. Saved as one undoable step;
 * the definition shows when the pointer rests on the code.
 */
import { useState } from "react";
import { useCodebook, type Description } from "../../stores/codebook.ts";
import type { CodeDialogProps } from "./CodebookDialogs.tsx";
import { DialogActions, DialogShell } from "./DialogShell.tsx";

const FIELDS: readonly { key: keyof Description; label: string; hint: string }[] = [
  { key: "description", label: "Definition", hint: "What the code means" },
  { key: "whenToUse", label: "When to use", hint: "The passages it is for" },
  { key: "whenNotToUse", label: "When not to use", hint: "Where another code fits better" },
  { key: "example", label: "Example", hint: "A typical passage" },
];

export function DescribeDialog({ node, close }: CodeDialogProps) {
  const [fields, setFields] = useState<Description>({
    description: node.description,
    whenToUse: node.whenToUse,
    whenNotToUse: node.whenNotToUse,
    example: node.example,
  });
  const [busy, setBusy] = useState(false);
  const changed = FIELDS.some(({ key }) => fields[key] !== node[key]);
  const save = async () => {
    if (!changed) {
      close();
      return;
    }
    setBusy(true);
    const saved = await useCodebook.getState().describe(node.id, fields);
    setBusy(false);
    if (saved) close();
  };
  return (
    <DialogShell
      title={`Describe ${node.path.join(" > ")}`}
      className="describe-dialog"
      onSubmit={() => void save()}
      onCancel={() => close()}
    >
      {FIELDS.map(({ key, label, hint }, index) => (
        <label key={key}>
          {label}
          <textarea
            autoFocus={index === 0}
            rows={key === "description" ? 3 : 2}
            placeholder={hint}
            value={fields[key]}
            maxLength={20_000}
            onChange={(event) => setFields({ ...fields, [key]: event.target.value })}
            onKeyDown={(event) => {
              // Ctrl+Enter saves from any field; Enter alone starts a new line.
              if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                void save();
              }
            }}
          />
        </label>
      ))}
      <DialogActions action="Save" disabled={busy} onCancel={() => close()} />
    </DialogShell>
  );
}
