/**
 * The desktop shell's trust decisions, as pure functions: which URLs are our own pages,
 * which links may leave for the user's browser, which file an `app://` request gets,
 * and how the window is locked down. Nothing here imports `electron`, so every rule is
 * unit-tested in plain Node against hostile input (test/unit/window-security.test.ts).
 *
 * Invariant: the renderer is served only from `app://cairn/`, a standard, secure custom
 * scheme; the page's origin is therefore `app://cairn`, and that origin is the only one
 * the IPC bridge answers.
 */
import { fileURLToPath } from "node:url";
import { contentTypeFor, resolveStaticFile } from "./core/http/static-files.ts";

export const APP_SCHEME = "app";
export const APP_HOST = "cairn";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * What `protocol.registerSchemesAsPrivileged` grants `app:`. `standard` gives the page a
 * real origin (relative URLs, localStorage), `secure` makes it a secure context,
 * `supportFetchAPI` lets Vite's module scripts load, `codeCache` speeds up restarts.
 * Deliberately absent: bypassCSP, corsEnabled, allowServiceWorkers, stream.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  codeCache: true,
} as const;

export interface WindowSecurityOptions {
  /** Absolute path of the bundled, sandbox-compatible preload (CommonJS). */
  readonly preload: string;
  /** DevTools only in development; a packaged app cannot open them at all. */
  readonly devTools: boolean;
}

/** The BrowserWindow webPreferences of every Cairn window (Electron's security checklist). */
export function secureWebPreferences(options: WindowSecurityOptions) {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Chromium's spellchecker downloads dictionaries on Windows and Linux: no network.
    spellcheck: false,
    devTools: options.devTools,
  } as const;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for a URL of our own pages: exactly `app://cairn`, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === "" &&
    parsed.password === ""
  );
}

/**
 * True for a link we may hand to the user's browser: plain http(s) with a host and no
 * credentials. Everything else (file:, smb:, javascript:, custom handlers such as
 * ms-msdt: that launch local programs) is refused, whatever the page asks.
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    (parsed.protocol === "https:" || parsed.protocol === "http:") &&
    parsed.hostname !== "" &&
    parsed.username === "" &&
    parsed.password === ""
  );
}

export type NavigationDecision = "allow" | "open-externally" | "deny";

/** What to do when the page tries to navigate the window, or open a new one, to `url`. */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return "allow";
  if (isSafeExternalUrl(url)) return "open-externally";
  return "deny";
}

/**
 * True for a download the window may start: a file the page made itself (a chart saved
 * as PNG or SVG is a `blob:` URL of our own origin). Electron then asks where to save it.
 * Anything else, such as a link to a remote file, is refused: the app makes no network
 * requests.
 */
export function isAllowedDownload(url: string): boolean {
  if (!url.startsWith("blob:")) return false;
  return isAppUrl(url.slice("blob:".length));
}

/** The file an `app://cairn/...` request is answered with, or null (404). */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  return resolveStaticFile(rootDir, (parseUrl(requestUrl) as URL).pathname);
}

export { contentTypeFor };

/**
 * In the desktop app, file paths come from native dialogs in the main process, never
 * from the page: a page that could name any path could write files anywhere or open any
 * file. So the page may create or copy nothing, and may open only a recent project (the
 * welcome screen's list). Returns why a call is refused, or null when it may go ahead.
 */
export function refusePageFileAccess(
  name: string,
  input: unknown,
  recentPaths: readonly string[],
  chosenImportPaths: ReadonlySet<string> = new Set(),
): string | null {
  switch (name) {
    case "import.inspect":
    case "import.run": {
      // Only files the user picked in File › Import answers… may be read.
      const paths = (input as { source?: { paths?: unknown } } | null)?.source?.paths;
      const chosen =
        Array.isArray(paths) &&
        paths.length > 0 &&
        paths.every((path) => typeof path === "string" && chosenImportPaths.has(path));
      return chosen ? null : "only files chosen in File › Import answers… can be imported";
    }
    case "project.create":
    case "project.saveCopy":
      return `${name} is done through the File menu in the desktop app`;
    case "project.open": {
      const path = (input as { path?: unknown } | null)?.path;
      return typeof path === "string" && recentPaths.includes(path)
        ? null
        : "only a recent project can be opened from the page; use File › Open";
    }
    default:
      return null;
  }
}

/** Headers of every `app://` response: the CSP, and no MIME sniffing, referrers or framing. */
export function appResponseHeaders(
  contentType: string,
  contentSecurityPolicy: string,
): Record<string, string> {
  return {
    "Content-Type": contentType,
    "Content-Security-Policy": contentSecurityPolicy,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cache-Control": "no-cache",
  };
}

/**
 * The project file named on a command line, if any: the first argument that is not a
 * switch. `argv` is Electron's (the executable first; in development `electron .` adds
 * the app folder), or the one a second instance forwards, which Chromium may have
 * extended with its own switches. Linux desktop files pass `file://` URLs (%U).
 */
export function projectPathFromArgv(
  argv: readonly string[],
  isDefaultApp: boolean,
): string | undefined {
  const args = argv.slice(isDefaultApp ? 2 : 1);
  const endOfSwitches = args.indexOf("--");
  const candidates = [
    ...(endOfSwitches === -1 ? args : args.slice(0, endOfSwitches)).filter(
      (arg) => !arg.startsWith("-"),
    ),
    ...(endOfSwitches === -1 ? [] : args.slice(endOfSwitches + 1)),
  ];
  const first = candidates.find((arg) => arg.trim() !== "");
  if (first === undefined) return undefined;
  if (!first.toLowerCase().startsWith("file:")) return first;
  try {
    return fileURLToPath(first);
  } catch {
    return undefined;
  }
}

/**
 * The project a second launch forwarded (`requestSingleInstanceLock`'s additional data),
 * if it is a usable path. The data crosses processes, so its shape is not trusted.
 */
export function forwardedProjectPath(additionalData: unknown): string | undefined {
  if (typeof additionalData !== "object" || additionalData === null) return undefined;
  const path = (additionalData as { projectPath?: unknown }).projectPath;
  return typeof path === "string" && path !== "" ? path : undefined;
}
