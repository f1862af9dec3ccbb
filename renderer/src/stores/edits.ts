/**
 * The one place where the result of an edit (coding, memo, status, undo...) reaches the
 * screen: the touched rows are swapped in place, the codebook and the project summary
 * are fetched again only when the edit says they changed, and the history's labels feed
 * the Undo and Redo buttons. Nothing is shown before the core has written it, so a
 * failed edit leaves the screen as it was and says why in the error banner.
 */
import { create } from "zustand";
import type { ApiEvents } from "../../../shared/api/contract.ts";
import type { HistoryState, ProjectEdit, ProjectSummary } from "../../../shared/domain.ts";
import { call, errorMessage, subscribe } from "../api/client.ts";
import { useAnswers } from "./answers.ts";
import { useProject } from "./project.ts";

interface EditsState {
  readonly history: HistoryState;
  /** The last announcement for screen readers ("Applied Safety to R12"). */
  readonly announcement: { readonly text: string; readonly serial: number };
  /** Edits sent and not answered yet. */
  readonly pending: number;
  /** Reads the project's history (after opening it: its undo survives a restart). */
  loadHistory(): Promise<void>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  announce(text: string): void;
}

const NO_HISTORY: HistoryState = { undo: null, redo: null };

/**
 * Summaries fetched after an edit. The app reloads every shown row when a new summary
 * arrives (an import...), but an edit's rows are already fresh: these skip that reload.
 */
const editSummaries = new WeakSet<ProjectSummary>();

export function cameFromEdit(summary: ProjectSummary | null): boolean {
  return summary !== null && editSummaries.has(summary);
}

export const useEdits = create<EditsState>()((set, get) => ({
  history: NO_HISTORY,
  announcement: { text: "", serial: 0 },
  pending: 0,

  async loadHistory() {
    try {
      set({ history: await call("history.state", {}) });
    } catch {
      // No project, or one made before history existed: nothing to undo.
      set({ history: NO_HISTORY });
    }
  },

  undo: () => stepHistory("undo"),
  redo: () => stepHistory("redo"),

  announce(text) {
    set({ announcement: { text, serial: get().announcement.serial + 1 } });
  },
}));

async function stepHistory(direction: "undo" | "redo"): Promise<void> {
  const label = useEdits.getState().history[direction];
  if (label === null) {
    useEdits.getState().announce(direction === "undo" ? "Nothing to undo" : "Nothing to redo");
    return;
  }
  const name = direction === "undo" ? "history.undo" : "history.redo";
  await runEdit(
    () => call(name, {}),
    (edit) => `${direction === "undo" ? "Undid" : "Redid"} ${edit.label ?? label}`,
  );
}

/**
 * Sends an edit and takes in its result; on failure, shows the core's sentence and
 * answers null. `describe` names what happened for screen readers.
 */
export async function runEdit<T extends ProjectEdit>(
  perform: () => Promise<T>,
  describe?: (result: T) => string,
): Promise<T | null> {
  useEdits.setState((s) => ({ pending: s.pending + 1 }));
  try {
    const result = await perform();
    ownEdits.push(editKey(result.answers.map((row) => row.answerId)));
    if (ownEdits.length > 50) ownEdits.shift();
    await applyEdit(result);
    if (describe) useEdits.getState().announce(describe(result));
    return result;
  } catch (error) {
    useProject.getState().reportError(errorMessage(error));
    return null;
  } finally {
    useEdits.setState((s) => ({ pending: s.pending - 1 }));
    drainEvents();
  }
}

/** Puts an edit's result on screen: rows in place, then codebook and summary if changed. */
export async function applyEdit(edit: ProjectEdit): Promise<void> {
  useAnswers.getState().patchRows(edit.answers);
  useEdits.setState({ history: edit.history });
  // A whole question marked done (or its undo) touches no answer by id, yet every row
  // of the question shows the mark: those rows are reloaded in place, alongside the
  // summary, so the header and the rows change together.
  // An edit that touched more answers than it could send back (a code merged, hits
  // auto-coded) asks for the same.
  const rowsToo = edit.reloadRows === true || (edit.summaryChanged && edit.answers.length === 0);
  await Promise.all([
    refreshProject(edit.codebookChanged, edit.summaryChanged),
    rowsToo ? useAnswers.getState().refresh() : undefined,
  ]);
}

async function refreshProject(codebook: boolean, summary: boolean): Promise<void> {
  if (!codebook && !summary) return;
  const [codes, fresh] = await Promise.all([
    codebook ? call("codes.tree", {}) : undefined,
    summary ? call("project.current", {}) : undefined,
  ]);
  if (fresh) editSummaries.add(fresh);
  useProject.getState().takeEdited({
    ...(codes ? { codes } : {}),
    ...(fresh ? { summary: fresh } : {}),
  });
}

// ---- Edits made elsewhere (another window on the same project) ------------------------
//
// The core tells every window about every edit, this one's included. This window's own
// edits are already on screen when their reply comes; an event that matches one is
// dropped, the others fetch the rows they touched.

type EditedEvent = ApiEvents["project.edited"];

const ownEdits: string[] = [];
let queued: EditedEvent[] = [];

function editKey(ids: readonly number[]): string {
  return [...ids].sort((a, b) => a - b).join(",");
}

function drainEvents(): void {
  if (useEdits.getState().pending > 0 || queued.length === 0) return;
  const foreign = queued.filter((event) => {
    const own = ownEdits.indexOf(editKey(event.answerIds));
    if (own === -1) return true;
    ownEdits.splice(own, 1);
    return false;
  });
  queued = [];
  if (foreign.length > 0) void takeForeignEdits(foreign);
}

async function takeForeignEdits(events: readonly EditedEvent[]): Promise<void> {
  const shown = new Set(useAnswers.getState().rows.map((row) => row.answerId as number));
  const ids = [...new Set(events.flatMap((e) => e.answerIds))].filter((id) => shown.has(id));
  try {
    const [rows, history] = await Promise.all([
      ids.length > 0 ? call("answers.get", { answerIds: ids.slice(0, 500) }) : [],
      call("history.state", {}),
    ]);
    // An edit of this window started meanwhile: its reply is fresher than these rows.
    if (useEdits.getState().pending > 0) return;
    useAnswers.getState().patchRows(rows);
    useEdits.setState({ history });
    await refreshProject(
      events.some((e) => e.codebookChanged),
      events.some((e) => e.summaryChanged),
    );
  } catch {
    // The next edit or reload brings the rows; nothing this window did is lost.
  }
}

let listening = false;

/** Listens for other windows' edits; once per page. */
export function listenForEdits(): void {
  if (listening) return;
  listening = true;
  subscribe("project.edited", (event) => {
    queued.push(event);
    // Give this window's own reply a moment to arrive and claim the event.
    setTimeout(drainEvents, 150);
  });
}
