/**
 * Cairn never talks to the network. Two proofs: the sources hold no outbound network
 * call (only browser mode's loopback server and the page's relative, same-origin API
 * client), and a core doing a coder's whole workflow — create, import, code, tally,
 * export, back up — opens no socket and looks up no host name, watched from inside this
 * process.
 */
import dgram from "node:dgram";
import dns from "node:dns";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import net from "node:net";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore } from "../../electron/core/core.ts";
import type { AnswerPage, ProjectSummary } from "../../shared/domain.ts";
import { coreValue } from "../helpers/core.ts";
import { fixedClock } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const ROOT = process.cwd();
const SCANNED = ["electron", "shared", "renderer/src", "renderer/index.html", "bin"];

function sourceFiles(path: string): string[] {
  const full = join(ROOT, path);
  if (/\.\w+$/.test(path)) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(path, entry.name))
      : /\.(ts|tsx|mjs|cjs|js|css|html)$/.test(entry.name)
        ? [join(full, entry.name)]
        : [],
  );
}

/** Comments may name what the code must not do; only code counts. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[^]*?\*\//g, "").replace(/(^|\s)\/\/.*$/gm, "$1");
}

const sources = SCANNED.flatMap(sourceFiles).map((path) => ({
  file: relative(ROOT, path),
  code: withoutComments(readFileSync(path, "utf8")),
}));

/** Each way out of the machine, and the files allowed to use it (with why). */
const OUTBOUND: readonly { what: string; pattern: RegExp; allowed: readonly string[] }[] = [
  {
    what: "Node's network modules",
    pattern:
      /(from\s+|require\(\s*|import\(\s*)["'](node:)?(http|https|http2|net|tls|dgram|dns|dns\/promises|undici|ws)["']/,
    // The loopback server of browser mode (it listens on 127.0.0.1; it connects nowhere).
    allowed: ["electron/core/http/server.ts"],
  },
  {
    what: "sockets and requests",
    pattern:
      /\b(net|tls|http|https|http2)\.(connect|createConnection|request|get)\(|\bnet\.(request|fetch)\(|\bdgram\.createSocket\(|\bdns\.(lookup|resolve\w*)\(/,
    allowed: [],
  },
  {
    what: "Electron's network API",
    pattern:
      /import\s*\{[^}]*\bnet\b[^}]*\}\s*from\s*["']electron["']|\.fetch\(|session\.\w+\.fetch/,
    allowed: [],
  },
  {
    what: "fetch with an argument",
    pattern: /(?<![\w$])fetch\(\s*[^)\s]/,
    // The page's API client: relative URLs, so only ever its own origin (checked below).
    allowed: ["renderer/src/api/transport.ts"],
  },
  {
    what: "browser network objects",
    pattern:
      /new\s+(WebSocket|XMLHttpRequest|WebTransport|RTCPeerConnection|Worker|SharedWorker)\(|sendBeacon\(|importScripts\(|serviceWorker\.register\(/,
    allowed: [],
  },
  {
    what: "an event stream",
    pattern: /new\s+EventSource\(/,
    allowed: ["renderer/src/api/transport.ts"],
  },
  {
    what: "remote content in markup or styles",
    pattern:
      /(src|href|action|srcset|poster|data)\s*=\s*\{?\s*["'`](https?:|wss?:)?\/\/|url\(\s*["']?(https?:)?\/\/|@import\s+["'](https?:)?\/\//,
    allowed: [],
  },
];

describe("the sources", () => {
  it("were found (the scan looks where the code is)", () => {
    expect(sources.length).toBeGreaterThan(100);
    for (const root of SCANNED) {
      expect(
        sources.some(({ file }) => file.startsWith(root)),
        root,
      ).toBe(true);
    }
  });

  it.each(OUTBOUND)("use $what only where allowed", ({ pattern, allowed }) => {
    const users = sources.filter(({ code }) => pattern.test(code)).map(({ file }) => file);
    expect(users.filter((file) => !allowed.includes(file))).toEqual([]);
  });

  it("let the page call only its own origin, by relative URLs", () => {
    const transport = sources.find(({ file }) => file === "renderer/src/api/transport.ts")!.code;
    const targets = [...transport.matchAll(/(?:fetch|EventSource)\(\s*([^,)]+)/g)].map((match) =>
      match[1]!.trim(),
    );
    expect(targets.length).toBeGreaterThanOrEqual(2);
    for (const target of targets) expect(target).toMatch(/^[`"']\.\/api\//);
  });

  it("let browser mode's server listen on the loopback address only", () => {
    const server = sources.find(({ file }) => file === "electron/core/http/server.ts")!.code;
    expect(server).toMatch(/\.listen\([^)]*"127\.0\.0\.1"/);
    expect(server).not.toMatch(/\.(connect|request)\(/);
  });
});

/** Every attempt to reach another machine (or this one), made while watching. */
function watchNetwork(): { readonly attempts: string[]; stop(): void } {
  const attempts: string[] = [];
  const restore: (() => void)[] = [];
  function spy<T extends object, K extends keyof T>(target: T, key: K, label: string): void {
    const original = target[key] as (...args: unknown[]) => unknown;
    target[key] = function (this: unknown, ...args: unknown[]) {
      attempts.push(`${label} ${JSON.stringify(args[0])?.slice(0, 80)}`);
      return original.apply(this, args);
    } as T[K];
    restore.push(() => (target[key] = original as T[K]));
  }
  spy(net.Socket.prototype, "connect", "socket connect");
  spy(dns, "lookup", "dns.lookup");
  spy(dns, "resolve", "dns.resolve");
  spy(dns.promises, "lookup", "dns.promises.lookup");
  spy(dgram, "createSocket", "dgram.createSocket");
  spy(globalThis, "fetch", "fetch");
  syncBuiltinESMExports();
  return {
    attempts,
    stop: () => {
      for (const undo of restore.reverse()) undo();
      syncBuiltinESMExports();
    },
  };
}

describe("a coder's whole workflow", () => {
  const tempDir = useTempDir();
  let stopWatching: (() => void) | null = null;
  afterEach(() => {
    stopWatching?.();
    stopWatching = null;
  });

  it("would be caught if it connected anywhere (the watch works)", async () => {
    const watch = watchNetwork();
    stopWatching = watch.stop;
    const server = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => net.connect(port, "127.0.0.1").on("close", resolve));
    await new Promise<void>((resolve) => dns.lookup("localhost", () => resolve()));
    server.close();
    expect(watch.attempts.some((line) => line.startsWith("socket connect"))).toBe(true);
    expect(watch.attempts).toContain('dns.lookup "localhost"');
  });

  it("opens no socket and looks up no host: create, import, code, tally, export, back up", async () => {
    const dir = tempDir();
    const csv = join(dir, "answers.csv");
    writeFileSync(
      csv,
      "id,Country,Answer\nR1,IE,Safer streets at night\nR2,FR,More buses to http://example.com\nR3,IE,Lighting\n",
    );
    const watch = watchNetwork();
    stopWatching = watch.stop;
    const core = createCore({
      shell: "browser",
      userDataDir: join(dir, "home"),
      now: fixedClock,
      autoBackup: true,
    });
    try {
      const call = async <T>(name: string, input: unknown) =>
        coreValue<T>(await core.call(name, input));
      await call("project.create", { path: join(dir, "survey.cairn") });
      await call("import.run", {
        source: { paths: [csv] },
        mapping: {
          idColumn: "id",
          attributeColumns: ["Country"],
          questions: [{ column: "Answer", label: "Q1", text: "What should change?" }],
          codeColumns: [],
          long: null,
          codeDelimiter: ";",
          codeSeparator: ">",
          nonResponses: ["n/a"],
        },
      });
      const summary = await call<ProjectSummary>("project.current", {});
      const questionId = summary.questions[0]!.id;
      const page = await call<AnswerPage>("answers.list", { questionId });
      const first = page.rows[0]!;
      await call("coding.apply", {
        answerId: first.answerId,
        code: { path: ["Safety"] },
        coder: "Anna",
        start: 0,
        end: 5,
      });
      await call("coding.setMemo", {
        target: { answerId: first.answerId },
        coder: "Anna",
        text: "see R2",
      });
      await call("tally.get", {});
      await call("tally.crosstab", { attribute: "Country" });
      await call("search.run", { query: "buses", questionId });
      await call("export.run", { format: "xlsx", path: join(dir, "out.xlsx") });
      await call("export.run", { format: "csv", path: join(dir, "out.csv"), table: "segments" });
      await call("export.run", { format: "qdpx", path: join(dir, "out.qdpx") });
      await call("backup.create", {});
      await call("project.close", {});
    } finally {
      core.shutdown();
    }
    expect(watch.attempts).toEqual([]);
  });
});
