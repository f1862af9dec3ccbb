/**
 * Who may call the core over IPC, and with what. The desktop window's page reaches the
 * core through one channel (`cairn:call`); these checks run on every message before the
 * core sees it. Pure: the shell passes Electron's event objects in, the tests pass
 * look-alikes.
 *
 * A sender is trusted only when it is the top frame of the main window, showing a page
 * of `app://cairn`. A subframe (even one of our origin), another window, a page that
 * navigated elsewhere (`about:blank`, `data:`, `file:`) or a frame destroyed before its
 * message arrived is refused.
 */
import { isApiName, type ApiName } from "../../shared/api/contract.ts";
import type { ApiError } from "../../shared/api/errors.ts";
import { APP_ORIGIN, isAppUrl, refusePageFileAccess } from "../window-security.ts";

/** What Electron's WebFrameMain offers that the check reads. */
export interface IpcSenderFrame {
  readonly url: string;
  readonly origin: string;
  readonly parent: unknown;
  readonly detached?: boolean;
  isDestroyed?(): boolean;
}

/** What Electron's IpcMainInvokeEvent offers that the check reads. */
export interface IpcSenderEvent<Contents> {
  readonly sender: Contents;
  readonly senderFrame: IpcSenderFrame | null;
}

/**
 * True when the message came from the main window's own top frame on `app://cairn`.
 * `mainContents` is the main window's webContents (null while there is no window).
 * Reading a disposed frame throws in Electron: that counts as untrusted.
 */
export function isTrustedIpcSender<Contents>(
  event: IpcSenderEvent<Contents>,
  mainContents: Contents | null,
): boolean {
  try {
    const frame = event.senderFrame;
    return (
      mainContents !== null &&
      event.sender === mainContents &&
      frame !== null &&
      frame.isDestroyed?.() !== true &&
      frame.detached !== true &&
      frame.parent === null &&
      isAppUrl(frame.url) &&
      frame.origin === APP_ORIGIN
    );
  } catch {
    return false;
  }
}

/** Where a refused message came from, for the log; a disposed frame cannot say. */
export function describeSender(event: { readonly senderFrame: IpcSenderFrame | null }): string {
  try {
    return event.senderFrame === null ? "a destroyed frame" : event.senderFrame.url.slice(0, 200);
  } catch {
    return "a destroyed frame";
  }
}

/** Longer than any operation of the contract; a longer name is refused unread. */
export const MAX_OPERATION_NAME_LENGTH = 64;

export type IpcCallScreening =
  { readonly ok: true; readonly name: ApiName } | { readonly ok: false; readonly error: ApiError };

export interface PageFileAccess {
  /** The recent projects' paths: the only ones the page may open. */
  readonly recentPaths: readonly string[];
  /** Files the user picked in File › Import answers…: the only ones it may import. */
  readonly chosenImportPaths: ReadonlySet<string>;
}

/**
 * Whether a call from the (trusted) page may go on to the core: its name must be an
 * operation of the contract — an own key, so "__proto__", "constructor" or "toString"
 * are unknown — and it may not name files the desktop page has no business with. The
 * input itself is then validated against the contract's schema by the core's dispatch.
 */
export function screenIpcCall(
  name: unknown,
  input: unknown,
  files: PageFileAccess,
): IpcCallScreening {
  if (typeof name !== "string" || name === "") {
    return refuse("an operation name is required");
  }
  if (name.length > MAX_OPERATION_NAME_LENGTH || !isApiName(name)) {
    return refuse(`unknown operation "${name.slice(0, MAX_OPERATION_NAME_LENGTH)}"`);
  }
  const refusal = refusePageFileAccess(name, input, files.recentPaths, files.chosenImportPaths);
  return refusal === null ? { ok: true, name } : refuse(refusal);
}

function refuse(message: string): IpcCallScreening {
  return { ok: false, error: { code: "bad_input", message } };
}
