/**
 * The import wizard: which file, what the core read in it, the user's mapping, and the
 * run with its progress, conflicts and report. Browser mode starts from a typed path;
 * the desktop shell, which has native file dialogs, opens it with `openWith(paths)`.
 */
import { create } from "zustand";
import type { ApiInput } from "../../../shared/api/contract.ts";
import type { ImportInspection, ImportProgress } from "../../../shared/import/inspection.ts";
import type { ImportReport, ImportSource } from "../../../shared/import/mapping.ts";
import { ApiCallError, call, errorMessage, subscribe } from "../api/client.ts";
import { draftFromInspection, mappingOf, setIdColumn, type MappingDraft } from "../import/draft.ts";

export type SourceOptions = Omit<ImportSource, "paths">;
/** `mapping` covers choosing the file too: the steps show together, top to bottom. */
export type WizardPhase = "mapping" | "importing" | "conflicts" | "done" | "cancelled";
export type ConflictChoice = "keep" | "replace";

interface ImportWizardState {
  readonly open: boolean;
  readonly phase: WizardPhase;
  /** The paths as typed, one a line. */
  readonly pathsText: string;
  /** The paths last read, whether that worked or not, and the reading options chosen for
   * them (encoding, sheet...): a failed first read is often fixed by an option. */
  readonly readPaths: readonly string[] | null;
  readonly options: SourceOptions;
  /** What the shown inspection read; the import reads exactly this, never the text box.
   * Both are null after a failed read. */
  readonly source: ImportSource | null;
  readonly inspection: ImportInspection | null;
  /** The mapping for `readPaths`; kept through a failed read, so a wrong encoding tried
   * on the way loses none of it. */
  readonly draft: MappingDraft | null;
  readonly reading: boolean;
  /** The last failure of a read or an import, in the core's words. */
  readonly error: string | null;
  readonly progress: ImportProgress | null;
  /** The view a run started from: it stays underneath the progress, and errors return to it. */
  readonly runFrom: "mapping" | "conflicts";
  /** The last run's report: its conflicts, or (applied) what it did. */
  readonly report: ImportReport | null;
  readonly choices: Readonly<Record<string, ConflictChoice>>;
  /**
   * Keep all / Replace all when the file has more conflicts than one list shows: it
   * settles the ones not listed too. Null: those wait for the next list.
   */
  readonly restChoice: ConflictChoice | null;
  show(): void;
  openWith(paths: readonly string[]): Promise<void>;
  close(): void;
  setPathsText(text: string): void;
  read(): Promise<void>;
  setOptions(change: SourceOptions): Promise<void>;
  editDraft(change: (draft: MappingDraft) => MappingDraft): void;
  start(): Promise<void>;
  cancelImport(): Promise<void>;
  choose(key: string, choice: ConflictChoice): void;
  chooseAll(choice: ConflictChoice): void;
  applyChoices(): Promise<void>;
  /** Leaves the conflicts unsettled; that run wrote nothing, so nothing is undone. */
  cancelConflicts(): void;
  backToMapping(): void;
}

const closed = {
  open: false,
  phase: "mapping",
  pathsText: "",
  readPaths: null,
  options: {},
  source: null,
  inspection: null,
  draft: null,
  reading: false,
  error: null,
  progress: null,
  runFrom: "mapping",
  report: null,
  choices: {},
  restChoice: null,
} as const satisfies Partial<ImportWizardState>;

/** Paths one a line; quotes from a file manager's "Copy as path" are dropped. */
export function parsePaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .trim(),
    )
    .filter((line) => line !== "");
}

/** Bumped by every read: a slow reply for an older file or option is dropped. */
let inspections = 0;

