/** Names of project files, the same in the desktop dialogs and the browser-mode menu. */

export const PROJECT_EXTENSION = "cairn";

/** "survey" -> "survey.cairn"; a name that already ends in .cairn is kept. */
export function withProjectExtension(path: string): string {
  return /\.cairn$/i.test(path) ? path : `${path}.${PROJECT_EXTENSION}`;
}

/** The last part of a path, for either separator. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** "/a/survey.cairn" -> "/a/survey copy.cairn": the suggestion for Save a copy as. */
export function copyPathFor(path: string): string {
  return path.replace(/(\.cairn)?$/i, " copy.cairn");
}
