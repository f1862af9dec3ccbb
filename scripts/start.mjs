// `npm start [-- FILE]`: the desktop app when Electron's runtime is installed; otherwise
// (a machine that cannot download it) browser mode, on the same core and the same UI.
// Without FILE, the last project opened is shown, or the built-in sample project.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
// npm runs scripts from the package folder; a project path the user typed is relative
// to where they typed it (INIT_CWD).
const userCwd = process.env.INIT_CWD ?? process.cwd();
const args = process.argv
  .slice(2)
  .map((arg) => (arg.startsWith("-") ? arg : resolve(userCwd, arg)));

/** The Electron binary, or null when the package or its downloaded runtime is missing. */
function electronBinary() {
  try {
    // The electron package exports the path of the runtime it downloaded at install,
    // and throws when that download did not happen.
    // (A variable, so the type checker does not demand Electron's types here.)
    const electronPackage = "electron";
    const binary = require(electronPackage);
    return typeof binary === "string" ? binary : null;
  } catch {
    return null;
  }
}

/**
 * @param {string} script
 * @param {string[]} [extra]
 */
function runNode(script, extra = []) {
  const result = spawnSync(process.execPath, [script, ...extra], { cwd: root, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

async function buildRenderer() {
  const { build } = await import("vite");
  await build({ configFile: `${root}/renderer/vite.config.ts`, logLevel: "warn" });
}

/** @param {import("node:child_process").ChildProcess} child */
function forward(child) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => child.kill(/** @type {NodeJS.Signals} */ (signal)));
  }
  child.on("exit", (code) => process.exit(code ?? 0));
}

await buildRenderer();
const electron = electronBinary();
if (electron) {
  runNode("scripts/build-electron.mjs");
  runNode("scripts/native-electron.mjs");
  forward(spawn(electron, [".", ...args], { cwd: root, stdio: "inherit" }));
} else {
  console.error(
    "Electron's runtime is not installed on this machine, so Cairn opens in browser mode: open the URL below.",
  );
  forward(
    spawn(process.execPath, ["bin/cairn.mjs", "serve", ...args], { cwd: root, stdio: "inherit" }),
  );
}