export const useImportWizard = create<ImportWizardState>()((set, get) => {
  async function inspect(source: ImportSource): Promise<void> {
    const asked = ++inspections;
    set({ reading: true, error: null });
    try {
      const inspection = await call("import.inspect", { source });
      if (asked !== inspections) return;
      set((state) => ({
        reading: false,
        source,
        inspection,
        draft: draftFromInspection(inspection, state.draft),
      }));
    } catch (error) {
      if (asked !== inspections) return;
      set({ reading: false, source: null, inspection: null, error: errorMessage(error) });
    }
  }

  async function run(
    request: ApiInput<"import.run">,
    from: ImportWizardState["runFrom"],
  ): Promise<void> {
    set({ phase: "importing", runFrom: from, progress: null, error: null });
    // Subscribed before the call, so the first batch's progress is not missed.
    const stop = subscribe("import.progress", (progress) => set({ progress }));
    try {
      const report = await call("import.run", request);
      if (report.applied) {
        set({ phase: "done", report });
      } else {
        set((state) => ({
          phase: "conflicts",
          report,
          choices: Object.fromEntries(
            report.conflicts.map((c) => [c.key, state.choices[c.key] ?? "keep"]),
          ),
        }));
      }
    } catch (error) {
      if (error instanceof ApiCallError && error.code === "cancelled") set({ phase: "cancelled" });
      else set({ phase: from, error: errorMessage(error) });
    } finally {
      stop();
    }
  }

  return {
    ...closed,

    show() {
      set({ ...closed, open: true });
    },
    async openWith(paths) {
      set({ ...closed, open: true, pathsText: paths.join("\n") });
      await get().read();
    },
    close() {
      if (get().phase === "importing") return; // cancel first: the run owns the project
      inspections++;
      set(closed);
    },
    setPathsText(pathsText) {
      set({ pathsText });
    },
    async read() {
      const paths = parsePaths(get().pathsText);
      if (paths.length === 0) {
        set({ error: "Type the full path of a file, or of a folder of .docx questionnaires." });
        return;
      }
      // The same files again keep their options and mapping; other files start afresh.
      const { readPaths, options } = get();
      const same = readPaths?.join("\n") === paths.join("\n");
      set(same ? { readPaths: paths } : { readPaths: paths, options: {}, draft: null });
      await inspect({ ...(same ? options : {}), paths });
    },
    async setOptions(change) {
      const paths = get().readPaths;
      if (!paths) return;
      const options: SourceOptions = { ...get().options, ...change };
      // `undefined` means "detect it": the key must go, not travel as undefined.
      for (const key of Object.keys(change) as (keyof SourceOptions)[]) {
        if (options[key] === undefined) delete options[key];
      }
      set({ options });
      await inspect({ ...options, paths: [...paths] });
      // Naming a Word form's id field means: that field identifies the respondents.
      const { draft, inspection } = get();
      const field = change.idField?.trim().toLowerCase();
      const column = field
        ? inspection?.columns.find((c) => c.trim().toLowerCase() === field)
        : undefined;
      if (draft && column) set({ draft: setIdColumn(draft, column) });
    },
    editDraft(change) {
      const draft = get().draft;
      if (draft) set({ draft: change(draft) });
    },
    async start() {
      const { source, draft } = get();
      if (!source || !draft) return;
      await run({ source, mapping: mappingOf(draft), onConflict: "fail" }, "mapping");
    },
    async cancelImport() {
      try {
        await call("import.cancel", {});
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },
    choose(key, choice) {
      set((state) => ({ choices: { ...state.choices, [key]: choice } }));
    },
    chooseAll(choice) {
      set((state) => ({
        choices: Object.fromEntries(Object.keys(state.choices).map((key) => [key, choice])),
        restChoice: choice,
      }));
    },
    async applyChoices() {
      const { source, draft, choices, report, restChoice } = get();
      if (!source || !draft) return;
      // "fail" unless the user settled the unlisted conflicts with Keep all / Replace
      // all: a conflict not in the list is shown next, never settled behind their back.
      const unlisted = report ? report.conflicts_total > report.conflicts.length : false;
      await run(
        {
          source,
          mapping: mappingOf(draft),
          onConflict: unlisted && restChoice ? restChoice : "fail",
          decisions: Object.entries(choices).map(([key, choice]) => ({ key, choice })),
        },
        "conflicts",
      );
    },
    cancelConflicts() {
      set({ phase: "cancelled", error: null });
    },
    backToMapping() {
      set({ phase: "mapping", report: null, choices: {}, restChoice: null, progress: null });
    },
  };
});
