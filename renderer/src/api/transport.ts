/**
 * How calls reach the core. In the desktop app the preload put a bridge on
 * `window.cairn`; in browser mode the same calls go over HTTP to the local server with
 * the run's token. Nothing above this module knows which one is in use.
 */
import type { CairnBridge } from "../../../shared/api/bridge.ts";
import type { ApiEventName, ApiEvents } from "../../../shared/api/contract.ts";
import type { Result } from "../../../shared/api/errors.ts";

declare global {
  interface Window {
    cairn?: CairnBridge;
  }
}

export interface Transport {
  call(name: string, input: unknown): Promise<Result<unknown>>;
  on<E extends ApiEventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
}

const TOKEN_KEY = "cairn.token";

/** The browser-mode token: from the URL on first load, then from this tab's storage. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    // Keep the token out of the address bar, history and screenshots.
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? "";
}

function httpTransport(): Transport {
  const token = browserToken();
  let events: EventSource | null = null;
  return {
    async call(name, input) {
      const response = await fetch(`./api/call/${encodeURIComponent(name)}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Cairn-Token": token },
        body: JSON.stringify(input ?? {}),
      });
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: "bad_input",
            message: "This page's access token is missing or stale: open the URL Cairn printed.",
          },
        };
      }
      return (await response.json()) as Result<unknown>;
    },
    on(event, listener) {
      // The event stream authenticates with the cookie set on the first page load.
      events ??= new EventSource("./api/events");
      const handler = (message: MessageEvent<string>) =>
        listener(JSON.parse(message.data) as ApiEvents[typeof event]);
      events.addEventListener(event, handler);
      return () => events?.removeEventListener(event, handler);
    },
  };
}

export function detectTransport(): Transport {
  return window.cairn ?? httpTransport();
}
