/**
 * Browser mode: the core served over HTTP on 127.0.0.1 for a browser to use, when the
 * Electron runtime is not installed and for the end-to-end tests. Same API, same
 * envelope as the desktop IPC bridge: POST /api/call/<name> with the input as JSON body.
 * Events (the open project changed) stream from GET /api/events as server-sent events.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiEventName } from "../../../shared/api/contract.ts";
import { CONTENT_SECURITY_POLICY } from "../../../shared/security/csp.ts";
import type { Core } from "../core.ts";
import { authenticatedPath, isAllowedHost, isAllowedOrigin, requestPathname } from "./guards.ts";
import { contentTypeFor, resolveStaticFile } from "./static-files.ts";
import { readFileSync } from "node:fs";

export interface ServeOptions {
  readonly core: Core;
  /** The built renderer (renderer/dist). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly token?: string;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

export async function serve(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString("base64url");
  const eventStreams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error("cairn serve: request failed", error);
      if (!response.headersSent) sendError(response, 500, "internal error; see the server's log");
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setSecurityHeaders(response);
    if (!isAllowedHost(request.headers.host, port)) {
      return sendText(response, 403, "Forbidden: unexpected Host header");
    }
    if (!isAllowedOrigin(request.headers.origin, port)) {
      return sendText(response, 403, "Forbidden: cross-origin request");
    }
    const pathname = requestPathname(request.url);
    if (pathname === null) return sendText(response, 400, "Bad request");
    const path = authenticatedPath(request.headers, pathname, token);
    if (path === null) {
      return sendText(response, 401, "Unauthorized: open the URL that `cairn serve` printed");
    }
    if (path.startsWith("/api/call/")) return handleCall(request, response, path);
    if (path === "/api/events") return openEventStream(request, response);
    if (request.method !== "GET" && request.method !== "HEAD") {
      return sendText(response, 405, "Method not allowed");
    }
    if (path === "/" && pathname === `/${token}`) {
      // Relative asset URLs need the trailing slash.
      response.writeHead(308, { Location: `/${token}/` });
      return void response.end();
    }
    const file = resolveStaticFile(options.staticDir, path);
    if (!file) return sendText(response, 404, "Not found");
    response.writeHead(200, { "Content-Type": contentTypeFor(file), "Cache-Control": "no-cache" });
    response.end(request.method === "HEAD" ? undefined : readFileSync(file));
  }

  async function handleCall(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
  ): Promise<void> {
    if (request.method !== "POST") return sendText(response, 405, "Use POST");
    if (!String(request.headers["content-type"] ?? "").startsWith("application/json")) {
      return sendText(response, 415, "Send JSON (Content-Type: application/json)");
    }
    const name = safeDecode(path.slice("/api/call/".length));
    if (name === null) return sendError(response, 400, "the operation name is not valid");
    if (Number(request.headers["content-length"] ?? 0) > MAX_BODY_BYTES) {
      return sendError(response, 413, "the request is too large");
    }
    const body = await readBody(request);
    if (body === null) return sendError(response, 413, "the request is too large");
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      return sendError(response, 400, "the request body is not valid JSON");
    }
    return sendJson(response, 200, await options.core.call(name, input));
  }

  function openEventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      "Content-Type": "text/event-stream",
      "Cache-Control": "no-store",
      Connection: "keep-alive",
    });
    response.write(": connected\n\n");
    eventStreams.add(response);
    request.on("close", () => eventStreams.delete(response));
  }

  function broadcast(event: ApiEventName, payload: unknown): void {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  }
  const unsubscribe = options.core.onEvent(broadcast);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/${token}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of eventStreams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function setSecurityHeaders(response: ServerResponse): void {
  response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  response.setHeader("X-Content-Type-Options", "nosniff");
  // The first URL carries the token: never leak it in a Referer.
  response.setHeader("Referrer-Policy", "no-referrer");
  response.setHeader("X-Frame-Options", "DENY");
  response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": "no-store",
  });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(text + "\n");
}

function sendError(response: ServerResponse, status: number, message: string): void {
  sendJson(response, status, { ok: false, error: { code: "bad_input", message } });
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The body as text, or null when it passes the size limit (the rest is discarded). */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () =>
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString("utf8")),
    );
    request.on("error", reject);
  });
}
