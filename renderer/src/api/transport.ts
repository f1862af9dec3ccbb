/**
 * How calls reach the core. In the desktop app the preload put a bridge on
 * `window.cairn`; in browser mode the same calls go over HTTP to the local server with
 * the run's token. Nothing above this module knows which one is in use.
 */
import type { CairnBridge } from "../../../shared/api/bridge.ts";
import type { ApiEventName, ApiEvents } from "../../../shared/api/contract.ts";
import type { ApiError, Result } from "../../../shared/api/errors.ts";

declare global {
  interface Window {
    cairn?: CairnBridge;
  }
}

export interface Transport {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

/**
 * Browser mode serves the app under `/<token>/`, so relative URLs carry the run's token
 * on every request (see electron/core/http/guards.ts).
 */
function httpTransport(): Transport {
  let events: EventSource | null = null;
  return {
    async call(name, input) {
      let response: Response;
      try {
        response = await fetch(`./api/call/${encodeURIComponent(name)}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return failure("io", "Cairn is not running any more: start it again and reload this page.");
      }
      if (response.headers.get("Content-Type")?.startsWith("application/json")) {
        return (await response.json()) as Result<unknown>;
      }
      if (response.status === 401) {
        return failure("bad_input", "This page's address is stale: open the URL Cairn printed.");
      }
      return failure(
        "internal",
        `Cairn answered ${response.status}: ${(await response.text()).trim()}`,
      );
    },
    on(event, listener) {
      events ??= new EventSource("./api/events");
      const handler = (message: MessageEvent<string>) =>
        listener(JSON.parse(message.data) as ApiEvents[typeof event]);
      events.addEventListener(event, handler);
      return () => events?.removeEventListener(event, handler);
    },
  };
}

function failure(code: ApiError["code"], message: string): Result<unknown> {
  return { ok: false, error: { code, message } };
}

export function detectTransport(): Transport {
  return window.cairn ?? httpTransport();
}
