/** Serves the built renderer; any path that is not a file gets the app's index.html. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

export function resolveStatic(root: string, urlPath: string): StaticFile | null {
  const decoded = safeDecode(urlPath);
  if (decoded === null) return null;
  const candidate = normalize(join(root, decoded));
  // Never serve anything outside the renderer's folder ("/../../etc/passwd").
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return null;
  }
  const file =
    existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(root, "index.html");
  if (!existsSync(file)) return null;
  return {
    body: readFileSync(file),
    contentType: CONTENT_TYPES[extname(file)] ?? "application/octet-stream",
  };
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}
