/**
 * Which attributes show beside each answer, chosen per project and remembered on this
 * machine (localStorage): a view setting, not part of the project file.
 */
import { create } from "zustand";

const KEY = "cairn.grid.columns";

type Choices = Readonly<Record<string, readonly string[]>>;

interface ColumnsState {
  /** Project path -> the attributes chosen; a project not in here shows them all. */
  readonly chosen: Choices;
  choose(path: string, names: readonly string[]): void;
}

function load(): Choices {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return {};
    const choices: Record<string, string[]> = {};
    for (const [path, names] of Object.entries(parsed)) {
      if (Array.isArray(names)) choices[path] = names.filter((n) => typeof n === "string");
    }
    return choices;
  } catch {
    // A damaged or unavailable store only loses the choice of columns.
    return {};
  }
}

export const useColumns = create<ColumnsState>()((set, get) => ({
  chosen: load(),
  choose(path, names) {
    const chosen = { ...get().chosen, [path]: [...names] };
    set({ chosen });
    try {
      localStorage.setItem(KEY, JSON.stringify(chosen));
    } catch {
      // Private mode or a full store: the choice lasts for this session only.
    }
  },
}));

/** The attribute columns to show, in the project's attribute order. */
export function shownColumns(
  chosen: Choices,
  path: string | undefined,
  attributes: readonly string[],
): readonly string[] {
  const names = path === undefined ? undefined : chosen[path];
  if (names === undefined) return attributes;
  return attributes.filter((name) => names.includes(name));
}
