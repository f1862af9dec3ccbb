/**
 * For the browser-mode server's tests: a served core on the sample project (token
 * "test-token-123") and a raw HTTP client that sends exactly the headers a test names,
 * as a hostile page or a rebinding attacker could.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterEach } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import { serve, type RunningServer } from "../../electron/core/http/server.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

export const TEST_TOKEN = "test-token-123";

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Send no Host header at all (Node adds one otherwise). */
  noHost?: boolean;
  /** Return once the headers arrive (an event stream never ends). */
  headersOnly?: boolean;
}

export function send(
  server: RunningServer,
  path: string,
  options: SendOptions = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path,
        method: options.method ?? "GET",
        headers: options.headers,
        setHost: options.noHost !== true,
      },
      (res) => {
        const reply = { status: res.statusCode ?? 0, headers: res.headers, body: "" };
        if (options.headersOnly) {
          res.destroy();
          return resolve(reply);
        }
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (reply.body += chunk));
        res.on("end", () => resolve(reply));
      },
    );
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** POST /api/call/<name> with the token in its header. */
export function api(
  server: RunningServer,
  name: string,
  input: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  return send(server, `/api/call/${name}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Cairn-Token": server.token, ...headers },
    body: JSON.stringify(input),
  });
}

/** For a describe block: `start()` serves a fresh sample project; stopped after each test. */
export function useServedSample(): () => Promise<RunningServer> {
  const tempDir = useTempDir();
  let server: RunningServer | null = null;
  let core: Core | null = null;

  afterEach(async () => {
    await server?.close();
    core?.shutdown();
    server = null;
    core = null;
  });

  return async () => {
    const dir = tempDir();
    const staticDir = join(dir, "dist");
    mkdirSync(join(staticDir, "assets"), { recursive: true });
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Cairn</title>");
    writeFileSync(join(staticDir, "assets", "index.js"), "export {};");
    core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
    core.session.create(join(dir, "sample.cairn"), { sample: true });
    server = await serve({ core, staticDir, token: TEST_TOKEN });
    return server;
  };
}
