/**
 * The Content-Security-Policy of every Cairn page, desktop and browser mode alike: only
 * the app's own scripts, no inline script, no remote content of any kind, no framing.
 * Answer text is untrusted input (it came from a survey), so this is the last line of
 * defence should any of it ever be rendered as markup.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
