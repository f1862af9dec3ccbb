import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ENTRY_URL,
  APP_SCHEME_PRIVILEGES,
  appResponseHeaders,
  contentTypeFor,
  decideNavigation,
  forwardedProjectPath,
  isAllowedDownload,
  isAppUrl,
  isSafeExternalUrl,
  projectPathFromArgv,
  refusePageFileAccess,
  resolveAppFile,
  secureWebPreferences,
} from "../../electron/window-security.ts";
import { CONTENT_SECURITY_POLICY } from "../../shared/security/csp.ts";

describe("which pages count as Cairn's own", () => {
  it("trusts the app's entry page and any path under app://cairn", () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl("app://cairn/")).toBe(true);
    expect(isAppUrl("app://cairn/assets/index.js?v=1#top")).toBe(true);
  });

  it("does not trust look-alike hosts, ports, credentials or other schemes", () => {
    expect(isAppUrl("app://cairn.evil.example/")).toBe(false);
    expect(isAppUrl("app://evil.example/cairn")).toBe(false);
    expect(isAppUrl("app://cairn@evil.example/")).toBe(false);
    expect(isAppUrl("app://user:pass@cairn/")).toBe(false);
    expect(isAppUrl("app://cairn:8080/")).toBe(false);
    expect(isAppUrl("app:cairn/index.html")).toBe(false);
    expect(isAppUrl("apps://cairn/")).toBe(false);
    expect(isAppUrl("http://cairn/")).toBe(false);
    expect(isAppUrl("file:///work/main/renderer/dist/index.html")).toBe(false);
    expect(isAppUrl("javascript:alert(1)")).toBe(false);
    expect(isAppUrl("data:text/html,<script>alert(1)</script>")).toBe(false);
    expect(isAppUrl("about:blank")).toBe(false);
    expect(isAppUrl("")).toBe(false);
    expect(isAppUrl("not a url")).toBe(false);
  });
});

