#!/usr/bin/env node
// The `cairn` command. The core is TypeScript run through tsx, so the CLI needs no
// build step and always matches the sources.
import { register } from "tsx/esm/api";

register();
// `cairn show FILE | head -1`: a reader that stops early is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
const { runCli } = await import("../electron/core/cli/main.ts");
process.exitCode = await runCli(process.argv.slice(2));
