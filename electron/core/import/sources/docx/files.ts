/** Which Word files to read, and in what order. */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { badInput } from "./bad-input.ts";

const naturalOrder = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

/** R2 before R10; the full path breaks ties so that the order never depends on input. */
export function byName(a: string, b: string): number {
  return naturalOrder.compare(basename(a), basename(b)) || (a < b ? -1 : a > b ? 1 : 0);
}

export function withoutExtension(fileName: string): string {
  return fileName.slice(0, fileName.length - extname(fileName).length);
}

export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function docxFilesIn(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    throw badInput(`the folder ${basename(folder)} could not be read`);
  }
  const files = names
    .filter((name) => /\.docx$/i.test(name) && !name.startsWith("~$") && !name.startsWith("."))
    .map((name) => join(folder, name))
    .filter((path) => !isFolder(path))
    .sort(byName);
  if (files.length === 0) {
    const hasOldWord = names.some((name) => /\.doc$/i.test(name));
    throw badInput(
      `the folder ${basename(folder)} has no Word .docx files` +
        (hasOldWord ? ": save its .doc files as .docx in Word first" : ""),
    );
  }
  return files;
}
