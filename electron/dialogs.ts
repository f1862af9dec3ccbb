/**
 * The native dialogs of the File menu and of start-up errors. Each chooser resolves to
 * an absolute path, or null when the user cancelled; nothing here touches the project.
 */
import {
  app,
  dialog,
  type BrowserWindow,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from "electron";
import { join } from "node:path";
import type { ApiEvents } from "../shared/api/contract.ts";
import { CairnError } from "../shared/api/errors.ts";
import { copyPathFor, PROJECT_EXTENSION, withProjectExtension } from "../shared/project-files.ts";

const PROJECT_FILTERS: FileFilter[] = [{ name: "Cairn projects", extensions: [PROJECT_EXTENSION] }];

async function askSavePath(
  window: BrowserWindow | null,
  options: SaveDialogOptions,
): Promise<string | null> {
  const result = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options);
  // GTK's save dialog does not append the filter's extension: do it here.
  return result.canceled || !result.filePath ? null : withProjectExtension(result.filePath);
}

export function chooseNewProjectPath(window: BrowserWindow | null): Promise<string | null> {
  return askSavePath(window, {
    title: "New project",
    buttonLabel: "Create",
    defaultPath: join(app.getPath("documents"), "Untitled.cairn"),
    filters: PROJECT_FILTERS,
    properties: ["createDirectory", "showOverwriteConfirmation"],
  });
}

export function chooseCopyPath(
  window: BrowserWindow | null,
  currentPath: string,
): Promise<string | null> {
  return askSavePath(window, {
    title: "Save a copy as",
    buttonLabel: "Save copy",
    defaultPath: copyPathFor(currentPath),
    filters: PROJECT_FILTERS,
    properties: ["createDirectory", "showOverwriteConfirmation"],
  });
}

/** Survey exports, several at once (a folder's Word questionnaires, waves of one survey). */
export async function chooseImportSources(window: BrowserWindow | null): Promise<string[] | null> {
  const options: OpenDialogOptions = {
    title: "Import answers",
    filters: [
      { name: "Survey exports", extensions: ["csv", "tsv", "txt", "xlsx", "docx"] },
      { name: "All files", extensions: ["*"] },
    ],
    properties: ["openFile", "multiSelections"],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled || result.filePaths.length === 0 ? null : result.filePaths;
}

export async function chooseProjectToOpen(window: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: "Open project",
    filters: PROJECT_FILTERS,
    properties: ["openFile"],
  };
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/**
 * The sentence to show for a failed action. CairnError messages are written for users;
 * anything else is a bug, so it is logged in full and shown with a neutral lead-in.
 */
export function userMessage(error: unknown): string {
  if (error instanceof CairnError) return error.message;
  console.error("cairn:", error);
  const detail = error instanceof Error ? error.message : String(error);
  return `Something went wrong: ${detail}`;
}

/**
 * An open the window can still finish: the project needs its password (the window asks
 * for it) or is damaged (the window offers its latest backup). Null for any other failure,
 * which is shown in an error box as before.
 */
export function openFailure(path: string, error: unknown): ApiEvents["project.openFailed"] | null {
  if (!(error instanceof CairnError)) return null;
  if (error.code !== "password_required" && error.code !== "damaged") return null;
  return { path, code: error.code, message: error.message };
}

/** A failed menu action. Synchronous and modal: there is nothing to do until it is read. */
export function showActionError(title: string, error: unknown): void {
  dialog.showErrorBox(title, userMessage(error));
}

/**
 * A project that could not be opened at start-up or when the OS handed it to us; the
 * window stays in its "no project" state. Not modal to the app: the window stays usable.
 */
export function showOpenError(window: BrowserWindow | null, path: string, error: unknown): void {
  const options = {
    type: "error" as const,
    title: app.getName(),
    message: "The project could not be opened",
    detail: `${path}\n\n${userMessage(error)}`,
  };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

/** Start-up failed before there is a window (missing build step, broken install). */
export function showFatalError(error: unknown): void {
  console.error("cairn: could not start", error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(`${app.getName()} could not start`, message);
}

export function showAbout(window: BrowserWindow | null): void {
  const versions = process.versions;
  const options = {
    type: "info" as const,
    title: `About ${app.getName()}`,
    message: `${app.getName()} ${app.getVersion()}`,
    detail:
      "Offline coding of open-ended survey answers. Your data stays on this computer.\n\n" +
      `Electron ${versions.electron ?? "?"} · Chromium ${versions.chrome ?? "?"} · ` +
      `Node ${versions.node}`,
  };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
