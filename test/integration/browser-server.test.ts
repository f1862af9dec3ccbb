import { join } from "node:path";
import { request } from "node:http";
import { mkdirSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { createCore, type Core } from "../../electron/core/core.ts";
import { serve, type RunningServer } from "../../electron/core/http/server.ts";
import { useTempDir } from "../helpers/temp.ts";
import { fixedClock } from "../helpers/project.ts";

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  server: RunningServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: server.port,
        path,
        method: options.method ?? "GET",
        headers: options.headers,
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

describe("browser mode", () => {
  const tempDir = useTempDir();
  let server: RunningServer | null = null;
  let core: Core | null = null;

  afterEach(async () => {
    await server?.close();
    core?.shutdown();
    server = null;
    core = null;
  });

  async function start(): Promise<RunningServer> {
    const dir = tempDir();
    const staticDir = join(dir, "dist");
    mkdirSync(staticDir);
    writeFileSync(join(staticDir, "index.html"), "<!doctype html><title>Cairn</title>");
    core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
    core.session.create(join(dir, "sample.cairn"), { sample: true });
    server = await serve({ core, staticDir, token: "test-token-123" });
    return server;
  }

  const api = (
    s: RunningServer,
    name: string,
    input: unknown,
    headers: Record<string, string> = {},
  ) =>
    send(s, `/api/call/${name}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cairn-Token": s.token, ...headers },
      body: JSON.stringify(input),
    });

  it("prints a URL on 127.0.0.1 that carries the token", async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/test-token-123/`);
  });

  it("answers API calls that carry the token, in the result envelope", async () => {
    const s = await start();
    const reply = await api(s, "project.current", {});
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body);
    expect(result.ok).toBe(true);
    expect(result.value.respondents).toBeGreaterThanOrEqual(15);
  });

  it("serves the page and the calls the page makes under the token's path", async () => {
    const s = await start();
    const page = await send(s, "/test-token-123/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(page.headers["set-cookie"]).toBeUndefined();
    const call = await send(s, "/test-token-123/api/call/project.current", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(JSON.parse(call.body).ok).toBe(true);
    expect((await send(s, "/test-token-123")).headers.location).toBe("/test-token-123/");
  });

  it("refuses a request without the token", async () => {
    const s = await start();
    const reply = await send(s, "/api/call/project.current", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(reply.status).toBe(401);
    expect((await send(s, "/")).status).toBe(401);
    expect((await send(s, "/index.html")).status).toBe(401);
    expect((await send(s, "/wrong-token/")).status).toBe(401);
    expect((await send(s, "/?token=test-token-123")).status).toBe(401);
  });

  it("refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token", async () => {
    const s = await start();
    expect((await api(s, "project.current", {}, { Host: "attacker.example" })).status).toBe(403);
    expect(
      (await api(s, "project.current", {}, { Origin: "https://attacker.example" })).status,
    ).toBe(403);
  });

  it("sends no CORS headers", async () => {
    const s = await start();
    const reply = await api(s, "project.current", {}, { Origin: `http://127.0.0.1:${s.port}` });
    expect(reply.status).toBe(200);
    expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("turns bad input into a clear error and changes nothing", async () => {
    const s = await start();
    const unknown = JSON.parse((await api(s, "project.destroy", {})).body);
    expect(unknown).toEqual({
      ok: false,
      error: { code: "bad_input", message: 'unknown operation "project.destroy"' },
    });
    const invalid = JSON.parse((await api(s, "answers.list", { questionId: "first" })).body);
    expect(invalid.ok).toBe(false);
    expect(invalid.error.message).toMatch(/^Invalid input: .* \(at questionId\)$/);
    const missing = JSON.parse((await api(s, "answers.list", { questionId: 999 })).body);
    expect(missing.error).toEqual({
      code: "not_found",
      message: "question 999 does not exist in this project",
    });
    const relative = JSON.parse((await api(s, "project.saveCopy", { path: "copy.cairn" })).body);
    expect(relative.error.message).toMatch(/use a full path/);
    const badName = await send(s, "/api/call/%E0", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cairn-Token": s.token },
      body: "{}",
    });
    expect(badName.status).toBe(400);
    const notJson = await send(s, "/api/call/project.current", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cairn-Token": s.token },
      body: "{oops",
    });
    expect(notJson.status).toBe(400);
  });

  it("refuses a request that is too large with a clear status", async () => {
    const s = await start();
    const reply = await send(s, "/api/call/project.open", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Cairn-Token": s.token,
        "Content-Length": String(17 * 1024 * 1024),
      },
    });
    expect(reply.status).toBe(413);
  });

  it("refuses a form post (not JSON), which a foreign page could send", async () => {
    const s = await start();
    const reply = await send(s, "/api/call/project.close", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Cairn-Token": s.token },
      body: "a=1",
    });
    expect(reply.status).toBe(415);
    expect(JSON.parse((await api(s, "project.current", {})).body).value).not.toBeNull();
  });
});
