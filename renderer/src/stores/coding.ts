/**
 * Coding: who is coding, whose segments show, what is selected, the codes on the number
 * keys, and the coding actions themselves. Every action goes through `runEdit`, so its
 * result (fresh rows, codebook, summary, history) reaches the screen in one place.
 */
import { create } from "zustand";
import type { ApiInput } from "../../../shared/api/contract.ts";
import { coderNameKey } from "../../../shared/coders.ts";
import type {
  AnswerId,
  AnswerRow,
  CodeId,
  CoderId,
  ProjectSummary,
  QuestionId,
  SegmentId,
} from "../../../shared/domain.ts";
import { call, errorMessage } from "../api/client.ts";
import type { CoderView } from "../coding/segments.ts";
import { rememberRecent, shortcutCodes, togglePinned } from "../coding/shortcuts.ts";
import { useAnswers } from "./answers.ts";
import { runEdit } from "./edits.ts";
import { useProject } from "./project.ts";

export type CodeRef = ApiInput<"coding.apply">["code"];
export type MemoTarget = ApiInput<"coding.setMemo">["target"];

/** A passage of one answer (UTF-16, end exclusive), or the whole answer without offsets. */
export interface CodingTarget {
  readonly answerId: AnswerId;
  readonly start?: number;
  readonly end?: number;
}

export interface TextSelection {
  readonly answerId: AnswerId;
  readonly start: number;
  readonly end: number;
}

interface CodingState {
  /** This machine's coder, as typed; null until chosen. */
  readonly coder: string | null;
  readonly view: CoderView;
  /**
   * Blind mode (a setting of this machine, decision 0015): only this coder's segments
   * and figures show anywhere, so another coder's work cannot prime theirs. While it is
   * on, the view stays "mine".
   */
  readonly blind: boolean;
  /** The passage selected in an answer right now. */
  readonly selection: TextSelection | null;
  /** The answer last clicked, selected in or focused: "code the whole answer" acts on it. */
  readonly activeAnswerId: AnswerId | null;
  readonly pinned: readonly CodeId[];
  /** Codes applied in this session, most recent first. */
  readonly recent: readonly CodeId[];
  /** The "who is coding?" prompt is open. */
  readonly askingCoder: boolean;
  /** Reads the coder's name and the pinned codes (a project was opened). */
  load(): Promise<void>;
  setCoder(name: string): Promise<void>;
  cancelCoderPrompt(): void;
  askCoder(): void;
  setView(view: CoderView): void;
  setBlind(blind: boolean): Promise<void>;
  select(selection: TextSelection | null): void;
  setActiveAnswer(answerId: AnswerId | null): void;
  togglePin(codeId: CodeId): Promise<void>;
  renameCode(codeId: CodeId, name: string): Promise<boolean>;
  apply(code: CodeRef, target: CodingTarget): Promise<boolean>;
  remove(segmentIds: readonly SegmentId[]): Promise<boolean>;
  recode(segmentId: SegmentId, code: CodeRef): Promise<SegmentId | null>;
  adjust(segmentId: SegmentId, start: number, end: number): Promise<SegmentId | null>;
  setMemo(target: MemoTarget, text: string): Promise<boolean>;
  markDone(questionId: QuestionId, done: boolean, answerIds?: readonly AnswerId[]): Promise<void>;
  setStatus(answerId: AnswerId, status: "answered" | "non_response"): Promise<void>;
}

/** The coder view when blind mode was turned on. */
let viewBeforeBlind: CoderView = "all";

/** Runs once a coder is chosen: the action that asked for one. */
let afterCoderChosen: ((coder: string) => Promise<unknown>) | null = null;

/** Runs `action` with the coder's name, asking for the name first if nobody chose one. */
function withCoder<T>(action: (coder: string) => Promise<T>, fallback: T): Promise<T> {
  const { coder } = useCoding.getState();
  if (coder !== null) return action(coder);
  afterCoderChosen = action;
  useCoding.setState({ askingCoder: true });
  return Promise.resolve(fallback);
}

