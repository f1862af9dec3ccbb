/**
 * Browser mode serves the core on 127.0.0.1, where any web page the user visits can make
 * the browser send requests. Every route — the page, its assets, the API and the event
 * stream — refuses a request whose Host is not this server (DNS rebinding), whose Origin
 * is foreign, or that lacks the token; and every answer, refusals included, carries the
 * CSP and no-sniffing.
 */
import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import type { RunningServer } from "../../electron/core/http/server.ts";
import { CONTENT_SECURITY_POLICY } from "../../shared/security/csp.ts";
import { send, TEST_TOKEN, useServedSample, type SendOptions } from "./browser-server-client.ts";

interface Route {
  readonly name: string;
  /** The route's path below the token. */
  readonly path: string;
  readonly options: SendOptions;
}

const json = { "Content-Type": "application/json" };
const ROUTES: readonly Route[] = [
  { name: "the page", path: "/", options: {} },
  { name: "an asset", path: "/assets/index.js", options: {} },
  {
    name: "the API",
    path: "/api/call/project.current",
    options: { method: "POST", headers: json, body: "{}" },
  },
  { name: "the event stream", path: "/api/events", options: { headersOnly: true } },
];

/** `route` with the token in its path and `headers` added (or, with null, Host left out). */
function sendTo(
  server: RunningServer,
  route: Route,
  headers: Record<string, string> | null,
  token = TEST_TOKEN,
) {
  return send(server, `/${token}${route.path}`, {
    ...route.options,
    headers: { ...route.options.headers, ...headers },
    // A Host the test names is sent as it is, even empty.
    noHost: headers === null || "Host" in headers,
  });
}

describe("browser mode's guards, on every route", () => {
  const start = useServedSample();

  it("answers each route for this server's own Host and Origin", async () => {
    const s = await start();
    for (const route of ROUTES) {
      for (const host of [`127.0.0.1:${s.port}`, `localhost:${s.port}`]) {
        const reply = await sendTo(s, route, { Host: host, Origin: `http://${host}` });
        expect(reply.status, `${route.name} ${host}`).toBe(200);
      }
    }
  });

  it("refuses a Host that is not this server: DNS rebinding, another port, none", async () => {
    const s = await start();
    const hosts = [
      `evil.example:${s.port}`,
      `127.0.0.1.evil:${s.port}`,
      `localhost.evil.example:${s.port}`,
      `127.0.0.1:${s.port + 1}`,
      `localhost:${s.port}0`,
      "127.0.0.1",
      "localhost",
      `[::1]:${s.port}`,
      `0.0.0.0:${s.port}`,
      `user@127.0.0.1:${s.port}`,
      "",
    ];
    for (const route of ROUTES) {
      for (const host of hosts) {
        const reply = await sendTo(s, route, { Host: host });
        expect(reply.status, `${route.name} Host: ${host}`).toBe(403);
      }
      // Node's HTTP server itself refuses an HTTP/1.1 request without Host (400).
      expect([400, 403], `${route.name} without Host`).toContain(
        (await sendTo(s, route, null)).status,
      );
    }
  });

  it("refuses a request sent from another origin", async () => {
    const s = await start();
    const origins = [
      "http://evil.example",
      `http://127.0.0.1:${s.port}.evil.example`,
      `http://127.0.0.1:${s.port + 1}`,
      `https://127.0.0.1:${s.port}`,
      `http://localhost.evil:${s.port}`,
      "null",
      "file://",
    ];
    for (const route of ROUTES) {
      for (const origin of origins) {
        const reply = await sendTo(s, route, { Origin: origin });
        expect(reply.status, `${route.name} Origin: ${origin}`).toBe(403);
      }
    }
  });

  it("refuses a request without the token, or with a wrong one, wherever it is put", async () => {
    const s = await start();
    const wrong = TEST_TOKEN.replace(/3$/, "4");
    for (const route of ROUTES) {
      expect((await send(s, route.path, route.options)).status, `${route.name} no token`).toBe(401);
      for (const token of [wrong, TEST_TOKEN.toUpperCase(), `${TEST_TOKEN}x`, "", "%00"]) {
        const reply = await sendTo(s, route, {}, token);
        expect(reply.status, `${route.name} token ${token}`).toBe(401);
      }
      const header = await send(s, route.path, {
        ...route.options,
        headers: { ...route.options.headers, "X-Cairn-Token": wrong },
      });
      expect(header.status, `${route.name} wrong header`).toBe(401);
      const cookie = await send(s, route.path, {
        ...route.options,
        headers: { ...route.options.headers, Cookie: `token=${TEST_TOKEN}` },
      });
      expect(cookie.status, `${route.name} cookie`).toBe(401);
    }
  });

  it("sends the CSP and no-sniffing with every answer, refusals included", async () => {
    const s = await start();
    const replies = [];
    for (const route of ROUTES) {
      replies.push(await sendTo(s, route, {}));
      replies.push(await sendTo(s, route, { Host: "evil.example" }));
      replies.push(await sendTo(s, route, { Origin: "http://evil.example" }));
      replies.push(await send(s, route.path, route.options));
    }
    replies.push(await send(s, `/${TEST_TOKEN}/assets/gone.js`));
    replies.push(await send(s, `/${TEST_TOKEN}`));
    replies.push(await send(s, `/${TEST_TOKEN}/`, { method: "DELETE" }));
    expect(new Set(replies.map((reply) => reply.status))).toEqual(
      new Set([200, 401, 403, 404, 308, 405]),
    );
    for (const reply of replies) {
      expect(reply.headers["content-security-policy"], String(reply.status)).toBe(
        CONTENT_SECURITY_POLICY,
      );
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
      expect(reply.headers["x-frame-options"]).toBe("DENY");
      expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
    }
  });

  it("listens on 127.0.0.1 only: not on ::1, nor on the machine's other addresses", async () => {
    const s = await start();
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address!.address);
    for (const host of ["::1", ...others]) {
      const outcome = await new Promise<string>((resolve) => {
        const req = request({ host, port: s.port, path: `/${TEST_TOKEN}/`, timeout: 2000 });
        req.on("response", (res) => {
          res.resume();
          resolve(`answered ${res.statusCode}`);
        });
        req.on("timeout", () => req.destroy(new Error("timeout")));
        req.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
        req.end();
      });
      expect(outcome, host).not.toMatch(/^answered/);
    }
  });
});
