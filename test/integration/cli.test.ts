import { existsSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cairn } from "../helpers/cli.ts";
import { useTempDir } from "../helpers/temp.ts";

describe("the cairn command", () => {
  const tempDir = useTempDir();

  it("writes the sample project and shows its questions and counts as JSON", () => {
    const file = join(tempDir(), "sample.cairn");
    expect(cairn(["demo", file], tempDir()).status).toBe(0);

    const shown = cairn(["show", file, "--json"], tempDir());
    expect(shown.status).toBe(0);
    const project = JSON.parse(shown.stdout);
    expect(project.respondents).toBeGreaterThanOrEqual(15);
    expect(project.attributes).toEqual(["Country", "Organisation type"]);
    expect(project.coders).toEqual(["Aoife"]);
    expect(project.questions.length).toBeGreaterThanOrEqual(12);
    const first = project.questions[0];
    expect(Object.keys(first)).toEqual(
      expect.arrayContaining(["label", "text", "position", "answered", "empty", "non_response"]),
    );
    expect(first.position).toBe(1);
    for (const q of project.questions) {
      expect(q.answered + q.empty + q.non_response).toBe(project.respondents);
    }
  });

  it("prints the code tree with paths, colours and descriptions", () => {
    const file = join(tempDir(), "sample.cairn");
    cairn(["demo", file], tempDir());
    const codes = JSON.parse(cairn(["codes", file, "--json"], tempDir()).stdout);
    const safety = codes.find((c: { path: string[] }) => c.path[0] === "Victim safety");
    expect(safety).toMatchObject({
      path: ["Victim safety"],
      color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });
    expect(safety.children[0].path).toEqual(["Victim safety", safety.children[0].path[1]]);
    expect(typeof safety.description).toBe("string");
  });

  it("creates an empty project with no questions yet", () => {
    const file = join(tempDir(), "blank.cairn");
    expect(cairn(["new", file], tempDir()).stdout.trim()).toBe(`Created ${file}`);
    const project = JSON.parse(cairn(["show", file, "--json"], tempDir()).stdout);
    expect(project).toMatchObject({ name: "blank", respondents: 0, questions: [], coders: [] });
    expect(JSON.parse(cairn(["codes", file, "--json"], tempDir()).stdout)).toEqual([]);
  });

  it.each([
    [[], /usage: cairn <command>/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["show"], /expected one FILE argument/],
    [["show", "a.cairn", "b.cairn"], /expected one FILE argument/],
    [["show", "a.cairn", "--colour"], /Unknown option '--colour'/],
    [["serve", "x.cairn", "--port", "http"], /--port must be a number/],
    [["serve", "x.cairn", "--port", ""], /--port must be a number/],
  ])("rejects bad arguments %j with exit code 2 and one line", (args, message) => {
    const run = cairn(args, tempDir());
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    if (args.length > 0) expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("reports a file that is not a project in one line, without a stack trace", () => {
    const run = cairn(["show", join(tempDir(), "missing.cairn")], tempDir());
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/does not exist/);
  });

  it("says so in one line when the port is taken, and leaves the project as one clean file", async () => {
    const file = join(tempDir(), "sample.cairn");
    cairn(["demo", file], tempDir());
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const run = cairn(["serve", file, "--port", String(port), "--no-open"], tempDir());
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `cairn serve: port ${port} is in use; choose another with --port`,
      );
      expect(existsSync(`${file}-wal`)).toBe(false);
    } finally {
      blocker.close();
    }
  });
});
