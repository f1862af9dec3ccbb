/**
 * A read from the core that stays current, like useTally: asked for when its key
 * changes, and again after every edit (a population size set or undone touches no
 * answer, so every "project.edited" counts here), one read per burst of edits.
 */
import { useEffect, useState } from "react";
import { errorMessage, subscribe } from "../../api/client.ts";
import { useProject } from "../../stores/project.ts";

const SETTLE_MS = 60;

export interface Live<T> {
  readonly value: T | null;
  /** The core's sentence when the read failed. */
  readonly error: string | null;
}

/**
 * `read(key)` now and after edits; a null key reads nothing. `read` must be the same
 * function from render to render (a module's function): everything it needs is in the key.
 */
export function useLive<T>(key: string | null, read: (key: string) => Promise<T>): Live<T> {
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
    const unsubscribe = subscribe("project.edited", () => {
      clearTimeout(timer);
      timer = setTimeout(() => void fetch(), SETTLE_MS);
    });
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [key, summary, read]);

  // A value read for another key is not shown as this one's (a question switched).
  return state.key === key ? state : { value: null, error: null };
}
