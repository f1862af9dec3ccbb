/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its config as CommonJS */
// electron-builder configuration: `npm run dist` (see build/README.md).
//
// The app is three built things plus the migrations: dist-electron/ (main + preload,
// bundled by esbuild; only `electron` and `better-sqlite3` are left external),
// renderer/dist/ (Vite), migrations/ (read at run time from app.asar). electron-builder
// adds the production node_modules itself; of those the app loads only better-sqlite3's
// JavaScript, whose native part comes from extraResources below.
const { existsSync, readFileSync } = require("node:fs");
const { join } = require("node:path");

const root = join(__dirname, "..");

/** The Electron being packaged: the installed one, else the version package.json pins. */
function electronVersion() {
  const installed = join(root, "node_modules", "electron", "package.json");
  if (existsSync(installed)) return JSON.parse(readFileSync(installed, "utf8")).version;
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return manifest.optionalDependencies.electron;
}

const version = electronVersion();
// Built by scripts/native-electron.mjs for exactly this Electron (its ABI, this arch).
const nativeBinding = `.native/electron-${version}/better_sqlite3.node`;
if (!existsSync(join(root, nativeBinding))) {
  throw new Error(
    `${nativeBinding} is missing: run \`npm run native:electron\` (needs Electron ${version} installed).`,
  );
}

/** @type {import("electron-builder").Configuration} */
module.exports = {
  appId: "org.cairn.app",
  productName: "Cairn",
  copyright: "Copyright © Cairn developers",
  electronVersion: version,
  directories: { output: "release", buildResources: "build" },
  icon: "build/icon.png",

  files: [
    "dist-electron/**",
    "renderer/dist/**",
    "migrations/**",
    "package.json",
    "!**/*.map",
    // better-sqlite3's Node-ABI build and its C sources: never loaded by the app (the
    // Electron build below is, via `nativeBinding`), and a .node file here would make
    // electron-builder unpack it from the asar for nothing.
    "!node_modules/better-sqlite3/{build,deps,src}/**",
    "!node_modules/better-sqlite3/binding.gyp",
  ],
  extraResources: [{ from: nativeBinding, to: "native/better_sqlite3.node" }],
  // The app reads the binding from resources/native/ (outside the asar), so nothing has
  // to be unpacked.
  asarUnpack: [],
  // We build the Electron-ABI better-sqlite3 ourselves (scripts/native-electron.mjs).
  // Left on, electron-builder would rebuild node_modules/better-sqlite3 *in place* for
  // Electron, and the tests, the CLI and browser mode (plain Node) would stop loading it.
  npmRebuild: false,
  buildDependenciesFromSource: false,

  // Hardening of the Electron binary itself (@electron/fuses).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableCookieEncryption: true,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  },

  fileAssociations: [
    {
      ext: "cairn",
      name: "Cairn project",
      description: "Cairn project",
      mimeType: "application/x-cairn-project",
      role: "Editor",
    },
  ],

  linux: {
    target: ["AppImage", "deb"],
    category: "Office",
    synopsis: "Code open-ended survey answers, offline",
    description:
      "Import survey answers, code passages, count respondents per code and check agreement between coders. Projects never leave your computer.",
    desktop: { entry: { Categories: "Office;Education;" } },
  },
  deb: { packageCategory: "education" },

  mac: {
    target: ["dmg"],
    category: "public.app-category.productivity",
    hardenedRuntime: true,
    gatekeeperAssess: false,
  },

  win: { target: ["nsis"] },
  nsis: {
    oneClick: false,
    // File associations are written only by a per-machine NSIS install.
    perMachine: true,
    allowToChangeInstallationDirectory: true,
  },
};