function rowOf(answerId: AnswerId): AnswerRow | undefined {
  return useAnswers.getState().rows.find((row) => row.answerId === answerId);
}

function codeLabel(codeId: CodeId): string {
  return useProject.getState().codeIndex.get(codeId)?.path.join(" > ") ?? "the code";
}

function answerLabel(answerId: AnswerId): string {
  const row = rowOf(answerId);
  if (!row) return "the answer";
  return useAnswers.getState().target?.kind === "respondent" ? row.question : row.respondent;
}

export const useCoding = create<CodingState>()((set, get) => ({
  coder: null,
  view: "all",
  blind: false,
  selection: null,
  activeAnswerId: null,
  pinned: [],
  recent: [],
  askingCoder: false,

  async load() {
    set({ selection: null, activeAnswerId: null, recent: [] });
    try {
      const [preferences, pinned] = await Promise.all([
        call("preferences.get", {}),
        call("codes.pinned", {}),
      ]);
      // A file prepared for a second coder, opened where nobody chose a name yet: ask at
      // once, proposing the name it was prepared for (CoderDialog).
      const preparedFor = useProject.getState().summary?.preparedFor ?? null;
      set({
        coder: preferences.coder,
        pinned,
        blind: preferences.blind,
        ...(preferences.blind ? { view: "mine" as const } : {}),
        ...(preferences.coder === null && preparedFor !== null ? { askingCoder: true } : {}),
      });
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
    }
  },

  async setCoder(name) {
    try {
      const preferences = await call("preferences.set", { coder: name });
      set({ coder: preferences.coder, askingCoder: false });
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
      return;
    }
    const action = afterCoderChosen;
    afterCoderChosen = null;
    if (action && get().coder !== null) await action(get().coder as string);
  },

  cancelCoderPrompt() {
    afterCoderChosen = null;
    set({ askingCoder: false });
  },

  askCoder() {
    set({ askingCoder: true });
  },

  setView(view) {
    if (!get().blind) set({ view });
  },

  async setBlind(blind) {
    try {
      const preferences = await call("preferences.set", { blind });
      if (preferences.blind === get().blind) return;
      // Blind mode off brings back the view the coder had before (everyone's, after a restart).
      if (preferences.blind) viewBeforeBlind = get().view;
      set({ blind: preferences.blind, view: preferences.blind ? "mine" : viewBeforeBlind });
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
    }
  },

  select(selection) {
    const current = get().selection;
    if (
      current?.answerId === selection?.answerId &&
      current?.start === selection?.start &&
      current?.end === selection?.end
    ) {
      return;
    }
    set(selection ? { selection, activeAnswerId: selection.answerId } : { selection: null });
  },

  setActiveAnswer(answerId) {
    if (get().activeAnswerId !== answerId) set({ activeAnswerId: answerId });
  },

  async togglePin(codeId) {
    const wanted = togglePinned(get().pinned, codeId);
    try {
      set({ pinned: await call("codes.setPinned", { codeIds: [...wanted] }) });
    } catch (error) {
      useProject.getState().reportError(errorMessage(error));
    }
  },

  async renameCode(codeId, name) {
    const before = codeLabel(codeId);
    const result = await runEdit(
      () => call("codes.rename", { codeId, name }),
      () => `Renamed ${before} to ${name}`,
    );
    return result !== null;
  },

  apply: (code, target) =>
    withCoder(async (coder) => {
      const result = await runEdit(
        () => call("coding.apply", { ...target, code, coder }),
        (edit) => `Applied ${codeLabel(edit.codeId)} to ${answerLabel(target.answerId)}`,
      );
      if (!result) return false;
      set({ recent: rememberRecent(get().recent, result.codeId) });
      return true;
    }, false),

  async remove(segmentIds) {
    const result = await runEdit(
      () => call("coding.remove", { segmentIds: [...segmentIds] }),
      () => (segmentIds.length === 1 ? "Removed the code" : `Removed ${segmentIds.length} codes`),
    );
    return result !== null;
  },

  async recode(segmentId, code) {
    const result = await runEdit(
      () => call("coding.recode", { segmentId, code }),
      () => "Changed the code",
    );
    return result?.segmentId ?? null;
  },

  async adjust(segmentId, start, end) {
    const result = await runEdit(
      () => call("coding.adjust", { segmentId, start, end }),
      () => "Adjusted the coded passage",
    );
    return result?.segmentId ?? null;
  },

  setMemo: (target, text) =>
    withCoder(async (coder) => {
      const result = await runEdit(
        () => call("coding.setMemo", { target, coder, text }),
        () => (text.trim() === "" ? "Memo removed" : "Memo saved"),
      );
      return result !== null;
    }, false),

  markDone: (questionId, done, answerIds) =>
    withCoder(async (coder) => {
      await runEdit(
        () =>
          call("coding.markDone", {
            coder,
            questionId,
            done,
            ...(answerIds ? { answerIds: [...answerIds] } : {}),
          }),
        () => {
          const what = answerIds ? "Answer" : "Question";
          return done ? `${what} marked done` : `${what} no longer marked done`;
        },
      );
    }, undefined),

  async setStatus(answerId, status) {
    await runEdit(
      () => call("answers.setStatus", { answerId, status }),
      () => (status === "answered" ? "Marked as answered" : "Marked as non-response"),
    );
  },
}));

