/**
 * Browser mode serves the built renderer. In a development checkout (`npm install`, then
 * `npx cairn serve`) it may not be built yet: build it once with Vite rather than send
 * the user off to find the right command.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { appRoot } from "../paths.ts";
import { CairnError } from "../../../shared/api/errors.ts";
import type { Output } from "./output.ts";
import type * as Vite from "vite";

export function rendererDir(): string {
  return join(appRoot(), "renderer", "dist");
}

export async function ensureRendererBuilt(output: Output): Promise<string> {
  const root = appRoot();
  const staticDir = rendererDir();
  if (existsSync(join(staticDir, "index.html"))) return staticDir;
  let vite: typeof Vite;
  try {
    vite = await import("vite");
  } catch {
    throw new CairnError(
      "io",
      "the interface is not built and Vite is not installed; run `npm install` and `npm run build:renderer`",
    );
  }
  output.err("Building the interface (first run only)…");
  await vite.build({ configFile: join(root, "renderer", "vite.config.ts"), logLevel: "warn" });
  return staticDir;
}
