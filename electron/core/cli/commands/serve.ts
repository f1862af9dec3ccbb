import { CairnError } from "../../../../shared/api/errors.ts";
import { createCore, type Core } from "../../core.ts";
import { serve, type RunningServer } from "../../http/server.ts";
import { userDataDir } from "../../paths.ts";
import { chooseStartupProject, openStartupProject } from "../../services/startup-project.ts";
import { parse, UsageError } from "../args.ts";
import type { Output } from "../output.ts";
import { openInBrowser } from "../browser-opener.ts";
import { ensureRendererBuilt, rendererDir } from "../renderer-build.ts";

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
  const staticDir = rendererDir();

  const core = createCore({ shell: "browser", autoBackup: true });
  try {
    openProject(core, positionals[0], output);
    const server = await listen(core, staticDir, port);
    // Built (once, in a development checkout) after the port is known to be free, before
    // anyone is given the URL.
    await ensureRendererBuilt(output);
    output.out(server.url);
    const open = core.session.currentSummary();
    output.err(open ? `Serving ${open.path} (Ctrl+C to stop)` : "Serving Cairn (Ctrl+C to stop)");
    const launcher = values["no-open"] ? null : openInBrowser(server.url);
    await untilStopped();
    launcher?.dispose();
    await server.close();
  } finally {
    // Checkpoints the WAL and releases the lock, whatever ended the server.
    core.shutdown();
  }
}

/**
 * A FILE named on the command line must open. Without one, a last project that cannot be
 * opened now (moved, open elsewhere) is not fatal: the app starts without a project and
 * the user picks one.
 */
function openProject(core: Core, given: string | undefined, output: Output): void {
  const choice = chooseStartupProject(given, core.recent, userDataDir());
  try {
    openStartupProject(core.session, choice);
  } catch (error) {
    // An encrypted project opens with CAIRN_PASSWORD, as for every other command.
    const password = process.env.CAIRN_PASSWORD;
    if (error instanceof CairnError && error.code === "password_required" && password) {
      core.session.open(choice.path, { password });
      return;
    }
    if (choice.kind === "given" || !(error instanceof CairnError)) throw error;
    output.err(`cairn serve: not opening ${choice.path}: ${error.message}`);
  }
}

async function listen(core: Core, staticDir: string, port: number): Promise<RunningServer> {
  try {
    return await serve({ core, staticDir, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") {
      throw new CairnError("io", `port ${port} is in use; choose another with --port`);
    }
    if (code === "EACCES") {
      throw new CairnError(
        "io",
        `not allowed to listen on port ${port}; choose another with --port`,
      );
    }
    throw error;
  }
}

function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, resolve);
  });
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(port) || port > 65535) {
    throw new UsageError(`cairn serve: --port must be a number from 0 to 65535, not "${value}"`);
  }
  return port;
}
