/**
 * The crash tests' child scripts, bundled once per run: spawning `node --import tsx`
 * costs about a second per child, and even a plain bundle spends most of its start
 * compiling itself. So each child is one CommonJS bundle run by a small loader with
 * V8's code cache (written by a first warm-up run, reused by every later child), and
 * the spreadsheet and Word libraries, which no child action uses, are left out (a stub
 * that throws if called). The native better-sqlite3 stays outside the bundle, required
 * by its absolute path: the bundle lives in a temporary folder.
 */
import { build, type Plugin } from "esbuild";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const requireHere = createRequire(import.meta.url);
/** The repository: where a bundled child finds the migrations (CAIRN_APP_ROOT). */
export const APP_ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface ChildBundles {
  /** `node <loader> <bundle> <json>` runs a bundle. */
  readonly loader: string;
  /** Runs a seed's actions, printing begin/done (child.ts). */
  readonly crash: string;
  /** The core over a pipe: one JSON call per line in, one result per line out. */
  readonly core: string;
}

/**
 * Runs the bundle named by argv[2] with the code cache beside it; with
 * CRASH_WRITE_CODE_CACHE set, writes that cache when the process exits.
 */
const LOADER = `"use strict";
const { existsSync, readFileSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname } = require("node:path");
const vm = require("node:vm");
const bundle = process.argv.splice(2, 1)[0];
const cache = bundle + ".cache";
const script = new vm.Script(Module.wrap(readFileSync(bundle, "utf8")), {
  filename: bundle,
  cachedData: existsSync(cache) ? readFileSync(cache) : undefined,
});
if (process.env.CRASH_WRITE_CODE_CACHE) {
  process.on("exit", () => writeFileSync(cache, script.createCachedData()));
}
const module_ = { exports: {} };
script.runInThisContext()(module_.exports, Module.createRequire(bundle), module_, bundle, dirname(bundle));
`;

const officeStubs: Plugin = {
  name: "no-office-files",
  setup(plugin) {
    plugin.onResolve({ filter: /^(exceljs|mammoth|jszip)$/ }, (args) => ({
      path: args.path,
      namespace: "unused",
    }));
    plugin.onLoad({ filter: /.*/, namespace: "unused" }, (args) => ({
      contents:
        "module.exports = new Proxy({}, { get(_, key) { if (key === '__esModule') return false; " +
        `throw new Error("${args.path} is not in the crash child"); } });`,
      loader: "js",
    }));
  },
};

/** zod's messages in English only: the core never switches language (64 locales otherwise). */
const englishOnly: Plugin = {
  name: "zod-english-only",
  setup(plugin) {
    plugin.onResolve({ filter: /\/locales\/index\.c?js$/ }, (args) =>
      args.importer.includes("node_modules/zod/")
        ? {
            path: join(
              args.resolveDir,
              `../locales/en.${args.path.endsWith(".cjs") ? "cjs" : "js"}`,
            ),
            namespace: "zod-locales",
          }
        : undefined,
    );
    plugin.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      loader: "js",
      resolveDir: dirname(args.path),
    }));
  },
};

const sqliteByPath: Plugin = {
  name: "native-sqlite-by-path",
  setup(plugin) {
    plugin.onResolve({ filter: /^better-sqlite3$/ }, () => ({
      path: requireHere.resolve("better-sqlite3"),
      external: true,
    }));
  },
};

export async function bundleChildren(dir: string): Promise<ChildBundles> {
  await build({
    entryPoints: { crash: join(here, "child.ts"), core: join(here, "core-child.ts") },
    outdir: dir,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    logLevel: "error",
    minifyWhitespace: true,
    minifySyntax: true,
    define: { "import.meta.url": "__crashBundleUrl" },
    banner: { js: 'const __crashBundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    plugins: [officeStubs, englishOnly, sqliteByPath],
  });
  const loader = join(dir, "load.cjs");
  writeFileSync(loader, LOADER);
  return { loader, crash: join(dir, "crash.cjs"), core: join(dir, "core.cjs") };
}
