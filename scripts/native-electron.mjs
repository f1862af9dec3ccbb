// `npm run native:electron`: builds better-sqlite3 for Electron's ABI, beside the Node
// build that npm made, never over it.
//
// npm compiles node_modules/better-sqlite3 for the Node that runs npm (what the tests,
// the CLI and browser mode load). Electron embeds its own Node with another ABI
// (NODE_MODULE_VERSION), so the app needs a second build of the same sources. This
// script copies the package to a temporary folder, compiles it there with node-gyp
// against Electron's headers, and keeps only the result:
//
//   .native/electron-<version>/better_sqlite3.node
//
// The desktop shell loads that file through better-sqlite3's `nativeBinding` option
// (CAIRN_SQLITE_BINDING); electron-builder ships it as resources/native/better_sqlite3.node.
// See docs/decisions/0002-native-module-builds.md.
//
// Why node-gyp and not @electron/rebuild: @electron/rebuild 4 requires Node >= 22.12 (we
// support 20.19) and rebuilds a node_modules tree in place, whereas we want the Node
// build left untouched and one file out. node-gyp is what it runs underneath anyway.
import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir, tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const HEADERS_URL = "https://electronjs.org/headers";

/** The installed Electron's version, or null when the optional package is absent. */
function electronVersion() {
  try {
    const manifest = require.resolve("electron/package.json", { paths: [root] });
    const parsed = /** @type {{ version?: unknown }} */ (
      JSON.parse(readFileSync(manifest, "utf8"))
    );
    return typeof parsed.version === "string" ? parsed.version : null;
  } catch {
    return null;
  }
}

/**
 * The environment for node-gyp, without the npm config it would otherwise obey. Under
 * `npm run`, npm exports its config as npm_config_* variables, and node-gyp takes, say,
 * npm_config_nodedir over a download: it would then compile against the local Node's
 * headers, and the result would not load in Electron. Only settings about the local
 * toolchain are kept.
 */
function nodeGypEnv() {
  const keep = new Set(["python", "msvs_version", "jobs", "loglevel"]);
  /** @type {Record<string, string | undefined>} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    const config = /^npm_(?:package_config_node_gyp|config)_(.+)$/i.exec(key);
    if (config && !keep.has((config[1] ?? "").toLowerCase().replaceAll("-", "_"))) continue;
    env[key] = value;
  }
  return env;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {string} cwd
 */
function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: nodeGypEnv() });
  if (result.status !== 0) {
    throw new Error(
      `${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal})`,
    );
  }
}

/**
 * Loads the new build inside Electron running as plain Node, when its runtime is here:
 * proof that the ABI matches before anyone packages it.
 * @param {string} binding
 */
function smokeTest(binding) {
  let electronBinary;
  try {
    // The electron package's main export is the path of its downloaded runtime; it
    // throws when that download never happened (then there is nothing to test with).
    const electronPackage = "electron";
    electronBinary = /** @type {unknown} */ (require(electronPackage));
  } catch {
    console.log("native:electron: Electron's runtime is not downloaded; load test skipped");
    return;
  }
  if (typeof electronBinary !== "string") return;
  const script =
    `const Database = require(${JSON.stringify(require.resolve("better-sqlite3", { paths: [root] }))});` +
    `const db = new Database(":memory:", { nativeBinding: ${JSON.stringify(binding)} });` +
    `console.log("native:electron: loads in Electron, SQLite " + db.prepare("select sqlite_version() v").get().v);`;
  const result = spawnSync(electronBinary, ["-e", script], {
    stdio: "inherit",
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
  });
  if (result.status !== 0)
    throw new Error(`the Electron build of better-sqlite3 does not load (${binding})`);
}

const version = electronVersion();
if (version === null) {
  console.log(
    "native:electron: Electron is not installed; skipped (tests and browser mode use the Node build)",
  );
  process.exit(0);
}

const target = join(root, ".native", `electron-${version}`, "better_sqlite3.node");
const source = dirname(require.resolve("better-sqlite3/package.json", { paths: [root] }));
// The build is for one Electron (the folder) and one better-sqlite3 (this stamp): after
// upgrading better-sqlite3 the old build must not keep loading, so it is rebuilt.
const stamp = `${target}.better-sqlite3-version`;
const sqliteVersion = JSON.parse(readFileSync(join(source, "package.json"), "utf8")).version;
if (
  existsSync(target) &&
  existsSync(stamp) &&
  readFileSync(stamp, "utf8").trim() === sqliteVersion
) {
  console.log(`native:electron: ${target} is up to date`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), "cairn-native-"));
try {
  const copy = join(work, "better-sqlite3");
  // Sources only: the Node build in build/ must not leak into the Electron one.
  cpSync(source, copy, {
    recursive: true,
    filter: (path) => {
      const [top] = relative(source, path).split(sep);
      return top !== "build" && top !== "node_modules";
    },
  });
  console.log(
    `native:electron: compiling better-sqlite3 for Electron ${version} (${process.arch})…`,
  );
  run(
    process.execPath,
    [
      require.resolve("node-gyp/bin/node-gyp.js", { paths: [root] }),
      "rebuild",
      "--release",
      `--target=${version}`,
      `--arch=${process.arch}`,
      `--dist-url=${HEADERS_URL}`,
      // Electron's headers apart from Node's, as Electron's docs advise.
      `--devdir=${join(homedir(), ".electron-gyp")}`,
    ],
    copy,
  );
  const built = join(copy, "build", "Release", "better_sqlite3.node");
  smokeTest(built);
  // Only a build that compiled (and loaded, where Electron can run) is kept.
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(built, target);
  writeFileSync(stamp, `${sqliteVersion}\n`);
  console.log(`native:electron: wrote ${target} (better-sqlite3 ${sqliteVersion})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
