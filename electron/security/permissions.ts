/**
 * Which web permissions the desktop page gets: one. Copy buttons write to the clipboard
 * with `navigator.clipboard.writeText`, which Chromium gates behind the
 * `clipboard-sanitized-write` permission (checked, then requested); it is granted to the
 * main window's top frame on `app://cairn` and to nothing else. Chromium still demands a
 * focused document and a user gesture, and writing gives a page no way to read anything.
 * Reading the clipboard (it may hold whatever the user copied elsewhere), camera and
 * microphone, location, notifications, fullscreen, devices, external protocols and
 * every permission a future Electron adds are denied.
 */
import { isAppUrl } from "../window-security.ts";

export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(["clipboard-sanitized-write"]);

export interface PermissionAsk {
  readonly permission: string;
  /** The asking frame's URL (a request) or origin (a check); absent for a worker. */
  readonly requestingUrl: string | undefined;
  readonly isMainFrame: boolean;
  /** The asking page is the main window's (false when Electron gives no webContents). */
  readonly fromMainWindow: boolean;
}

export function isPermissionGranted(ask: PermissionAsk): boolean {
  return (
    GRANTED_PERMISSIONS.has(ask.permission) &&
    ask.fromMainWindow &&
    ask.isMainFrame &&
    ask.requestingUrl !== undefined &&
    isAppUrl(ask.requestingUrl)
  );
}
