/**
 * The native application menu. File actions go straight to the core's project session
 * (the session then notifies the window, which re-renders); a failure is shown in an
 * error box with the CairnError's sentence. The menu is rebuilt whenever the project
 * changes, so "Open recent" and the enabled items always match the session. A project
 * that needs its password or is damaged is handed to the window instead (openFailed),
 * which asks for the password or offers a backup.
 */
import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from "electron";
import { historyState } from "./core/coding/history.ts";
import type { Core } from "./core/core.ts";
import type { ApiEvents, MenuCommand } from "../shared/api/contract.ts";
import {
  chooseCopyPath,
  chooseImportSources,
  chooseNewProjectPath,
  chooseProjectToOpen,
  openFailure,
  showAbout,
  showActionError,
} from "./dialogs.ts";

export interface MenuContext {
  readonly core: Core;
  /** The window dialogs attach to; null when none is open (macOS keeps running). */
  readonly currentWindow: () => BrowserWindow | null;
  /** Makes sure a window exists to show a project just opened from the menu. */
  readonly ensureWindow: () => void;
  /** Hands files chosen in File › Import answers… to the window's import wizard. */
  readonly importChosen: (paths: readonly string[]) => void;
  /** Edit › Undo / Redo: the window performs them (and undoes typing in a text field). */
  readonly menuCommand: (command: MenuCommand) => void;
  /**
   * File › Open… or Open recent chose a project that needs its password or is damaged:
   * the window (made sure of first) asks for the password or offers a backup. The shell
   * sends it as the "project.openFailed" event.
   */
  readonly openFailed: (failure: ApiEvents["project.openFailed"]) => void;
}

export function refreshApplicationMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(context)));
}

function menuTemplate(context: MenuContext): MenuItemConstructorOptions[] {
  const isMac = process.platform === "darwin";
  return [
    ...(isMac ? [{ role: "appMenu" } as const] : []),
    { label: "&File", submenu: fileMenu(context, isMac) },
    { label: "&Edit", submenu: editMenu(context) },
    { label: "&View", submenu: viewMenu() },
    ...(isMac ? [{ role: "windowMenu" } as const] : []),
    {
      label: "&Help",
      role: "help",
      submenu: [
        { label: `About ${app.getName()}`, click: () => showAbout(context.currentWindow()) },
      ],
    },
  ];
}

function fileMenu(context: MenuContext, isMac: boolean): MenuItemConstructorOptions[] {
  const actions = fileActions(context);
  const projectOpen = context.core.session.isOpen;
  return [
    { label: "New project…", accelerator: "CmdOrCtrl+N", click: actions.newProject },
    { label: "Open…", accelerator: "CmdOrCtrl+O", click: actions.openProject },
    { label: "Open recent", submenu: recentMenu(context, actions.openPath) },
    { type: "separator" },
    {
      label: "Import answers…",
      accelerator: "CmdOrCtrl+I",
      enabled: projectOpen,
      click: actions.importAnswers,
    },
    // The window asks for the paths and shows the report (a new project: always enabled).
    { label: "Import REFI-QDA project…", click: () => context.menuCommand("import-refi") },
    { type: "separator" },
    {
      label: "Save a copy as…",
      accelerator: "CmdOrCtrl+Shift+S",
      enabled: projectOpen,
      click: actions.saveCopy,
    },
    {
      label: "Export…",
      accelerator: "CmdOrCtrl+E",
      enabled: projectOpen,
      click: () => context.menuCommand("export"),
    },
    { type: "separator" },
    {
      label: "Prepare for a second coder…",
      enabled: projectOpen,
      click: () => context.menuCommand("prepare-coder"),
    },
    {
      label: "Bring back a coder's work…",
      enabled: projectOpen,
      click: () => context.menuCommand("merge-coder"),
    },
    {
      label: "Pseudonymise a copy…",
      enabled: projectOpen,
      click: () => context.menuCommand("pseudonymise"),
    },
    { type: "separator" },
    {
      label: "Restore from backup…",
      enabled: projectOpen,
      click: () => context.menuCommand("restore-backup"),
    },
    { label: "Password…", enabled: projectOpen, click: () => context.menuCommand("password") },
    { type: "separator" },
    { label: "Close project", enabled: projectOpen, click: actions.closeProject },
    ...(isMac ? [] : [{ type: "separator" } as const, { role: "quit" } as const]),
  ];
}

