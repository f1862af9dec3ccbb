/**
 * The sandboxed preload: puts exactly one object, `window.cairn` (the CairnBridge), in
 * the page. It forwards calls to the main process and relays the core's events; the page
 * never sees `ipcRenderer`, an IPC event object (whose `sender` would be ipcRenderer), or
 * any channel but ours.
 *
 * Bundled to CommonJS by scripts/build-electron.mjs: a sandboxed preload may require
 * only "electron" (since Electron 45 not even the Buffer, timers or url shims).
 */
import { contextBridge, ipcRenderer } from "electron";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type CairnBridge } from "../shared/api/bridge.ts";
import type { ApiEventName } from "../shared/api/contract.ts";
import type { Result } from "../shared/api/errors.ts";

/** Every event of the contract, checked by the type checker (no zod in the preload). */
const KNOWN_EVENTS: Readonly<Record<ApiEventName, true>> = {
  "project.changed": true,
  "import.progress": true,
  "export.progress": true,
  "import.chosen": true,
  "project.openFailed": true,
  "project.edited": true,
  "menu.command": true,
};

function isKnownEvent(name: unknown): name is ApiEventName {
  return typeof name === "string" && Object.hasOwn(KNOWN_EVENTS, name);
}

const bridge: CairnBridge = {
  call(name, input) {
    if (typeof name !== "string") {
      return Promise.resolve<Result<unknown>>({
        ok: false,
        error: { code: "bad_input", message: "an operation name is required" },
      });
    }
    return ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input) as Promise<Result<unknown>>;
  },
  on(event, listener) {
    if (!isKnownEvent(event) || typeof listener !== "function") {
      throw new TypeError(`cairn.on: unknown event "${String(event)}"`);
    }
    const relay = (_ipcEvent: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld("cairn", bridge);
