/**
 * Opens browser mode in the user's browser without putting the token on a command line
 * (any local user can read another process's arguments): the opener gets a private
 * (0600) HTML file that redirects to the URL, the way Jupyter does it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface OpenedLauncher {
  /** Removes the launcher file. */
  dispose(): void;
}

export function openInBrowser(url: string): OpenedLauncher {
  const dir = mkdtempSync(join(tmpdir(), "cairn-open-"));
  const file = join(dir, "open-cairn.html");
  const escaped = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  writeFileSync(
    file,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escaped}">` +
      `<title>Opening Cairn…</title><p><a href="${escaped}">Open Cairn</a></p>\n`,
    { mode: 0o600 },
  );
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(command, [file], { detached: true, stdio: "ignore" });
    // A machine without a desktop browser just keeps the URL printed on stdout.
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // As above: no opener here.
  }
  return { dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
