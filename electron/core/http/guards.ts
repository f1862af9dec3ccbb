/**
 * The checks browser mode applies to every request before it reaches the core. The
 * server listens on 127.0.0.1 only, but any web page the user visits can still make the
 * browser send requests there; these checks are what stops it:
 * - Host must name this server (defeats DNS rebinding),
 * - Origin, when sent, must be this server (defeats cross-site requests),
 * - a random per-run token must come with every request (header, cookie or, for the
 *   first page load, the URL).
 */
import { timingSafeEqual } from "node:crypto";

export const TOKEN_HEADER = "x-cairn-token";

export function cookieName(port: number): string {
  // Per port, so two Cairn servers on one machine do not overwrite each other's cookie.
  return `cairn_token_${port}`;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** A request without Origin (a top-level navigation, curl) is fine; a foreign one is not. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return allowedHosts(port).some((host) => origin.toLowerCase() === `http://${host}`);
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

export type TokenSource = "header" | "cookie" | "url";

/** Where a valid token came from, or null when the request has none that matches. */
export function authenticate(
  request: { headers: Record<string, string | string[] | undefined>; url: URL },
  port: number,
  token: string,
): TokenSource | null {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === "string" && tokensEqual(header, token)) return "header";
  const cookie = readCookie(asString(request.headers.cookie), cookieName(port));
  if (tokensEqual(cookie, token)) return "cookie";
  if (tokensEqual(request.url.searchParams.get("token") ?? undefined, token)) return "url";
  return null;
}

function asString(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join("; ") : value;
}
