/**
 * The desktop shell: one window onto the core, and nothing the core could do itself.
 * It serves the built renderer from `app://cairn/` (never file://), answers the page's
 * single IPC channel only from that origin, pushes the session's changes back, and
 * denies everything a page could reach for: navigation, new windows, webviews,
 * permissions and the network. The trust rules live in window-security.ts (pure, tested).
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
import { CONTENT_SECURITY_POLICY } from "../shared/security/csp.ts";
import { createCore, type Core } from "./core/core.ts";
import {
  chooseStartupProject,
  openStartupProject as openChosenProject,
} from "./core/services/startup-project.ts";
import { showFatalError, showOpenError } from "./dialogs.ts";
import { refreshApplicationMenu } from "./menu.ts";
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  contentTypeFor,
  decideNavigation,
  isAllowedDownload,
  isAppUrl,
  projectPathFromArgv,
  refusePageFileAccess,
  resolveAppFile,
  secureWebPreferences,
} from "./window-security.ts";

const isDefaultApp = process.defaultApp === true;
let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
/** Files the user picked in File › Import answers…: the only ones the page may import. */
const chosenImportPaths = new Set<string>();
/** A project named on the command line or by the OS (macOS open-file) before start-up. */
let pendingProject = absoluteOrUndefined(projectPathFromArgv(process.argv, isDefaultApp));

// Both must happen before `ready`.
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
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Belt and braces behind the CSP: nothing in this app ever needs the network.
  ses.webRequest.onBeforeRequest(
    { urls: ["http://*/*", "https://*/*", "ws://*/*", "wss://*/*"] },
    (_details, callback) => callback({ cancel: true }),
  );
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
    const text = (status: number, body: string) =>
      new Response(body, {
        status,
        headers: appResponseHeaders("text/plain; charset=utf-8", CONTENT_SECURITY_POLICY),
      });
    if (request.method !== "GET" && request.method !== "HEAD") return text(405, "Not allowed");
    const file = resolveAppFile(root, request.url);
    if (file === null) return text(404, "Not found");
    const body = request.method === "HEAD" ? null : new Uint8Array(await readFile(file));
    return new Response(body, {
      status: 200,
      headers: appResponseHeaders(contentTypeFor(file), CONTENT_SECURITY_POLICY),
    });
  });
}

function registerIpc(started: Core): void {
  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event, name: unknown, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      const trusted =
        frame !== null &&
        frame.parent === null &&
        isAppUrl(frame.url) &&
        mainWindow !== null &&
        event.sender === mainWindow.webContents;
      if (!trusted) {
        console.warn(`cairn: refused an IPC call from ${frame?.url ?? "a destroyed frame"}`);
        throw new Error("this page may not call Cairn");
      }
      if (typeof name !== "string") {
        return {
          ok: false,
          error: { code: "bad_input", message: "an operation name is required" },
        };
      }
      const refusal = refusePageFileAccess(
        name,
        input,
        started.recent.list().map((entry) => entry.path),
        chosenImportPaths,
      );
      if (refusal) return { ok: false, error: { code: "bad_input", message: refusal } };
      return started.call(name, input);
    },
  );
}

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
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url) === "open-externally") void shell.openExternal(url);
    return { action: "deny" };
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: app.getName(),
    webPreferences: secureWebPreferences({
      preload: join(app.getAppPath(), "dist-electron", "preload.cjs"),
      devTools: !app.isPackaged,
    }),
  });
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
  });
}

/** The project given on the command line, else the last one, else the sample. */
function openStartupProject(started: Core, given: string | undefined): void {
  const choice = chooseStartupProject(given, started.recent, app.getPath("userData"));
  try {
    openChosenProject(started.session, choice);
  } catch (error) {
    // The window shows its "no project" state; the dialog says why.
    showOpenError(mainWindow, choice.path, error);
  }
}

/** A project handed to us by the OS or a second launch, while running. */
function openFromOutside(path: string): void {
  if (!core) return;
  try {
    core.session.open(path);
  } catch (error) {
    showOpenError(mainWindow, path, error);
  }
}

function forwardedProjectPath(additionalData: unknown): string | undefined {
  if (typeof additionalData !== "object" || additionalData === null) return undefined;
  const path = (additionalData as { projectPath?: unknown }).projectPath;
  return typeof path === "string" && path !== "" ? path : undefined;
}

function absoluteOrUndefined(path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(path);
}
