/**
 * The desktop page's one door into the core: who may knock (the main window's own top
 * frame on app://cairn) and what it may ask (an operation of the contract, with input
 * the contract's schema accepts). Electron cannot run here, so its event objects are
 * played by look-alikes with the same fields.
 */
import { describe, expect, it } from "vitest";
import { dispatch } from "../../electron/core/api/dispatch.ts";
import type { Handlers } from "../../electron/core/api/handlers.ts";
import {
  describeSender,
  isTrustedIpcSender,
  MAX_OPERATION_NAME_LENGTH,
  screenIpcCall,
  type IpcSenderFrame,
} from "../../electron/security/ipc.ts";
import { API_NAMES } from "../../shared/api/contract.ts";

const mainContents = { id: 1 };
const otherContents = { id: 2 };

function topFrame(url: string, origin = new URL(url).origin): IpcSenderFrame {
  return { url, origin, parent: null, detached: false, isDestroyed: () => false };
}

const fromMain = (frame: IpcSenderFrame | null) => ({ sender: mainContents, senderFrame: frame });

describe("who may call the core from a desktop window", () => {
  it("answers the main window's own page on app://cairn", () => {
    expect(
      isTrustedIpcSender(fromMain(topFrame("app://cairn/index.html", "app://cairn")), mainContents),
    ).toBe(true);
    expect(
      isTrustedIpcSender(
        fromMain(topFrame("app://cairn/questions/3?x#y", "app://cairn")),
        mainContents,
      ),
    ).toBe(true);
  });

  it("refuses look-alike origins and other schemes, even in the main window", () => {
    for (const url of [
      "app://cairn.evil/index.html",
      "app://cairn@evil/index.html",
      "app://user:pw@cairn/index.html",
      "app://cairn:8080/index.html",
      "app://evil/cairn",
      "app://%63airn/index.html",
      // Chromium lower-cases a standard scheme's host, so this never names our page.
      "APP://CAIRN/index.html",
      "file:///opt/Cairn/resources/app.asar/renderer/dist/index.html",
      "about:blank",
      "data:text/html,<script>cairn.call('project.close')</script>",
      "http://127.0.0.1:5173/",
      "https://cairn/",
      "javascript:alert(1)",
      "",
    ]) {
      const frame = { ...topFrame("app://cairn/"), url };
      expect(isTrustedIpcSender(fromMain(frame), mainContents), url).toBe(false);
    }
  });

  it("refuses a page whose origin is not app://cairn (an opaque, sandboxed document)", () => {
    const frame = { ...topFrame("app://cairn/index.html"), origin: "null" };
    expect(isTrustedIpcSender(fromMain(frame), mainContents)).toBe(false);
  });

  it("refuses subframes, even of our own origin", () => {
    const parent = topFrame("app://cairn/index.html");
    const frame = { ...topFrame("app://cairn/index.html"), parent };
    expect(isTrustedIpcSender(fromMain(frame), mainContents)).toBe(false);
  });

  it("refuses another window's page, and any page while there is no main window", () => {
    const frame = topFrame("app://cairn/index.html");
    expect(isTrustedIpcSender({ sender: otherContents, senderFrame: frame }, mainContents)).toBe(
      false,
    );
    expect(isTrustedIpcSender(fromMain(frame), null)).toBe(false);
  });

  it("refuses a frame that is gone: destroyed, detached, or throwing when read", () => {
    const frame = topFrame("app://cairn/index.html");
    expect(isTrustedIpcSender(fromMain(null), mainContents)).toBe(false);
    expect(isTrustedIpcSender(fromMain({ ...frame, isDestroyed: () => true }), mainContents)).toBe(
      false,
    );
    expect(isTrustedIpcSender(fromMain({ ...frame, detached: true }), mainContents)).toBe(false);
    const disposed = {
      get url(): string {
        throw new Error("Render frame was disposed before WebFrameMain could be accessed");
      },
      origin: "app://cairn",
      parent: null,
    };
    expect(isTrustedIpcSender(fromMain(disposed), mainContents)).toBe(false);
    expect(describeSender({ senderFrame: disposed })).toBe("a destroyed frame");
    expect(describeSender({ senderFrame: null })).toBe("a destroyed frame");
    expect(
      describeSender({ senderFrame: topFrame(`https://evil.example/${"x".repeat(500)}`) }),
    ).toHaveLength(200);
  });
});