describe("links a user clicks in the window", () => {
  it("may open ordinary web pages in the user's browser", () => {
    expect(isSafeExternalUrl("https://example.org/help")).toBe(true);
    expect(isSafeExternalUrl("http://example.org/")).toBe(true);
    expect(decideNavigation("https://example.org/help")).toBe("open-externally");
  });

  it("never hand local files, shares, scripts or program launchers to the OS", () => {
    for (const url of [
      "file:///etc/passwd",
      "file://server/share/report.docx",
      "smb://server/share",
      "javascript:alert(document.cookie)",
      "data:text/html,<h1>hi</h1>",
      "ms-msdt:/id PCWDiagnostic",
      "search-ms:query=secret",
      "vscode://file/etc/passwd",
      "mailto:someone@example.org",
      "https://user:password@example.org/",
      "https://",
      "not a url",
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
      expect(decideNavigation(url), url).toBe("deny");
    }
  });

  it("keep navigation inside the app only for the app's own pages", () => {
    expect(decideNavigation("app://cairn/index.html")).toBe("allow");
    expect(decideNavigation("app://elsewhere/index.html")).toBe("deny");
  });
});

describe("files the window may download", () => {
  it("saves a chart the page made itself", () => {
    expect(isAllowedDownload("blob:app://cairn/6f1c2a9e-4b1d-4c57-9d1e-2f0a8c3b7d11")).toBe(true);
  });

  it("refuses anything fetched from elsewhere, or made by another origin", () => {
    for (const url of [
      "https://example.org/report.pdf",
      "http://127.0.0.1:8080/file",
      "file:///etc/passwd",
      "data:image/png;base64,AAAA",
      "blob:https://example.org/6f1c2a9e",
      "blob:app://elsewhere/6f1c2a9e",
      "blob:",
    ]) {
      expect(isAllowedDownload(url), url).toBe(false);
    }
  });
});

describe("serving the renderer from app://cairn", () => {
  let base = "";
  let root = "";
  let secret = "";

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), "cairn-app-files-"));
    root = join(base, "dist");
    mkdirSync(join(root, "assets"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html>");
    writeFileSync(join(root, "assets", "index-abc.js"), "export {};");
    writeFileSync(join(root, "cairn.svg"), "<svg/>");
    // A file next to the renderer's folder that no request may reach.
    secret = join(base, "cairn-secret.txt");
    writeFileSync(secret, "secret");
  });

  afterAll(() => {
    rmSync(base, { recursive: true, force: true });
  });

  it("serves the built files", () => {
    expect(resolveAppFile(root, "app://cairn/index.html")).toBe(join(root, "index.html"));
    expect(resolveAppFile(root, "app://cairn/assets/index-abc.js")).toBe(
      join(root, "assets", "index-abc.js"),
    );
    expect(resolveAppFile(root, "app://cairn/cairn.svg?v=2#x")).toBe(join(root, "cairn.svg"));
  });

  it("answers the root and client-side routes with index.html", () => {
    expect(resolveAppFile(root, "app://cairn/")).toBe(join(root, "index.html"));
    expect(resolveAppFile(root, "app://cairn/questions/3")).toBe(join(root, "index.html"));
    expect(resolveAppFile(root, "app://cairn/assets")).toBe(join(root, "index.html"));
  });

  it("does not pass HTML off as a missing script", () => {
    expect(resolveAppFile(root, "app://cairn/assets/gone.js")).toBeNull();
  });

  it("never leaves the renderer folder, however the path is spelled", () => {
    for (const url of [
      "app://cairn/../cairn-secret.txt",
      "app://cairn/%2e%2e/cairn-secret.txt",
      "app://cairn/..%2fcairn-secret.txt",
      "app://cairn/..%2Fcairn-secret.txt",
      "app://cairn/assets/..%2f..%2fcairn-secret.txt",
      "app://cairn/..%5ccairn-secret.txt",
      "app://cairn/%2e%2e%5ccairn-secret.txt",
      "app://cairn/%252e%252e/cairn-secret.txt",
    ]) {
      const resolved = resolveAppFile(root, url);
      expect(resolved === null || resolved.startsWith(root), url).toBe(true);
      expect(resolved, url).not.toBe(secret);
    }
    expect(resolveAppFile(root, "app://cairn/..%2fcairn-secret.txt")).toBeNull();
  });

  it("refuses malformed paths and requests for other origins", () => {
    expect(resolveAppFile(root, "app://cairn/%E0%A4%A")).toBeNull();
    expect(resolveAppFile(root, "app://cairn/index.html%00.png")).toBeNull();
    expect(resolveAppFile(root, "app://evil/index.html")).toBeNull();
    expect(resolveAppFile(root, "file:///etc/passwd")).toBeNull();
  });

  it("labels each file with its type, and unknown ones as plain bytes", () => {
    expect(contentTypeFor("/x/index.html")).toBe("text/html; charset=utf-8");
    expect(contentTypeFor("/x/assets/index-abc.js")).toBe("text/javascript; charset=utf-8");
    expect(contentTypeFor("/x/ICON.SVG")).toBe("image/svg+xml");
    expect(contentTypeFor("/x/notes.exe")).toBe("application/octet-stream");
  });

  it("sends the app's CSP and no-sniffing with every response", () => {
    expect(appResponseHeaders("text/html; charset=utf-8", CONTENT_SECURITY_POLICY)).toEqual({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cache-Control": "no-cache",
    });
  });
});

