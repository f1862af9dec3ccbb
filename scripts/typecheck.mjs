// Typechecks every TypeScript project, the Electron shell included. The shell needs
// Electron's type definitions, which ship in the electron package; where that optional
// package could not be installed (its runtime download failed), the definitions of the
// pinned version are fetched from the npm registry once and cached in .tsbuild/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const tscBin = require.resolve("typescript/bin/tsc");

/** @param {string[]} args */
function tsc(args) {
  const result = spawnSync(process.execPath, [tscBin, ...args], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The installed electron.d.ts, or null. */
function installedElectronTypes() {
  try {
    return require.resolve("electron/electron.d.ts");
  } catch {
    return null;
  }
}

/**
 * electron.d.ts of the pinned version, from the registry's package (no runtime, no
 * install script), cached per version. Null when the registry cannot be reached.
 */
function fetchedElectronTypes() {
  const manifest = JSON.parse(readFileSync("package.json", "utf8"));
  const version = manifest.optionalDependencies.electron;
  const dir = join(".tsbuild", "electron-types", version);
  const types = join(dir, "electron.d.ts");
  if (existsSync(types)) return types;
  const temp = mkdtempSync(join(tmpdir(), "cairn-electron-types-"));
  try {
    const pack = spawnSync("npm", ["pack", `electron@${version}`, "--silent"], {
      cwd: temp,
      encoding: "utf8",
    });
    const tarball = pack.stdout.trim().split("\n").pop();
    if (pack.status !== 0 || !tarball) return null;
    const untar = spawnSync("tar", ["-xzf", tarball, "package/electron.d.ts"], { cwd: temp });
    if (untar.status !== 0) return null;
    mkdirSync(dir, { recursive: true });
    writeFileSync(types, readFileSync(join(temp, "package", "electron.d.ts")));
    return types;
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

tsc(["-b", "tsconfig.json"]);

if (installedElectronTypes()) {
  tsc(["-b", "electron/tsconfig.json"]);
  console.log("typecheck: every project, the Electron shell against the installed Electron");
} else {
  const types = fetchedElectronTypes();
  if (!types) {
    console.log("typecheck: Electron's types could not be had here; the shell was not checked");
  } else {
    const config = join(".tsbuild", "tsconfig.shell-check.json");
    writeFileSync(
      config,
      JSON.stringify(
        {
          extends: "../electron/tsconfig.json",
          compilerOptions: {
            composite: false,
            declaration: false,
            emitDeclarationOnly: false,
            noEmit: true,
            rootDir: "..",
          },
          files: [`../${types}`],
          include: ["../electron/*.ts"],
          references: [{ path: "../shared" }, { path: "../electron/core" }],
        },
        null,
        2,
      ),
    );
    tsc(["-p", config]);
    console.log(`typecheck: every project, the Electron shell against ${types}`);
  }
}
