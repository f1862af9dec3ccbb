/**
 * The tabs over the middle of the window: code answers, search them (and auto-code),
 * read the passages of a code (and copy quotes), see which codes go together, or read
 * the frequencies for the report, or compare two coders and settle their differences.
 */
import { useView, type MainView } from "../stores/view.ts";
import { Tabs } from "./common/Tabs.tsx";

const TABS: readonly { readonly id: MainView; readonly label: string }[] = [
  { id: "coding", label: "Answers" },
  { id: "search", label: "Search" },
  { id: "passages", label: "Passages" },
  { id: "cooccurrence", label: "Co-occurrence" },
  { id: "frequencies", label: "Frequencies" },
  { id: "agreement", label: "Agreement" },
];

export function ViewTabs() {
  const view = useView((s) => s.view);
  const show = useView((s) => s.show);
  return <Tabs tabs={TABS} selected={view} onSelect={show} label="Views" className="view-tabs" />;
}
