/**
 * The desktop shell: one window onto the core, and nothing the core could do itself.
 * It serves the built renderer from `app://cairn/` (never file://), answers the page's
 * single IPC channel only from that origin, pushes the session's changes back, and
 * denies everything a page could reach for: navigation, new windows, webviews,
 * permissions and the network. Every trust decision is a pure function of
 * window-security.ts or security/ (tested against hostile input); this file only wires
 * them to Electron's hooks (a source test checks that each hook is registered).
 *
 * Bundled to dist-electron/main.cjs by scripts/build-electron.mjs; `app.getAppPath()` is
 * the repository in development (`electron .`) and resources/app.asar when packaged.
 */
import { app, BrowserWindow, ipcMain, protocol, session, shell, type WebContents } from "electron";
import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from "../shared/api/bridge.ts";
import type { ApiEventName, ApiEvents } from "../shared/api/contract.ts";
import type { Result } from "../shared/api/errors.ts";
import type { ProjectSummary } from "../shared/domain.ts";
import { createCore, type Core } from "./core/core.ts";
import {
  chooseStartupProject,
  openStartupProject as openChosenProject,
} from "./core/services/startup-project.ts";
import { openFailure, showFatalError, showOpenError } from "./dialogs.ts";
import { refreshApplicationMenu } from "./menu.ts";
import { answerAppRequest } from "./security/app-protocol.ts";
import { describeSender, isTrustedIpcSender, screenIpcCall } from "./security/ipc.ts";
import { isPermissionGranted } from "./security/permissions.ts";
import { isAllowedRequest } from "./security/requests.ts";
import { secureWindowOptions } from "./security/window-options.ts";
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  decideNavigation,
  forwardedProjectPath,
  isAllowedDownload,
  projectPathFromArgv,
} from "./window-security.ts";

const isDefaultApp = process.defaultApp === true;
let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
/** Files the user picked in File › Import answers…: the only ones the page may import. */
const chosenImportPaths = new Set<string>();
/** A project named on the command line or by the OS (macOS open-file) before start-up. */
let pendingProject = absoluteOrUndefined(projectPathFromArgv(process.argv, isDefaultApp));

// Both must happen before `ready`. enableSandbox sandboxes every renderer, whatever a
// window's options say (belt and braces behind secureWindowOptions).
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock({ projectPath: pendingProject ?? null })) {
  // The first instance opens our project (see "second-instance"); this one just leaves.
  app.quit();
} else {
  app.on("second-instance", (_event, argv, workingDirectory, additionalData) => {
    const forwarded = forwardedProjectPath(additionalData);
    const fromArgv = projectPathFromArgv(argv, isDefaultApp);
    const path =
      forwarded ?? (fromArgv === undefined ? undefined : resolve(workingDirectory, fromArgv));
    const hadWindow = mainWindow !== null;
    focusWindow();
    if (path !== undefined) openFromOutside(path);
    else if (!hadWindow && core) openStartupProject(core, undefined);
  });
  app.on("open-file", (event, path) => {
    event.preventDefault();
    if (core) openFromOutside(path);
    else pendingProject = path;
  });
  app.on("web-contents-created", (_event, contents) => lockDownContents(contents));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("activate", () => {
    if (core && BrowserWindow.getAllWindows().length === 0) {
      createWindow();
      openStartupProject(core, undefined);
    }
  });
  // Checkpoints the WAL and releases the project's lock; safe to call twice.
  app.on("will-quit", () => core?.shutdown());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      showFatalError(error);
      app.exit(1);
    });
}

function start(): void {
  configureEnvironment();
  lockDownSession();
  serveRenderer(join(app.getAppPath(), "renderer", "dist"));
  const started = createCore({ shell: "desktop", autoBackup: true });
  core = started;
  registerIpc(started);
  started.onEvent((event, payload) => {
    sendEvent(event, payload);
    // Edit › Undo names the step it would undo.
    if (event === "project.edited") refreshMenu(started);
  });
  started.session.onChange((summary) => {
    showProjectInTitle(summary);
    refreshMenu(started);
  });
  refreshMenu(started);
  createWindow();
  openStartupProject(started, pendingProject);
  pendingProject = undefined;
}

/** Points the core at Electron's folders and at the Electron-ABI build of better-sqlite3. */
function configureEnvironment(): void {
  const userData = app.getPath("userData");
  // Chromium creates it too, but the sample project is written there before any page loads.
  mkdirSync(userData, { recursive: true });
  process.env.CAIRN_HOME = userData;
  process.env.CAIRN_APP_ROOT = app.getAppPath();
  if (process.env.CAIRN_SQLITE_BINDING) return;
  const binding = app.isPackaged
    ? join(process.resourcesPath, "native", "better_sqlite3.node")
    : join(
        app.getAppPath(),
        ".native",
        `electron-${process.versions.electron}`,
        "better_sqlite3.node",
      );
  if (!existsSync(binding)) {
    throw new Error(
      `the Electron build of better-sqlite3 is missing (${binding}). ` +
        (app.isPackaged ? "Reinstall Cairn." : "Run `npm run native:electron` first."),
    );
  }
  process.env.CAIRN_SQLITE_BINDING = binding;
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  const fromMainWindow = (contents: WebContents | null) =>
    contents !== null && contents === mainWindow?.webContents;
  ses.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(
      isPermissionGranted({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
        fromMainWindow: fromMainWindow(contents),
      }),
    ),
  );
  // A check names the origin where a request names the URL.
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    isPermissionGranted({
      permission,
      requestingUrl: details.requestingUrl ?? requestingOrigin,
      isMainFrame: details.isMainFrame,
      fromMainWindow: fromMainWindow(contents),
    }),
  );
  ses.setDevicePermissionHandler(() => false);
  // Behind the CSP: every request of every page, whatever its scheme, is checked.
  const policy = { development: !app.isPackaged };
  ses.webRequest.onBeforeRequest({ urls: ["<all_urls>"] }, (details, callback) => {
    const allowed = isAllowedRequest(details.url, policy);
    if (!allowed) console.warn(`cairn: blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  // Charts saved from the page download as files (Electron asks where); nothing else may.
  ses.on("will-download", (event, item) => {
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
}

function serveRenderer(root: string): void {
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`the renderer is not built (${root}). Run \`npm run build:renderer\` first.`);
  }
  protocol.handle(APP_SCHEME, async (request) => {
    const reply = answerAppRequest(root, request.method, request.url);
    const body =
      reply.body === null
        ? null
        : "file" in reply.body
          ? new Uint8Array(await readFile(reply.body.file))
          : reply.body.text;
    return new Response(body, { status: reply.status, headers: reply.headers });
  });
}

