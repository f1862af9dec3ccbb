import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";

const BIN = fileURLToPath(new URL("../../bin/cairn.mjs", import.meta.url));

/** Debian's Chromium, never a test tool's own download. */
export const CHROMIUM = process.env.CAIRN_CHROMIUM ?? "/usr/bin/chromium";

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface ServedProject {
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

/** Starts `cairn serve FILE --no-open` and waits for the URL it prints first. */
export async function serveProject(file: string, home: string): Promise<ServedProject> {
  const child: ChildProcess = spawn(process.execPath, [BIN, "serve", file, "--no-open"], {
    env: { ...process.env, CAIRN_HOME: home },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`cairn serve exited (${code}): ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface OpenApp {
  readonly served: ServedProject;
  readonly browser: Browser;
  readonly page: Page;
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

/** The app in headless Chromium, on `file` served in browser mode, its project shown. */
export async function openApp(
  file: string,
  home: string,
  viewport = { width: 1280, height: 800 },
): Promise<OpenApp> {
  const served = await serveProject(file, home);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(served.url);
  await page.locator(".project-title").waitFor();
  return {
    served,
    browser,
    page,
    close: async () => {
      await browser.close();
      await served.stop();
    },
  };
}

/**
 * Calls the served core itself, as another window or program would (with the page's
 * token), and answers with the value; a refusal throws with the core's error.
 */
export async function callServed<T>(
  served: ServedProject,
  name: string,
  input: unknown,
): Promise<T> {
  const response = await fetch(new URL(`api/call/${name}`, served.url), {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}