/** The active coder's id in this project; null before their first segment or memo. */
export function coderIdIn(summary: ProjectSummary | null, coder: string | null): CoderId | null {
  if (!summary || coder === null) return null;
  const key = coderNameKey(coder);
  return summary.coders.find((c) => coderNameKey(c.name) === key)?.id ?? null;
}

export function useCoderId(): CoderId | null {
  const coder = useCoding((s) => s.coder);
  return useProject((s) => coderIdIn(s.summary, coder));
}

/**
 * Blind mode before the coder's first passage: nothing of theirs to show, and the core
 * refuses a coder it does not know, so the views ask nothing and say this instead of
 * falling back to everyone's coding.
 */
export const NOTHING_OF_YOURS =
  "You have not coded anything in this project yet; blind mode shows only your own coding.";

export function isBlindWithoutCoder(
  blind: boolean,
  summary: ProjectSummary | null,
  coder: string | null,
): boolean {
  return blind && coderIdIn(summary, coder) === null;
}

export function useBlindWithoutCoder(): boolean {
  const blind = useCoding((s) => s.blind);
  const coderId = useCoderId();
  return blind && coderId === null;
}

/** The codes on the number keys 1-9, in order. */
export function currentShortcuts(): CodeId[] {
  const { pinned, recent } = useCoding.getState();
  const { codeIndex } = useProject.getState();
  return shortcutCodes(pinned, recent, (id) => codeIndex.has(id));
}

export function useShortcuts(): readonly CodeId[] {
  const pinned = useCoding((s) => s.pinned);
  const recent = useCoding((s) => s.recent);
  const codeIndex = useProject((s) => s.codeIndex);
  // Recomputed on every render of the few components that show them: nine lookups.
  return shortcutCodes(pinned, recent, (id) => codeIndex.has(id));
}

/**
 * A code that left the codebook (the undo of its creation) leaves the number keys: its
 * id may come back on the next new code, which must not inherit the key. The core has
 * unpinned it already; the pins are read again in case another window did it.
 */
useProject.subscribe((state, previous) => {
  if (state.codeIndex === previous.codeIndex) return;
  const gone = (id: CodeId) => previous.codeIndex.has(id) && !state.codeIndex.has(id);
  const { pinned, recent } = useCoding.getState();
  if (pinned.some(gone) || recent.some(gone)) {
    useCoding.setState({
      pinned: pinned.filter((id) => !gone(id)),
      recent: recent.filter((id) => !gone(id)),
    });
  }
  if (state.summary === null || state.summary.path !== previous.summary?.path) return;
  call("codes.pinned", {}).then(
    (fresh) => useCoding.setState({ pinned: fresh }),
    () => undefined, // the project closed meanwhile: its next load reads them
  );
});
