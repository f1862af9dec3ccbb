/**
 * The frequencies view's toolbar: which question, whose coding, which respondents (the
 * grid's attribute filter, shown as chips and in a sentence with its "5 of 15"), and the
 * mode: Tables | Crosstab | Response rate; Export… takes the Frequencies sheet as shown.
 */
import { filterText } from "../../../../shared/tally/report-sentences.ts";
import { useExport } from "../../stores/export.ts";
import {
  useFrequencies,
  useFrequencyQuestion,
  useFrequencyScope,
  type FrequencyMode,
} from "../../stores/frequencies.ts";
import { useProject } from "../../stores/project.ts";
import { Tabs } from "../common/Tabs.tsx";
import { AttributeValuesFilter } from "../passages/AttributeValuesFilter.tsx";
import { CoderSelect, QuestionField } from "../passages/Selects.tsx";

const MODES: readonly { readonly id: FrequencyMode; readonly label: string }[] = [
  { id: "tables", label: "Tables" },
  { id: "crosstab", label: "Crosstab" },
  { id: "rate", label: "Response rate" },
];

interface Props {
  /** Respondents the filter keeps, once counted; null while counting. */
  readonly filtered: number | null;
}

export function FrequenciesToolbar({ filtered }: Props) {
  const questionId = useFrequencyQuestion();
  const coder = useFrequencies((s) => s.coder);
  const attributes = useFrequencies((s) => s.attributes);
  const mode = useFrequencies((s) => s.mode);
  const { setQuestion, setCoder, setAttributes, setMode } = useFrequencies.getState();
  // Response rates count everyone who answered, whoever coded what.
  const scoped = mode !== "rate";
  const coderId = useFrequencyScope().coderId;
  // The Frequencies sheet alone, counted as the tab counts: its coder and its filter.
  const exportSheet = () =>
    useExport.getState().show("export", {
      sheets: ["frequencies"],
      coding: coderId ?? "all",
      applyFilter: scoped && attributes.length > 0,
    });

  return (
    <div className="grid-toolbar retrieval-toolbar frequencies-toolbar">
      <div className="grid-controls">
        <QuestionField value={questionId} onChange={(id) => setQuestion(id ?? "all")} />
        {scoped && <CoderSelect value={coder} onChange={setCoder} />}
        {scoped && <AttributeValuesFilter value={attributes} onChange={setAttributes} />}
        <span className="grid-spacer" />
        <Tabs
          tabs={MODES}
          selected={mode}
          onSelect={setMode}
          label="Frequencies mode"
          className="mode-tabs"
        />
        <button
          type="button"
          className="grid-button"
          title="The frequency tables to a workbook or CSV, as counted here"
          onClick={exportSheet}
        >
          Export…
        </button>
      </div>
      {scoped && attributes.length > 0 && <FilterLine filtered={filtered} />}
    </div>
  );
}

/** "Only respondents with Country = Ireland: 5 of 15", with a chip per value. */
function FilterLine({ filtered }: Props) {
  const attributes = useFrequencies((s) => s.attributes);
  const total = useProject((s) => s.summary?.respondents ?? 0);
  const { setAttributes } = useFrequencies.getState();
  const without = (name: string, value: string) =>
    attributes.map((a) =>
      a.name === name ? { name, values: a.values.filter((v) => v !== value) } : a,
    );
  return (
    <div className="grid-summary frequencies-filter">
      <span data-testid="frequencies-filter">
        Only respondents with {filterText(attributes)}
        {filtered !== null && `: ${filtered.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </span>
      <ul className="grid-chips" aria-label="Active filters">
        {attributes.flatMap((a) =>
          a.values.map((value) => (
            <li key={`${a.name}\n${value}`} className="grid-chip">
              <span>
                {a.name} = {value}
              </span>
              <button
                type="button"
                aria-label={`Remove filter: ${a.name} = ${value}`}
                onClick={() => setAttributes(without(a.name, value))}
              >
                ×
              </button>
            </li>
          )),
        )}
      </ul>
      <button type="button" className="link-button grid-clear" onClick={() => setAttributes([])}>
        Clear filter
      </button>
    </div>
  );
}
