/** What the desktop window's app:// protocol answers, with the CSP on every answer. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAppRequest } from "../../electron/security/app-protocol.ts";
import { CONTENT_SECURITY_POLICY } from "../../shared/security/csp.ts";

describe("the app:// protocol", () => {
  let root = "";

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "cairn-app-protocol-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html>");
    writeFileSync(join(root, "assets", "index.js"), "export {};");
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("serves the renderer's files, and only their headers for HEAD", () => {
    expect(answerAppRequest(root, "GET", "app://cairn/assets/index.js")).toMatchObject({
      status: 200,
      headers: { "Content-Type": "text/javascript; charset=utf-8" },
      body: { file: join(root, "assets", "index.js") },
    });
    expect(answerAppRequest(root, "HEAD", "app://cairn/")).toMatchObject({
      status: 200,
      body: null,
    });
  });

  it("refuses other methods, other origins and files outside the renderer", () => {
    expect(answerAppRequest(root, "POST", "app://cairn/index.html").status).toBe(405);
    expect(answerAppRequest(root, "PUT", "app://cairn/index.html").status).toBe(405);
    expect(answerAppRequest(root, "GET", "app://cairn.evil/index.html").status).toBe(404);
    expect(answerAppRequest(root, "GET", "app://cairn/..%2f..%2fetc/passwd").status).toBe(404);
    expect(answerAppRequest(root, "GET", "app://cairn/assets/gone.js").status).toBe(404);
  });

  it("sends the CSP and no-sniffing with every answer, refusals included", () => {
    for (const [method, url] of [
      ["GET", "app://cairn/"],
      ["HEAD", "app://cairn/index.html"],
      ["GET", "app://cairn/assets/gone.js"],
      ["DELETE", "app://cairn/"],
      ["GET", "app://elsewhere/"],
    ] as const) {
      const { headers } = answerAppRequest(root, method, url);
      expect(headers["Content-Security-Policy"], `${method} ${url}`).toBe(CONTENT_SECURITY_POLICY);
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    }
  });
});
