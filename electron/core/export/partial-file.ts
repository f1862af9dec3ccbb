/**
 * Writing an export so that the target path only ever holds a finished file: the work
 * writes a hidden partial file in the same folder (same disk, so the rename is atomic),
 * which is renamed over the target when it succeeds and removed when it fails.
 */
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CairnError } from "../../../shared/api/errors.ts";

export async function writeAtomically(
  path: string,
  write: (partialPath: string) => Promise<void>,
): Promise<{ bytes: number }> {
  const folder = dirname(path);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new CairnError("not_found", `the folder ${folder} does not exist`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) {
    throw new CairnError("bad_input", `${path} is a folder; choose a file name`);
  }
  const partial = join(folder, `.${basename(path)}.${process.pid}.partial`);
  try {
    await write(partial);
    const { size } = statSync(partial);
    renameSync(partial, path);
    return { bytes: size };
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof CairnError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CairnError("io", `could not write ${basename(path)}: ${reason}`);
  }
}

/** The error an export throws when its signal is aborted. */
export function exportCancelled(): CairnError {
  return new CairnError("cancelled", "the export was cancelled; nothing was written");
}
