import { describe, expect, it } from "vitest";
import { api, send, useServedSample } from "./browser-server-client.ts";

describe("browser mode", () => {
  const start = useServedSample();

  it("prints a URL on 127.0.0.1 that carries the token", async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/test-token-123/`);
  });

  it("answers API calls that carry the token, in the result envelope", async () => {
    const s = await start();
    const reply = await api(s, "project.current", {});
    expect(reply.status).toBe(200);
    const result = JSON.parse(reply.body);
    expect(result.ok).toBe(true);
    expect(result.value.respondents).toBeGreaterThanOrEqual(15);
  });

  it("serves the page and the calls the page makes under the token's path", async () => {
    const s = await start();
    const page = await send(s, "/test-token-123/");
    expect(page.status).toBe(200);
    expect(page.headers["content-security-policy"]).toMatch(/script-src 'self'/);
    expect(page.headers["set-cookie"]).toBeUndefined();
    const call = await send(s, "/test-token-123/api/call/project.current", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(JSON.parse(call.body).ok).toBe(true);
    expect((await send(s, "/test-token-123")).headers.location).toBe("/test-token-123/");
  });

  it("refuses a request without the token", async () => {
    const s = await start();
    const reply = await send(s, "/api/call/project.current", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(reply.status).toBe(401);
    expect((await send(s, "/")).status).toBe(401);
    expect((await send(s, "/index.html")).status).toBe(401);
    expect((await send(s, "/wrong-token/")).status).toBe(401);
    expect((await send(s, "/?token=test-token-123")).status).toBe(401);
  });

  it("refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token", async () => {
    const s = await start();
    expect((await api(s, "project.current", {}, { Host: "attacker.example" })).status).toBe(403);
    expect(
      (await api(s, "project.current", {}, { Origin: "https://attacker.example" })).status,
    ).toBe(403);
  });

  it("sends no CORS headers", async () => {
    const s = await start();
    const reply = await api(s, "project.current", {}, { Origin: `http://127.0.0.1:${s.port}` });
    expect(reply.status).toBe(200);
    expect(reply.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("turns bad input into a clear error and changes nothing", async () => {
    const s = await start();
    const unknown = JSON.parse((await api(s, "project.destroy", {})).body);
    expect(unknown).toEqual({
      ok: false,
      error: { code: "bad_input", message: 'unknown operation "project.destroy"' },
    });
    const invalid = JSON.parse((await api(s, "answers.list", { questionId: "first" })).body);
    expect(invalid.ok).toBe(false);
    expect(invalid.error.message).toMatch(/^Invalid input: .* \(at questionId\)$/);
    const missing = JSON.parse((await api(s, "answers.list", { questionId: 999 })).body);
    expect(missing.error).toEqual({
      code: "not_found",
      message: "question 999 does not exist in this project",
    });
    const relative = JSON.parse((await api(s, "project.saveCopy", { path: "copy.cairn" })).body);
    expect(relative.error.message).toMatch(/use a full path/);
    const badName = await send(s, "/api/call/%E0", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cairn-Token": s.token },
      body: "{}",
    });
    expect(badName.status).toBe(400);
    const notJson = await send(s, "/api/call/project.current", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Cairn-Token": s.token },
      body: "{oops",
    });
    expect(notJson.status).toBe(400);
  });

  it("refuses a request that is too large with a clear status", async () => {
    const s = await start();
    const reply = await send(s, "/api/call/project.open", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Cairn-Token": s.token,
        "Content-Length": String(17 * 1024 * 1024),
      },
    });
    expect(reply.status).toBe(413);
  });

  it("refuses a form post (not JSON), which a foreign page could send", async () => {
    const s = await start();
    const reply = await send(s, "/api/call/project.close", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Cairn-Token": s.token },
      body: "a=1",
    });
    expect(reply.status).toBe(415);
    expect(JSON.parse((await api(s, "project.current", {})).body).value).not.toBeNull();
  });
});
