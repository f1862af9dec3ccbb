/**
 * Electron cannot run here, so the shell's wiring is checked in its source: every window
 * is built from secureWindowOptions, and main.ts hands each of Electron's security hooks
 * to the pure decision that the other electron-*.test.ts files test. A change that drops
 * a hook, or adds a window with its own options, fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { secureWindowOptions } from "../../electron/security/window-options.ts";
import { secureWebPreferences } from "../../electron/window-security.ts";

const ELECTRON = join(process.cwd(), "electron");

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const sources = tsFiles(ELECTRON).map((path) => ({
  file: relative(process.cwd(), path),
  text: readFileSync(path, "utf8"),
}));
const main = readFileSync(join(ELECTRON, "main.ts"), "utf8");

/** The text of each call's parenthesised arguments, e.g. every `new BrowserWindow(...)`. */
function callArguments(text: string, callee: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf(callee); at !== -1; at = text.indexOf(callee, at + 1)) {
    let depth = 0;
    const open = at + callee.length - 1;
    for (let i = open; i < text.length; i++) {
      if (text[i] === "(") depth++;
      else if (text[i] === ")" && --depth === 0) {
        found.push(text.slice(open + 1, i).trim());
        break;
      }
    }
  }
  return found;
}

describe("every window of the desktop app", () => {
  it("is created with secureWindowOptions and nothing else", () => {
    const windows = sources.flatMap(({ file, text }) =>
      callArguments(text, "new BrowserWindow(").map((args) => ({ file, args })),
    );
    expect(windows.length).toBeGreaterThan(0);
    for (const { file, args } of windows) {
      // Exactly one argument, and it is the call: `secureWindowOptions({...})`.
      const only = args.replace(/,$/, "");
      const [inner] = callArguments(only, "secureWindowOptions(");
      expect(only, file).toMatch(/^secureWindowOptions\(/);
      expect(only.replace(/\s/g, ""), file).toBe(
        `secureWindowOptions(${inner})`.replace(/\s/g, ""),
      );
    }
  });

  it("is isolated, sandboxed, without Node, with web security and no webviews", () => {
    const options = secureWindowOptions({ title: "Cairn", preload: "/p.cjs", devTools: false });
    expect(options.webPreferences).toEqual(
      secureWebPreferences({ preload: "/p.cjs", devTools: false }),
    );
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
    expect(options.show).toBe(false);
  });

  it("has no other kind of web view and no weakened preference anywhere in electron/", () => {
    for (const { file, text } of sources) {
      expect(text, file).not.toMatch(/new (BrowserView|WebContentsView)\(/);
      expect(text, file).not.toMatch(
        /(contextIsolation|sandbox|webSecurity):\s*false|(nodeIntegration\w*|allowRunningInsecureContent|webviewTag|experimentalFeatures):\s*true/,
      );
      if (!file.endsWith("window-security.ts") && !file.endsWith("window-options.ts")) {
        expect(text, file).not.toMatch(/webPreferences\s*:/);
      }
    }
  });

  it("keeps the security decisions pure: they never import electron", () => {
    for (const { file, text } of sources) {
      if (!file.includes("security")) continue;
      expect(text, file).not.toMatch(/from "electron"|require\("electron"\)/);
    }
  });
});

describe("the main process", () => {
  it("sandboxes every renderer before the app is ready", () => {
    expect(main).toMatch(/app\.enableSandbox\(\)/);
    expect(main.indexOf("app.enableSandbox()")).toBeLessThan(main.indexOf("app\n    .whenReady()"));
  });

  it("decides each permission request and check with isPermissionGranted", () => {
    for (const hook of ["setPermissionRequestHandler(", "setPermissionCheckHandler("]) {
      const [args] = callArguments(main, hook);
      expect(args, hook).toContain("isPermissionGranted(");
    }
    expect(callArguments(main, "setDevicePermissionHandler(")).toEqual(["() => false"]);
  });

  it("checks every request of the session, whatever its scheme, with isAllowedRequest", () => {
    const [args] = callArguments(main, "webRequest.onBeforeRequest(");
    expect(args).toMatch(/^\{ urls: \["<all_urls>"\] \},/);
    expect(args).toContain("isAllowedRequest(details.url");
    expect(args).toContain("callback({ cancel: !allowed })");
  });

  it("locks down every web page it creates: navigation, new windows, webviews, downloads", () => {
    expect(main).toMatch(
      /app\.on\("web-contents-created", \(_event, contents\) => lockDownContents\(contents\)\)/,
    );
    const lockDown = main.slice(main.indexOf("function lockDownContents("));
    expect(lockDown).toMatch(/contents\.on\("will-navigate", [^]*?decideNavigation\(event\.url\)/);
    expect(lockDown).toMatch(/contents\.on\("will-frame-navigate", [^]*?preventDefault\(\)/);
    expect(lockDown).toMatch(/contents\.on\("will-redirect", [^]*?preventDefault\(\)/);
    expect(callArguments(lockDown, "contents.setWindowOpenHandler(")[0]).toMatch(
      /return \{ action: "deny" \};\s*\}$/,
    );
    expect(lockDown).toMatch(
      /contents\.on\("will-attach-webview", \(event\) => event\.preventDefault\(\)\)/,
    );
    expect(main).toMatch(/ses\.on\("will-download", [^]*?isAllowedDownload\(item\.getURL\(\)\)/);
  });

  it("answers app:// with answerAppRequest's status and headers (the CSP) only", () => {
    const handler = callArguments(main, "protocol.handle(")[0] ?? "";
    expect(handler).toMatch(/^APP_SCHEME,/);
    expect(handler).toContain("answerAppRequest(root, request.method, request.url)");
    expect(callArguments(handler, "new Response(")).toEqual([
      "body, { status: reply.status, headers: reply.headers }",
    ]);
  });

  it("answers IPC on one channel, and only a trusted sender with a screened call", () => {
    expect(main).not.toMatch(/ipcMain\.(on|once|handleOnce)\(/);
    const handlers = callArguments(main, "ipcMain.handle(");
    expect(handlers).toHaveLength(1);
    const handler = handlers[0]!;
    expect(handler).toMatch(/^IPC_CALL_CHANNEL,/);
    const trust = handler.indexOf("isTrustedIpcSender(event, mainWindow?.webContents ?? null)");
    const screen = handler.indexOf("screenIpcCall(name, input,");
    const call = handler.indexOf("started.call(screened.name, input)");
    expect(trust).toBeGreaterThan(0);
    expect(screen).toBeGreaterThan(trust);
    expect(call).toBeGreaterThan(screen);
  });

  it("gives the page one object through the preload, never ipcRenderer itself", () => {
    const preload = readFileSync(join(ELECTRON, "preload.ts"), "utf8");
    expect(callArguments(preload, "contextBridge.exposeInMainWorld(")).toEqual(['"cairn", bridge']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|postMessage)\(/);
  });
});
