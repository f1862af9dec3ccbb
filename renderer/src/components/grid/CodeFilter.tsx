/**
 * Filter by coding: answers that have a code (a category counting its whole subtree),
 * lack it, have any code, or none yet; optionally looking at one coder's work only.
 */
import type { CodeNode } from "../../../../shared/domain.ts";
import { codedFilter, codedMode, type AnswerFilter, type CodedMode } from "../../grid/query.ts";
import { useProject } from "../../stores/project.ts";

const MODES: readonly { readonly mode: CodedMode; readonly label: string }[] = [
  { mode: "off", label: "Any coding" },
  { mode: "has", label: "Has code…" },
  { mode: "lacks", label: "Lacks code…" },
  { mode: "any", label: "Has any code" },
  { mode: "none", label: "Not coded yet" },
];

export function CodeFilter({
  filter,
  onChange,
}: {
  readonly filter: AnswerFilter;
  onChange(filter: AnswerFilter): void;
}) {
  const codes = useProject((s) => s.codes);
  const coders = useProject((s) => s.summary?.coders) ?? [];
  const mode = codedMode(filter.coded);
  const codeId = filter.coded?.codeId;
  const coderId = filter.coded?.coderId;
  const options = flatten(codes);
  const update = (next: {
    mode?: CodedMode;
    codeId?: number | undefined;
    coderId?: number | undefined;
  }) => {
    const nextMode = next.mode ?? mode;
    const nextCode = "codeId" in next ? next.codeId : (codeId ?? options[0]?.node.id);
    const nextCoder = "coderId" in next ? next.coderId : coderId;
    onChange({
      ...filter,
      coded: codedFilter(nextMode, needsCodes(nextMode) ? nextCode : undefined, nextCoder),
    });
  };

  return (
    <fieldset className="filter-section">
      <legend>Coding</legend>
      <div className="filter-row">
        <select
          aria-label="Coding"
          value={mode}
          onChange={(event) => update({ mode: event.target.value as CodedMode })}
        >
          {MODES.map(({ mode: value, label }) => (
            <option key={value} value={value} disabled={needsCodes(value) && !options.length}>
              {label}
            </option>
          ))}
        </select>
        {needsCodes(mode) && (
          <select
            aria-label="Code"
            value={codeId ?? ""}
            onChange={(event) => update({ codeId: Number(event.target.value) })}
          >
            {options.map(({ node, depth }) => (
              <option key={node.id} value={node.id} title={node.path.join(" > ")}>
                {"\u2003".repeat(depth)}
                {node.name}
                {node.children.length > 0 ? " (and below)" : ""}
              </option>
            ))}
          </select>
        )}
      </div>
      {mode !== "off" && coders.length > 0 && (
        <div className="filter-row">
          <span className="filter-hint">by</span>
          <select
            aria-label="Coder"
            value={coderId ?? ""}
            onChange={(event) =>
              update({
                coderId: event.target.value ? Number(event.target.value) : undefined,
              })
            }
          >
            <option value="">any coder</option>
            {coders.map((coder) => (
              <option key={coder.id} value={coder.id}>
                {coder.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </fieldset>
  );
}

function needsCodes(mode: CodedMode): boolean {
  return mode === "has" || mode === "lacks";
}

/** The code tree as a list, each code with its depth, for an indented picker. */
function flatten(
  nodes: readonly CodeNode[],
  depth = 0,
): { readonly node: CodeNode; readonly depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}
