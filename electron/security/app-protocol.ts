/**
 * What the `app://` protocol answers, decided without Electron: the built renderer's
 * file for a GET or HEAD of `app://cairn/...`, a 404 or 405 otherwise — and every answer,
 * refusals included, with the CSP and the other headers of `appResponseHeaders`.
 */
import { CONTENT_SECURITY_POLICY } from "../../shared/security/csp.ts";
import { appResponseHeaders, contentTypeFor, resolveAppFile } from "../window-security.ts";

export interface AppReply {
  readonly status: 200 | 404 | 405;
  readonly headers: Record<string, string>;
  /** The file to send, a short text, or nothing (HEAD). */
  readonly body: { readonly file: string } | { readonly text: string } | null;
}

export function answerAppRequest(rootDir: string, method: string, url: string): AppReply {
  const text = (status: 404 | 405, body: string): AppReply => ({
    status,
    headers: appResponseHeaders("text/plain; charset=utf-8", CONTENT_SECURITY_POLICY),
    body: { text: body },
  });
  if (method !== "GET" && method !== "HEAD") return text(405, "Not allowed");
  const file = resolveAppFile(rootDir, url);
  if (file === null) return text(404, "Not found");
  return {
    status: 200,
    headers: appResponseHeaders(contentTypeFor(file), CONTENT_SECURITY_POLICY),
    body: method === "HEAD" ? null : { file },
  };
}
