/**
 * Keeps a tally on screen current: asked for when its scope changes and again after
 * every edit that touched answers or the codebook (in this window or another, by the
 * CLI...), so the frequency panel follows the coding without a refresh button. Edits
 * come in bursts (undo held down, a drag), so one read follows the last by SETTLE_MS.
 */
import { useEffect, useState } from "react";
import type { Tally, TallyScope } from "../../../shared/api/tally-api.ts";
import { call, errorMessage, subscribe } from "../api/client.ts";
import { useProject } from "./project.ts";

const SETTLE_MS = 60;

export interface TallyState {
  readonly tally: Tally | null;
  /** The core's sentence when the tally could not be read. */
  readonly error: string | null;
}

/** The tally for `scope` (null: none wanted, e.g. the panel is closed). */
export function useTally(scope: TallyScope | null): TallyState {
  const [state, setState] = useState<TallyState & { readonly key: string | null }>(NOTHING);
  const summary = useProject((s) => s.summary);
  const key = scope === null || summary === null ? null : JSON.stringify(scope);

  useEffect(() => {
    if (key === null) return;
    const wanted = JSON.parse(key) as TallyScope;
    let live = true;
    // Answers that arrive out of order: only the latest request's may land.
    let serial = 0;
    const read = async () => {
      const mine = ++serial;
      try {
        const tally = await call("tally.get", wanted);
        if (live && mine === serial) setState({ key, tally, error: null });
      } catch (error) {
        if (live && mine === serial) setState({ key, tally: null, error: errorMessage(error) });
      }
    };
    void read();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe("project.edited", (event) => {
      if (event.answerIds.length === 0 && !event.codebookChanged && !event.summaryChanged) return;
      clearTimeout(timer);
      timer = setTimeout(() => void read(), SETTLE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
    // A new summary (an import, another project) is new data: read again.
  }, [key, summary]);

  // What was read for another scope (or none) is not shown meanwhile.
  return state.key === key && key !== null ? state : NOTHING;
}

const NOTHING = { key: null, tally: null, error: null } as const;
