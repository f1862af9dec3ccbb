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

/**
 * The app lives under `/<token>/`: the page, its assets, its API calls and its event
 * stream all carry the token in their path, because they are relative URLs. No cookie is
 * needed (a cookie would also be sent to every other server on localhost). Scripts may
 * instead send the token in the `X-Cairn-Token` header and use paths without it.
 *
 * Returns the path below the token (always starting with "/"), or null when the request
 * does not carry the token.
 */
export function authenticatedPath(
  headers: Record<string, string | string[] | undefined>,
  pathname: string,
  token: string,
): string | null {
  const header = headers[TOKEN_HEADER];
  if (typeof header === "string" && tokensEqual(header, token)) return pathname;
  const [, first = "", ...rest] = pathname.split("/");
  if (!tokensEqual(first, token)) return null;
  return "/" + rest.join("/");
}

/**
 * The path of a request's target, still URL-encoded, or null for a target that is not a
 * plain path: absolute-form ("http://elsewhere/x", as sent to a proxy), "*", or
 * garbage. A path that starts with "//" stays a path (it is not a host).
 */
export function requestPathname(target: string | undefined): string | null {
  if (target === undefined || !target.startsWith("/")) return null;
  try {
    return new URL(`http://127.0.0.1${target}`).pathname;
  } catch {
    return null;
  }
}
