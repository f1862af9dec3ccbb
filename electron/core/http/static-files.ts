/**
 * Which file of the built renderer answers a request path, for browser mode and for the
 * desktop shell's `app://` protocol alike. The path never leaves the root, whatever the
 * encoding ("/..%2f..%2fetc/passwd", "%5c..", NUL bytes). A missing path without an
 * extension is a client-side route and gets index.html; a missing asset
 * ("/assets/gone.js") is a 404 rather than HTML served as JavaScript.
 */
import { statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".wasm": "application/wasm",
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** The absolute path of the file to serve for `urlPath` (still URL-encoded), or null. */
export function resolveStaticFile(rootDir: string, urlPath: string): string | null {
  const root = resolve(rootDir);
  const pathname = decodePath(urlPath);
  if (pathname === null || pathname.includes("\0")) return null;
  // Backslashes are separators on Windows: treat them as such everywhere, then confine.
  const candidate = normalize(join(root, pathname.replaceAll("\\", "/")));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return null;
  }
  if (isFile(candidate)) return candidate;
  if (extname(candidate) !== "") return null;
  const index = join(root, "index.html");
  return isFile(index) ? index : null;
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
