// Typechecks every TypeScript project. The Electron shell's project needs Electron's own
// type definitions, which arrive only with the Electron runtime (an optional dependency
// that cannot be downloaded on every machine): where Electron is absent the shell is
// skipped with a note, and everything else (core, shared, renderer, tests) is checked.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** @param {string} project */
function tsc(project) {
  const result = spawnSync(
    process.execPath,
    [require.resolve("typescript/bin/tsc"), "-b", project],
    {
      stdio: "inherit",
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

tsc("tsconfig.json");

let electronTypes = null;
try {
  electronTypes = require.resolve("electron/electron.d.ts");
} catch {
  electronTypes = null;
}
if (electronTypes && existsSync("electron/tsconfig.json")) {
  tsc("electron/tsconfig.json");
  console.log("typecheck: all projects, including the Electron shell");
} else {
  console.log(
    "typecheck: Electron is not installed here, so the shell (electron/*.ts) was not typechecked",
  );
}
