/**
 * The Content-Security-Policy of every Cairn page, desktop and browser mode alike: only
 * the app's own scripts, no inline script, no remote content of any kind, no framing.
 * Answer text is untrusted input (it came from a survey), so this is the last line of
 * defence should any of it ever be rendered as markup. `connect-src 'self'` is what keeps
 * the page offline (fetch, WebSocket, EventSource, beacons); data: and blob: pictures
 * are the charts the page draws and saves itself. Sent as a header on every response,
 * never as a meta tag (a meta CSP cannot set frame-ancestors). Decision 0022.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "manifest-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