describe("what the page may ask for", () => {
  const files = { recentPaths: ["/home/ana/survey.cairn"], chosenImportPaths: new Set<string>() };

  it("lets every operation of the contract through to the core", () => {
    for (const name of API_NAMES) {
      if (
        [
          "import.inspect",
          "import.run",
          "project.create",
          "project.saveCopy",
          "project.open",
        ].includes(name)
      )
        continue;
      expect(screenIpcCall(name, {}, files), name).toEqual({ ok: true, name });
    }
    expect(Math.max(...API_NAMES.map((name) => name.length))).toBeLessThanOrEqual(
      MAX_OPERATION_NAME_LENGTH,
    );
  });

  it("refuses a name that is not a string, with a sentence", () => {
    for (const name of [undefined, null, 42, {}, ["project.current"], Symbol("x"), ""]) {
      expect(screenIpcCall(name, {}, files)).toEqual({
        ok: false,
        error: { code: "bad_input", message: "an operation name is required" },
      });
    }
  });

  it("refuses names that only an object's prototype knows", () => {
    for (const name of [
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "valueOf",
      "__defineGetter__",
      "prototype",
    ]) {
      expect(screenIpcCall(name, {}, files), name).toEqual({
        ok: false,
        error: { code: "bad_input", message: `unknown operation "${name}"` },
      });
    }
  });

  it("refuses near misses and very long names without echoing them whole", () => {
    for (const name of [
      "project.current ",
      "Project.current",
      "project.current\0",
      "project",
      "project.current.x",
    ]) {
      expect(screenIpcCall(name, {}, files).ok, JSON.stringify(name)).toBe(false);
    }
    const long = "project.current" + "x".repeat(1_000_000);
    const screened = screenIpcCall(long, {}, files);
    expect(screened.ok).toBe(false);
    if (!screened.ok) expect(screened.error.message.length).toBeLessThan(100);
  });

  it("keeps the page's file rules: only a recent project, only chosen imports", () => {
    expect(screenIpcCall("project.open", { path: "/home/ana/survey.cairn" }, files)).toEqual({
      ok: true,
      name: "project.open",
    });
    expect(screenIpcCall("project.open", { path: "/etc/passwd" }, files).ok).toBe(false);
    expect(screenIpcCall("project.create", { path: "/tmp/x.cairn" }, files).ok).toBe(false);
    expect(screenIpcCall("import.run", { source: { paths: ["/etc/shadow"] } }, files).ok).toBe(
      false,
    );
  });
});

describe("the input of a screened call", () => {
  // Never reached: every case below is refused before a handler runs.
  const handlers = {} as Handlers;

  it("is checked against the contract's schema before any handler runs", async () => {
    for (const [name, input] of [
      ["answers.list", { questionId: "1 OR 1=1" }],
      ["answers.list", { questionId: 1, limit: 1e9 }],
      ["coding.apply", { answerId: 1, code: { path: [] }, coder: "Anna", start: -1, end: 2 }],
      ["codes.create", { path: ["x"], __proto__: { admin: true }, extra: 1 }],
      ["project.open", { path: 42 }],
      ["project.current", "not an object"],
      ["codes.rename", [1, 2, 3]],
    ] as const) {
      const result = await dispatch(handlers, name, input);
      expect(result.ok, `${name} ${JSON.stringify(input)}`).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("bad_input");
    }
  });

  it("refuses the prototype's names in dispatch too", async () => {
    for (const name of ["__proto__", "constructor", "toString"]) {
      expect(await dispatch(handlers, name, {})).toEqual({
        ok: false,
        error: { code: "bad_input", message: `unknown operation "${name}"` },
      });
    }
  });
});
