import { spawn } from "node:child_process";
import { createCore } from "../../core.ts";
import { serve } from "../../http/server.ts";
import { userDataDir } from "../../paths.ts";
import { chooseStartupProject, openStartupProject } from "../../services/startup-project.ts";
import { parse, UsageError } from "../args.ts";
import type { Output } from "../output.ts";
import { ensureRendererBuilt } from "../renderer-build.ts";

/**
 * `cairn serve [FILE] [--port N] [--no-open]`: browser mode. The first line on stdout is
 * the URL with its token (scripts and tests read it); without FILE the last project
 * opened, or the sample project, is served.
 */
export async function serveCommand(argv: string[], output: Output): Promise<void> {
  const { positionals, values } = parse("serve", argv, {
    port: { type: "string" },
    "no-open": { type: "boolean" },
  });
  if (positionals.length > 1) throw new UsageError("cairn serve: expected at most one FILE");
  const port = parsePort(values.port);
  const staticDir = await ensureRendererBuilt(output);

  const core = createCore({ shell: "browser" });
  openStartupProject(
    core.session,
    chooseStartupProject(positionals[0], core.recent, userDataDir()),
  );

  const server = await serve({ core, staticDir, port });
  output.out(server.url);
  output.err(`Serving ${core.session.summary().path} (Ctrl+C to stop)`);
  if (!values["no-open"]) openInBrowser(server.url);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await server.close();
  core.shutdown();
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`cairn serve: --port must be a number from 0 to 65535, not "${value}"`);
  }
  return port;
}

/** Best effort: a machine without a desktop browser just keeps the printed URL. */
function openInBrowser(url: string): void {
  const command =
    process.platform === "darwin" ? "open" : process.platform === "win32" ? "explorer" : "xdg-open";
  try {
    const child = spawn(command, [url], { detached: true, stdio: "ignore" });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // No opener on this machine: the URL on stdout is enough.
  }
}
