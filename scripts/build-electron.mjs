// `npm run build:electron`: bundles the desktop shell with esbuild.
// - electron/main.ts    -> dist-electron/main.cjs    (the main process; package.json "main")
// - electron/preload.ts -> dist-electron/preload.cjs (sandboxed preload)
// Both are CommonJS: a sandboxed preload must be, and the main bundle follows package.json
// "main" and loads better-sqlite3 (CommonJS, native) with a plain require. `electron` and
// `better-sqlite3` stay external; everything else (core, shared, zod, the sample JSON) is
// bundled, so the packaged app needs only better-sqlite3 from node_modules.
import { build } from "esbuild";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${root}dist-electron`;

/** Electron 45 ships Node 24 and Chromium 156. */
const NODE_TARGET = "node24";
const CHROME_TARGET = "chrome156";

/** @type {import("esbuild").BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  format: "cjs",
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  metafile: true,
  external: ["electron"],
};

/**
 * Which modules a bundle still loads at run time, from esbuild's metafile.
 * @param {import("esbuild").Metafile} metafile
 */
function runtimeImports(metafile) {
  return Object.values(metafile.outputs).flatMap((output) =>
    output.imports.filter((entry) => entry.external).map((entry) => entry.path),
  );
}

/**
 * @param {string} bundle
 * @param {string[]} found
 * @param {(name: string) => boolean} allowed
 */
function assertOnlyAllowedImports(bundle, found, allowed) {
  const unexpected = [...new Set(found.filter((name) => !allowed(name)))];
  if (unexpected.length > 0) {
    throw new Error(`${bundle} would load ${unexpected.join(", ")} at run time`);
  }
}

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const main = await build({
  ...common,
  entryPoints: { main: "electron/main.ts" },
  outExtension: { ".js": ".cjs" },
  outdir,
  platform: "node",
  target: NODE_TARGET,
  external: ["electron", "better-sqlite3"],
  // The core is ESM and reads import.meta.url (paths.ts); give the CJS bundle a real one.
  banner: {
    js: 'const __cairnImportMetaUrl = require("node:url").pathToFileURL(__filename).href;',
  },
  define: { "import.meta.url": "__cairnImportMetaUrl" },
});
assertOnlyAllowedImports(
  "main.cjs",
  runtimeImports(main.metafile ?? { inputs: {}, outputs: {} }),
  (name) => name === "electron" || name === "better-sqlite3" || nodeBuiltins.has(name),
);

const preload = await build({
  ...common,
  entryPoints: { preload: "electron/preload.ts" },
  outExtension: { ".js": ".cjs" },
  outdir,
  // "browser": a Node built-in imported by mistake fails the build instead of the window.
  platform: "browser",
  target: CHROME_TARGET,
});
assertOnlyAllowedImports(
  "preload.cjs",
  runtimeImports(preload.metafile ?? { inputs: {}, outputs: {} }),
  (name) => name === "electron",
);
// The metafile lists imports; also check the text, as a sandboxed preload has no require
// but electron's (a stray require of anything else only fails when the window opens).
const preloadText = readFileSync(`${outdir}/preload.cjs`, "utf8");
const requires = [...preloadText.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map(
  (match) => match[1] ?? "",
);
assertOnlyAllowedImports("preload.cjs", requires, (name) => name === "electron");

console.log("build:electron: dist-electron/main.cjs and dist-electron/preload.cjs");
