/**
 * Cairn makes no request beyond its own server. From inside the running page, a fetch to
 * the web or to another server on this computer, a remote picture, script, stylesheet
 * background, WebSocket, event stream or beacon are each stopped by the page's CSP
 * before they leave: Chromium reports a violation for each, and a server listening on
 * another loopback port never hears a thing.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/sample-app.ts";

interface Violation {
  readonly blockedURI: string;
  readonly directive: string;
}

describe("the page's network", () => {
  const sample = useSampleApp({ prefix: "cairn-e2e-network-" });
  /** Every request that reached the bystander server. */
  const heard: string[] = [];
  let bystander: Server;
  let other = "";

  beforeAll(async () => {
    bystander = createServer((request, response) => {
      heard.push(`${request.method} ${request.url}`);
      response.writeHead(200, { "Access-Control-Allow-Origin": "*" }).end("hello");
    });
    await new Promise<void>((resolve) => bystander.listen(0, "127.0.0.1", resolve));
    other = `127.0.0.1:${(bystander.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => bystander.close(() => resolve()));
  });

  it("is stopped by the CSP at every way out, and nothing reaches another server", async () => {
    const { page } = sample;
    const origin = sample.app.served.origin;
    const foreign = (url: string) => !url.startsWith(origin);
    const finished: string[] = [];
    const failed = new Map<string, string>();
    page.on("requestfinished", (request) => finished.push(request.url()));
    page.on("requestfailed", (request) =>
      failed.set(request.url(), request.failure()?.errorText ?? ""),
    );

    const outcome = await page.evaluate(async (other) => {
      const violations: { blockedURI: string; directive: string }[] = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        violations.push({ blockedURI: event.blockedURI, directive: event.effectiveDirective }),
      );
      const settle = (element: HTMLElement, event = "error") =>
        new Promise<string>((resolve) => {
          element.addEventListener(event, () => resolve(event));
          element.addEventListener("load", () => resolve("load"));
          setTimeout(() => resolve("timeout"), 3000);
        });
      const attempt = async (run: () => Promise<unknown>) => {
        try {
          await run();
          return "reached";
        } catch (error) {
          return `refused: ${(error as Error).name}`;
        }
      };

      const fetches = [
        await attempt(() => fetch("http://example.com/")),
        await attempt(() => fetch(`http://${other}/fetch`)),
        await attempt(() => fetch(`http://localhost:${other.split(":")[1]}/fetch`)),
      ];

      const picture = document.createElement("img");
      picture.src = `http://${other}/picture.png`;
      const pictureResult = settle(picture);
      document.body.append(picture);
      const webPicture = document.createElement("img");
      webPicture.src = "https://example.com/tracker.gif";
      const webPictureResult = settle(webPicture);
      document.body.append(webPicture);

      const script = document.createElement("script");
      script.src = `http://${other}/script.js`;
      const scriptResult = settle(script);
      document.head.append(script);

      const style = document.createElement("style");
      style.textContent = `body { background-image: url("http://${other}/background.png"); }`;
      document.head.append(style);

      const socket = await new Promise<string>((resolve) => {
        try {
          const ws = new WebSocket(`ws://${other}/socket`);
          ws.onopen = () => resolve("open");
          ws.onerror = () => resolve("error");
          setTimeout(() => resolve("timeout"), 3000);
        } catch (error) {
          resolve(`threw ${(error as Error).name}`);
        }
      });

      const stream = await new Promise<string>((resolve) => {
        const source = new EventSource(`http://${other}/events`);
        source.onopen = () => resolve("open");
        source.onerror = () => {
          source.close();
          resolve("error");
        };
        setTimeout(() => resolve("timeout"), 3000);
      });

      let beacon: string;
      try {
        beacon = navigator.sendBeacon(`http://${other}/beacon`, "answers") ? "queued" : "refused";
      } catch (error) {
        beacon = `threw ${(error as Error).name}`;
      }

      const results = {
        fetches,
        picture: await pictureResult,
        webPicture: await webPictureResult,
        script: await scriptResult,
        socket,
        stream,
        beacon,
      };
      // Violation reports are queued tasks: let them all arrive.
      await new Promise((resolve) => setTimeout(resolve, 500));
      picture.remove();
      webPicture.remove();
      script.remove();
      style.remove();
      return { results, violations };
    }, other);

    expect(outcome.results.fetches).toEqual([
      "refused: TypeError",
      "refused: TypeError",
      "refused: TypeError",
    ]);
    expect(outcome.results.picture).toBe("error");
    expect(outcome.results.webPicture).toBe("error");
    expect(outcome.results.script).toBe("error");
    expect(outcome.results.socket).not.toBe("open");
    expect(outcome.results.stream).toBe("error");
    // sendBeacon answers "queued" before the CSP stops it: the violation below proves it.
    expect(["queued", "refused"]).toContain(outcome.results.beacon);

    const blocked = (url: string) =>
      outcome.violations.filter((violation: Violation) => violation.blockedURI.startsWith(url));
    const by = (url: string) => blocked(url).map((violation) => violation.directive);
    expect(by("http://example.com")).toContain("connect-src");
    expect(by("https://example.com")).toContain("img-src");
    expect(by(`http://${other}/fetch`)).toContain("connect-src");
    expect(by(`http://${other}/picture.png`)).toContain("img-src");
    expect(by(`http://${other}/script.js`)).toContain("script-src-elem");
    expect(by(`http://${other}/background.png`)).toContain("img-src");
    expect(by(`ws://${other}/socket`)).toContain("connect-src");
    expect(by(`http://${other}/events`)).toContain("connect-src");
    expect(by(`http://${other}/beacon`)).toContain("connect-src");

    // Chromium names the loads it refused; none to elsewhere finished, none arrived.
    // (fetch, WebSocket and beacons are refused before they become requests at all.)
    expect(finished.filter(foreign)).toEqual([]);
    expect(Object.fromEntries([...failed].filter(([url]) => foreign(url)))).toEqual({
      [`http://${other}/picture.png`]: "csp",
      "https://example.com/tracker.gif": "csp",
      [`http://${other}/script.js`]: "csp",
      [`http://${other}/background.png`]: "csp",
      [`http://${other}/events`]: "csp",
    });
    expect(heard).toEqual([]);
  });

  it("is served with the CSP that forbids all of it", async () => {
    const { page } = sample;
    const policy = await page.evaluate(async () => {
      const response = await fetch("./");
      return response.headers.get("content-security-policy");
    });
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("img-src 'self' data: blob:");
  });
});
