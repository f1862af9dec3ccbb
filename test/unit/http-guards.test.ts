import { describe, expect, it } from "vitest";
import {
  authenticate,
  isAllowedHost,
  isAllowedOrigin,
  readCookie,
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

  it("needs the token in a header, the cookie or the first URL", () => {
    const url = (q = "") => new URL(`http://127.0.0.1:${PORT}/${q}`);
    expect(authenticate({ headers: { "x-cairn-token": TOKEN }, url: url() }, PORT, TOKEN)).toBe(
      "header",
    );
    expect(
      authenticate(
        { headers: { cookie: `a=b; cairn_token_4321=${TOKEN}` }, url: url() },
        PORT,
        TOKEN,
      ),
    ).toBe("cookie");
    expect(authenticate({ headers: {}, url: url(`?token=${TOKEN}`) }, PORT, TOKEN)).toBe("url");
    expect(authenticate({ headers: {}, url: url() }, PORT, TOKEN)).toBeNull();
    expect(
      authenticate({ headers: { "x-cairn-token": "guess" }, url: url() }, PORT, TOKEN),
    ).toBeNull();
    // A cookie of another Cairn server on another port does not count here.
    expect(
      authenticate({ headers: { cookie: `cairn_token_9999=${TOKEN}` }, url: url() }, PORT, TOKEN),
    ).toBeNull();
  });

  it("compares tokens of any length without throwing", () => {
    expect(tokensEqual("abc", "abcd")).toBe(false);
    expect(tokensEqual(undefined, "abcd")).toBe(false);
    expect(readCookie("x=1;y=2=3", "y")).toBe("2=3");
  });
});
