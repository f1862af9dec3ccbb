/**
 * What the desktop preload exposes on `window.cairn` through contextBridge: one call
 * into the API and one event subscription, nothing else (no raw IPC reaches the page).
 */
import type { ApiEventName, ApiEvents } from "./contract.ts";
import type { Result } from "./errors.ts";

export const IPC_CALL_CHANNEL = "cairn:call";
export const IPC_EVENT_CHANNEL = "cairn:event";

export interface CairnBridge {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}
