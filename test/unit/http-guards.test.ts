import { describe, expect, it } from "vitest";
import {
  authenticatedPath,
  isAllowedHost,
  isAllowedOrigin,
  requestPathname,
  tokensEqual,
} from "../../electron/core/http/guards.ts";

const PORT = 4321;
const TOKEN = "s3cret-token";

describe("browser mode request guards", () => {
  it("accepts only this server's own host names (no DNS rebinding)", () => {
    expect(isAllowedHost("127.0.0.1:4321", PORT)).toBe(true);
    expect(isAllowedHost("localhost:4321", PORT)).toBe(true);
    expect(isAllowedHost("evil.example:4321", PORT)).toBe(false);
    expect(isAllowedHost("127.0.0.1:80", PORT)).toBe(false);
    expect(isAllowedHost(undefined, PORT)).toBe(false);
  });

  it("refuses requests sent from other origins", () => {
    expect(isAllowedOrigin(undefined, PORT)).toBe(true);
    expect(isAllowedOrigin("http://127.0.0.1:4321", PORT)).toBe(true);
    expect(isAllowedOrigin("http://evil.example", PORT)).toBe(false);
    expect(isAllowedOrigin("null", PORT)).toBe(false);
    expect(isAllowedOrigin("http://127.0.0.1:4321.evil.example", PORT)).toBe(false);
  });

  it("finds the token at the start of the path, and gives the path below it", () => {
    expect(authenticatedPath({}, `/${TOKEN}/`, TOKEN)).toBe("/");
    expect(authenticatedPath({}, `/${TOKEN}`, TOKEN)).toBe("/");
    expect(authenticatedPath({}, `/${TOKEN}/assets/app.js`, TOKEN)).toBe("/assets/app.js");
    expect(authenticatedPath({}, `/${TOKEN}/api/call/project.current`, TOKEN)).toBe(
      "/api/call/project.current",
    );
  });

  it("accepts the token in a header instead, for scripts", () => {
    expect(authenticatedPath({ "x-cairn-token": TOKEN }, "/api/call/x", TOKEN)).toBe("/api/call/x");
  });

  it("refuses a request without the right token", () => {
    expect(authenticatedPath({}, "/", TOKEN)).toBeNull();
    expect(authenticatedPath({}, "/index.html", TOKEN)).toBeNull();
    expect(authenticatedPath({}, "/s3cret-toke/", TOKEN)).toBeNull();
    expect(authenticatedPath({}, `/x/${TOKEN}/`, TOKEN)).toBeNull();
    expect(authenticatedPath({ "x-cairn-token": "guess" }, "/api/call/x", TOKEN)).toBeNull();
  });

  it("compares tokens of any length without throwing", () => {
    expect(tokensEqual("abc", "abcd")).toBe(false);
    expect(tokensEqual(undefined, "abcd")).toBe(false);
  });

  it("refuses look-alike hosts a rebinding attacker could send", () => {
    for (const host of [
      "127.0.0.1.evil:4321",
      "localhost.evil.example:4321",
      "localhost.:4321",
      "127.0.0.1:43210",
      "127.0.0.1:4321@evil.example",
      "user@127.0.0.1:4321",
      "[::1]:4321",
      "0.0.0.0:4321",
      "127.0.0.2:4321",
      "127.0.0.1",
      "127.0.0.1:4321 ",
      "",
    ]) {
      expect(isAllowedHost(host, PORT), host).toBe(false);
    }
    // Host names are case-insensitive.
    expect(isAllowedHost("LOCALHOST:4321", PORT)).toBe(true);
  });

  it("refuses origins of another scheme, port or host", () => {
    expect(isAllowedOrigin("http://localhost:4321", PORT)).toBe(true);
    for (const origin of [
      "https://127.0.0.1:4321",
      "http://127.0.0.1:4322",
      "http://127.0.0.1",
      "http://localhost.evil:4321",
      "file://",
      "app://cairn",
      "",
    ]) {
      expect(isAllowedOrigin(origin, PORT), origin).toBe(false);
    }
  });

  it("refuses a token that differs by one character, by case or by length", () => {
    expect(tokensEqual(TOKEN, TOKEN)).toBe(true);
    for (const given of ["s3cret-tokem", "S3CRET-TOKEN", `${TOKEN} `, "", "s3cret-tøken"]) {
      expect(tokensEqual(given, TOKEN), given).toBe(false);
    }
  });

  it("reads a request target as a path only, never as another host", () => {
    expect(requestPathname("/t/api/call/x?y=1#z")).toBe("/t/api/call/x");
    expect(requestPathname("//")).toBe("//");
    expect(requestPathname("//evil.example/t/")).toBe("//evil.example/t/");
    expect(requestPathname("http://evil.example/t/")).toBeNull();
    expect(requestPathname("*")).toBeNull();
    expect(requestPathname(undefined)).toBeNull();
  });
});