function registerIpc(started: Core): void {
  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedIpcSender(event, mainWindow?.webContents ?? null)) {
        console.warn(`cairn: refused an IPC call from ${describeSender(event)}`);
        throw new Error("this page may not call Cairn");
      }
      const screened = screenIpcCall(name, input, {
        recentPaths: started.recent.list().map((entry) => entry.path),
        chosenImportPaths,
      });
      if (!screened.ok) return screened;
      // The core validates the input against the contract's schema.
      return started.call(screened.name, input);
    },
  );
}

/** Pushes an event to the page: the core's, and the shell's own (such as a failed open). */
function sendEvent<E extends ApiEventName>(event: E, payload: ApiEvents[E]): void {
  if (mainWindow && !mainWindow.isDestroyed()) {
    mainWindow.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  }
}

function lockDownContents(contents: WebContents): void {
  contents.on("will-navigate", (event) => {
    const decision = decideNavigation(event.url);
    if (decision === "allow") return;
    event.preventDefault();
    if (decision === "open-externally") void shell.openExternal(event.url);
  });
  // Subframes (the app has none) and redirects stay on our own pages too; the main
  // frame's navigation is decided above.
  contents.on("will-frame-navigate", (event) => {
    if (!event.isMainFrame && decideNavigation(event.url) !== "allow") event.preventDefault();
  });
  contents.on("will-redirect", (event) => {
    if (decideNavigation(event.url) !== "allow") event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url) === "open-externally") void shell.openExternal(url);
    return { action: "deny" };
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    secureWindowOptions({
      title: app.getName(),
      preload: join(app.getAppPath(), "dist-electron", "preload.cjs"),
      devTools: !app.isPackaged,
    }),
  );
  mainWindow = window;
  window.once("ready-to-show", () => window.show());
  // The title names the open project, not the HTML page.
  window.on("page-title-updated", (event) => event.preventDefault());
  window.on("closed", () => {
    mainWindow = null;
    core?.shutdown();
  });
  window.webContents.on("did-fail-load", (_event, code, description, url) =>
    console.error(`cairn: could not load ${url}: ${description} (${code})`),
  );
  showProjectInTitle(core?.session.currentSummary() ?? null);
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

function focusWindow(): void {
  const window = mainWindow ?? (core ? createWindow() : null);
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

function showProjectInTitle(summary: ProjectSummary | null): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  mainWindow.setTitle(summary ? `${summary.name} — ${app.getName()}` : app.getName());
}

function refreshMenu(started: Core): void {
  refreshApplicationMenu({
    core: started,
    currentWindow: () => mainWindow,
    ensureWindow: () => void (mainWindow ?? createWindow()),
    importChosen: (paths) => {
      for (const path of paths) chosenImportPaths.add(path);
      sendEvent("import.chosen", { paths });
    },
    menuCommand: (command) => sendEvent("menu.command", { command }),
    openFailed: (failure) => sendEvent("project.openFailed", failure),
  });
}

/** The project given on the command line, else the last one, else the sample. */
function openStartupProject(started: Core, given: string | undefined): void {
  const choice = chooseStartupProject(given, started.recent, app.getPath("userData"));
  try {
    openChosenProject(started.session, choice);
  } catch (error) {
    // The window shows its "no project" state, then asks for the password or offers a
    // backup; any other failure gets a dialog that says why.
    reportOpenFailure(choice.path, error, { afterLoad: true });
  }
}

/** A project handed to us by the OS or a second launch, while running. */
function openFromOutside(path: string): void {
  if (!core) return;
  try {
    core.session.open(path);
  } catch (error) {
    reportOpenFailure(path, error, { afterLoad: false });
  }
}

/** An encrypted or damaged project goes to the window's dialogs; anything else to a box. */
function reportOpenFailure(path: string, error: unknown, { afterLoad }: { afterLoad: boolean }) {
  const failure = openFailure(path, error);
  if (!failure) return showOpenError(mainWindow, path, error);
  const contents = mainWindow?.webContents;
  // At start-up the page is still loading and would miss the event.
  if (afterLoad && contents?.isLoading()) {
    contents.once("did-finish-load", () => sendEvent("project.openFailed", failure));
  } else {
    sendEvent("project.openFailed", failure);
  }
}

function absoluteOrUndefined(path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(path);
}
