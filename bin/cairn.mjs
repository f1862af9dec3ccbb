#!/usr/bin/env node
// The `cairn` command. The core is TypeScript run through tsx, so the CLI needs no
// build step and always matches the sources.
import { register } from "tsx/esm/api";

register();
// `npm run cairn -- show survey.cairn` runs from the package folder: file names the user
// typed are relative to where they typed them.
if (process.env.npm_lifecycle_event === "cairn" && process.env.INIT_CWD) {
  process.chdir(process.env.INIT_CWD);
}
// `cairn show FILE | head -1`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { runCli } = await import("../electron/core/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