describe("how the window is locked down", () => {
  it("isolates and sandboxes the page, with DevTools only in development", () => {
    expect(
      secureWebPreferences({ preload: "/app/dist-electron/preload.cjs", devTools: false }),
    ).toEqual({
      preload: "/app/dist-electron/preload.cjs",
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it("gives app:// a secure origin without bypassing the CSP", () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      codeCache: true,
    });
  });
});

describe("a project named when Cairn is launched", () => {
  it("is the first argument after the executable", () => {
    expect(projectPathFromArgv(["/opt/Cairn/cairn", "/home/ana/survey.cairn"], false)).toBe(
      "/home/ana/survey.cairn",
    );
  });

  it("skips the app folder in development and Chromium's switches anywhere", () => {
    expect(projectPathFromArgv(["electron", ".", "survey.cairn"], true)).toBe("survey.cairn");
    expect(
      projectPathFromArgv(
        ["cairn.exe", "--allow-file-access-from-files", "-psn_0_12345", "C:\\Surveys\\a.cairn"],
        false,
      ),
    ).toBe("C:\\Surveys\\a.cairn");
  });

  it("takes a file name that starts with a dash after --", () => {
    expect(projectPathFromArgv(["cairn", "--", "-odd name.cairn"], false)).toBe("-odd name.cairn");
  });

  it("accepts the file:// URL a Linux desktop entry passes", () => {
    expect(projectPathFromArgv(["cairn", "file:///home/ana/My%20survey.cairn"], false)).toBe(
      "/home/ana/My survey.cairn",
    );
    expect(
      projectPathFromArgv(["cairn", "file://remote-host/share/a.cairn"], false),
    ).toBeUndefined();
  });

  it("is absent when only switches were given", () => {
    expect(projectPathFromArgv(["cairn"], false)).toBeUndefined();
    expect(projectPathFromArgv(["electron", "."], true)).toBeUndefined();
    expect(projectPathFromArgv(["cairn", "--inspect", "--no-sandbox"], false)).toBeUndefined();
  });
});

describe("file access from the desktop page", () => {
  const recent = ["/home/ana/survey.cairn"];

  it("lets the welcome screen reopen a recent project", () => {
    expect(
      refusePageFileAccess("project.open", { path: "/home/ana/survey.cairn" }, recent),
    ).toBeNull();
  });

  it("refuses to open any other path the page names", () => {
    expect(refusePageFileAccess("project.open", { path: "/etc/passwd" }, recent)).toMatch(
      /only a recent project/,
    );
    expect(refusePageFileAccess("project.open", null, recent)).toMatch(/only a recent project/);
  });

  it("refuses to create or copy files from the page (the File menu does that)", () => {
    expect(refusePageFileAccess("project.create", { path: "/tmp/x.cairn" }, recent)).toMatch(
      /File menu/,
    );
    expect(refusePageFileAccess("project.saveCopy", { path: "/tmp/x.cairn" }, recent)).toMatch(
      /File menu/,
    );
  });

  it("imports only the files the user chose in the native dialog", () => {
    const chosen = new Set(["/home/ana/wave1.csv", "/home/ana/wave2.csv"]);
    const source = (paths: unknown) => ({ source: { paths }, mapping: {} });
    expect(
      refusePageFileAccess("import.run", source(["/home/ana/wave1.csv"]), recent, chosen),
    ).toBeNull();
    expect(
      refusePageFileAccess("import.inspect", source(["/home/ana/wave1.csv"]), recent, chosen),
    ).toBeNull();
    for (const paths of [["/home/ana/wave1.csv", "/etc/shadow"], [], "/home/ana/wave1.csv"]) {
      expect(refusePageFileAccess("import.run", source(paths), recent, chosen)).toMatch(
        /Import answers/,
      );
    }
    expect(refusePageFileAccess("import.inspect", null, recent, chosen)).toMatch(/Import answers/);
  });

  it("leaves every other call to the core's own validation", () => {
    expect(refusePageFileAccess("answers.list", { questionId: 1 }, recent)).toBeNull();
  });
});

describe("a project forwarded by a second launch", () => {
  it("is taken only when it is a non-empty path", () => {
    expect(forwardedProjectPath({ projectPath: "/home/ana/survey.cairn" })).toBe(
      "/home/ana/survey.cairn",
    );
    for (const data of [null, undefined, "x", 42, {}, { projectPath: "" }, { projectPath: 7 }]) {
      expect(forwardedProjectPath(data), JSON.stringify(data)).toBeUndefined();
    }
  });
});