function recentMenu(
  context: MenuContext,
  openPath: (path: string) => void,
): MenuItemConstructorOptions[] {
  const recent = context.core.recent.list();
  if (recent.length === 0) return [{ label: "No recent projects", enabled: false }];
  return recent.map((entry) => ({
    // "&" marks a mnemonic on Windows and Linux; a path may contain one.
    label: entry.path.replaceAll("&", "&&"),
    enabled: entry.exists,
    click: () => openPath(entry.path),
  }));
}

function editMenu(context: MenuContext): MenuItemConstructorOptions[] {
  const history = context.core.session.isOpen
    ? historyState(context.core.session.db())
    : { undo: null, redo: null };
  // Not the "undo" role: that would undo only typing. The window decides: typing in a
  // text field is undone there, anything else is a step of the project's history.
  return [
    {
      label: history.undo ? `Undo ${history.undo}` : "Undo",
      accelerator: "CmdOrCtrl+Z",
      click: () => context.menuCommand("undo"),
    },
    {
      label: history.redo ? `Redo ${history.redo}` : "Redo",
      accelerator: "Shift+CmdOrCtrl+Z",
      click: () => context.menuCommand("redo"),
    },
    { type: "separator" },
    { role: "cut" },
    { role: "copy" },
    { role: "paste" },
    { role: "delete" },
    { type: "separator" },
    { role: "selectAll" },
  ];
}

function viewMenu(): MenuItemConstructorOptions[] {
  const development: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [
        { role: "reload" },
        { role: "forceReload" },
        { role: "toggleDevTools" },
        { type: "separator" },
      ];
  return [
    ...development,
    { role: "resetZoom" },
    { role: "zoomIn" },
    { role: "zoomOut" },
    { type: "separator" },
    { role: "togglefullscreen" },
  ];
}

interface FileActions {
  readonly newProject: () => void;
  readonly openProject: () => void;
  readonly openPath: (path: string) => void;
  readonly saveCopy: () => void;
  readonly closeProject: () => void;
  readonly importAnswers: () => void;
}

function fileActions({
  core,
  currentWindow,
  ensureWindow,
  importChosen,
  openFailed,
}: MenuContext): FileActions {
  const attempt = (title: string, action: () => void): void => {
    try {
      action();
    } catch (error) {
      showActionError(title, error);
    }
  };
  /** Runs `use` on the path the user picked, unless they cancelled. */
  const afterChoosing = (
    title: string,
    choice: Promise<string | null>,
    use: (path: string) => void,
  ): void => {
    choice.then(
      (path) => {
        if (path !== null) attempt(title, () => use(path));
      },
      (error: unknown) => showActionError(title, error),
    );
  };
  /** Opens `path`; the window takes over an open it can finish (a password, a backup). */
  const open = (path: string): void => {
    try {
      core.session.open(path);
    } catch (error) {
      const failure = openFailure(path, error);
      if (!failure) throw error;
      ensureWindow();
      openFailed(failure);
      return;
    }
    ensureWindow();
  };
  const openPath = (path: string): void => attempt("Could not open the project", () => open(path));
  return {
    openPath,
    importAnswers: () =>
      void chooseImportSources(currentWindow()).then(
        (paths) => {
          if (paths) importChosen(paths);
        },
        (error: unknown) => showActionError("Could not choose the files", error),
      ),
    newProject: () =>
      afterChoosing(
        "Could not create the project",
        chooseNewProjectPath(currentWindow()),
        (path) => {
          core.session.create(path);
          ensureWindow();
        },
      ),
    openProject: () =>
      afterChoosing("Could not open the project", chooseProjectToOpen(currentWindow()), open),
    saveCopy: () => {
      const summary = core.session.currentSummary();
      if (!summary) return;
      afterChoosing(
        "Could not save a copy",
        chooseCopyPath(currentWindow(), summary.path),
        (path) => core.session.saveCopy(path),
      );
    },
    closeProject: () => attempt("Could not close the project", () => core.session.close()),
  };
}
