/**
 * A read from the core that stays current: asked for when its key changes, and again
 * after edits (in this window or another, by the CLI...), so a panel follows the coding
 * without a refresh button. Edits come in bursts (undo held down, a drag), so one read
 * follows the last by SETTLE_MS. The tally, the crosstab and the response rates all
 * read this way.
 */
import { useEffect, useState } from "react";
import type { ApiEvents } from "../../../shared/api/contract.ts";
import { errorMessage, subscribe } from "../api/client.ts";
import { useProject } from "./project.ts";

const SETTLE_MS = 60;

export type Edit = ApiEvents["project.edited"];

export interface Live<T> {
  readonly value: T | null;
  /** The core's sentence when the read failed. */
  readonly error: string | null;
}

/** Every edit can change what is read (a population size set or undone touches no answer). */
const anyEdit = () => true;

/**
 * `read(key)` now and after edits that `relevant` says matter; a null key reads nothing.
 * `read` and `relevant` must be the same functions from render to render (a module's
 * functions): everything they need is in the key.
 */
export function useLive<T>(
  key: string | null,
  read: (key: string) => Promise<T>,
  relevant: (edit: Edit) => boolean = anyEdit,
): Live<T> {
  const [state, setState] = useState<Live<T> & { readonly key: string | null }>({
    key: null,
    value: null,
    error: null,
  });
  const summary = useProject((s) => s.summary);

  useEffect(() => {
    if (key === null || summary === null) return;
    let live = true;
    // Answers that arrive out of order: only the latest request's may land.
    let serial = 0;
    const fetch = async () => {
      const mine = ++serial;
      try {
        const value = await read(key);
        if (live && mine === serial) setState({ key, value, error: null });
      } catch (error) {
        if (live && mine === serial) setState({ key, value: null, error: errorMessage(error) });
      }
    };
    void fetch();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = subscribe("project.edited", (edit) => {
      if (!relevant(edit)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void fetch(), SETTLE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
    // A new summary (an import, another project) is new data: read again.
  }, [key, summary, read, relevant]);

  // A value read for another key is not shown as this one's (a question switched).
  return state.key === key ? state : { value: null, error: null };
}
