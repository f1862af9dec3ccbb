/**
 * Cairn is offline: behind the page's CSP, the main process refuses every request of the
 * desktop window that does not stay inside the app, and every web permission but the
 * one copy buttons need.
 */
import { describe, expect, it } from "vitest";
import { isPermissionGranted, type PermissionAsk } from "../../electron/security/permissions.ts";
import { isAllowedRequest } from "../../electron/security/requests.ts";

const packaged = { development: false };
const development = { development: true };

describe("requests the desktop window may make", () => {
  it("loads the app's own files, its own blobs, and pictures inlined as data:", () => {
    for (const url of [
      "app://cairn/index.html",
      "app://cairn/assets/index-abc.js",
      "app://cairn/api/whatever?x=1",
      "blob:app://cairn/6f1c2a9e-4b1d-4c57-9d1e-2f0a8c3b7d11",
      "data:image/png;base64,iVBORw0KGgo=",
      "data:image/svg+xml;charset=utf-8,%3Csvg%3E",
    ]) {
      expect(isAllowedRequest(url, packaged), url).toBe(true);
    }
  });

  it("reaches no web server, not even one on this computer", () => {
    for (const url of [
      "http://example.com/",
      "https://example.com/tracker.gif",
      "http://localhost:8080/",
      "http://127.0.0.1:5173/@vite/client",
      "http://[::1]:3000/",
      "http://0.0.0.0/",
      "http://2130706433/",
      "https://cairn/",
      "ws://127.0.0.1:9222/devtools/browser",
      "wss://example.com/socket",
      "ftp://example.com/file",
    ]) {
      expect(isAllowedRequest(url, packaged), url).toBe(false);
      expect(isAllowedRequest(url, development), url).toBe(false);
    }
  });

  it("reads no local file and runs nothing the page could smuggle in a URL", () => {
    for (const url of [
      "file:///etc/passwd",
      "file://server/share/answers.csv",
      "chrome://settings",
      "chrome-extension://abc/page.html",
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "data:text/javascript,alert(1)",
      "data:application/javascript;base64,YWxlcnQoMSk=",
      "data:,plain",
      "data:font/woff2;base64,d09GMgAB",
      "data:image",
      "blob:https://example.com/6f1c2a9e",
      "blob:app://cairn.evil/6f1c2a9e",
      "blob:null/6f1c2a9e",
      "app://cairn.evil/index.html",
      "app://cairn@evil/index.html",
      "app://evil/",
      "about:blank",
      "filesystem:app://cairn/temporary/x",
      "",
      "not a url",
    ]) {
      expect(isAllowedRequest(url, packaged), url).toBe(false);
    }
  });

  it("opens DevTools' own pages only in development", () => {
    const devtools = "devtools://devtools/bundled/devtools_app.html";
    expect(isAllowedRequest(devtools, development)).toBe(true);
    expect(isAllowedRequest(devtools, packaged)).toBe(false);
  });
});

describe("web permissions of the desktop window", () => {
  const page: PermissionAsk = {
    permission: "clipboard-sanitized-write",
    requestingUrl: "app://cairn/index.html",
    isMainFrame: true,
    fromMainWindow: true,
  };

  it("lets the copy buttons write to the clipboard (a request carries the URL, a check the origin)", () => {
    expect(isPermissionGranted(page)).toBe(true);
    expect(isPermissionGranted({ ...page, requestingUrl: "app://cairn" })).toBe(true);
  });

  it("denies every other permission, whoever asks", () => {
    for (const permission of [
      "clipboard-read",
      "deprecated-sync-clipboard-read",
      "media",
      "display-capture",
      "geolocation",
      "geolocation-approximate",
      "notifications",
      "openExternal",
      "fullscreen",
      "automatic-fullscreen",
      "pointerLock",
      "keyboardLock",
      "midi",
      "midiSysex",
      "hid",
      "serial",
      "usb",
      "fileSystem",
      "local-fonts",
      "local-network-access",
      "loopback-network",
      "persistent-storage",
      "storage-access",
      "window-management",
      "idle-detection",
      "unknown",
      "a-permission-from-a-future-electron",
    ]) {
      expect(isPermissionGranted({ ...page, permission }), permission).toBe(false);
    }
  });

  it("denies even the clipboard to anything but the main window's own page", () => {
    for (const ask of [
      { ...page, isMainFrame: false },
      { ...page, fromMainWindow: false },
      { ...page, requestingUrl: undefined },
      { ...page, requestingUrl: "app://cairn.evil/" },
      { ...page, requestingUrl: "https://example.com/" },
      { ...page, requestingUrl: "file:///tmp/x.html" },
      { ...page, requestingUrl: "about:blank" },
      { ...page, requestingUrl: "null" },
    ]) {
      expect(isPermissionGranted(ask), JSON.stringify(ask)).toBe(false);
    }
  });
});
