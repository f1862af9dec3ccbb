/**
 * Which requests the desktop window may make at all. The main process checks every
 * request of its session (`onBeforeRequest` on `<all_urls>`) with `isAllowedRequest`,
 * behind the page's CSP: Cairn is offline, so the only things a page may load are its
 * own files from `app://cairn`, blobs it made itself (a chart saved as PNG), and data:
 * images (the chart library draws with them) — the same as the CSP's img-src. DevTools' own pages are allowed
 * in development only. Everything else is refused: http(s) and ws(s) to any host,
 * loopback included; file:, ftp:, chrome:, javascript: and any other scheme.
 */
import { isAppUrl } from "../window-security.ts";

export interface RequestPolicy {
  /** An unpackaged app (DevTools allowed). */
  readonly development: boolean;
}

/** data: URLs of pictures only, never pages, scripts or fonts (font-src is 'self'). */
const DATA_MEDIA_TYPE = /^data:image\/[a-z0-9.+-]+[;,]/i;

export function isAllowedRequest(url: string, policy: RequestPolicy): boolean {
  if (isAppUrl(url)) return true;
  if (url.startsWith("blob:")) return isAppUrl(url.slice("blob:".length));
  if (url.startsWith("data:")) return DATA_MEDIA_TYPE.test(url);
  if (url.startsWith("devtools://")) return policy.development;
  return false;
}
