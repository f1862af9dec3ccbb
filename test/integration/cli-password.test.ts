/**
 * `cairn password` and CAIRN_PASSWORD (decision 0017): a script protects a project, every
 * command then needs the password from the environment (never from an argument, which
 * would show in the shell's history), and the password can be changed and removed.
 */
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { cairn, cairnInProcess, cairnJson } from "../helpers/cli.ts";
import { fileHash } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();
const PASSWORD = `rosé "at" 5 o'clock`;
const NEW_PASSWORD = "  spaces count too  ";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** What `cairn` sees in its environment for the next commands. */
function passwords(current: string | undefined, next?: string): void {
  vi.stubEnv("CAIRN_PASSWORD", current);
  vi.stubEnv("CAIRN_NEW_PASSWORD", next);
}

describe("cairn password", () => {
  it("protects a project; every command then reads the password from CAIRN_PASSWORD", async () => {
    const file = join(tempDir(), "survey.cairn");
    passwords(undefined);
    await cairnJson("demo", file);

    passwords(undefined, PASSWORD);
    expect(await cairnJson("password", file)).toEqual({ path: file, encrypted: true });

    passwords(undefined);
    const hash = fileHash(file);
    expect(await cairnInProcess("show", file)).toEqual({
      status: 1,
      stdout: "",
      stderr: `cairn show: ${file} is protected by a password; set CAIRN_PASSWORD to its password\n`,
    });
    passwords("rose at 5");
    expect(await cairnInProcess("codes", file)).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "cairn codes: the password is not right for survey.cairn; nothing was changed " +
        "(check CAIRN_PASSWORD)\n",
    });
    expect(fileHash(file)).toBe(hash);

    // The real binary, as a script runs it, with the password in its environment.
    passwords(PASSWORD);
    const run = cairn(["show", file, "--json"], join(tempDir(), "home"));
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ path: file, respondents: 18 });
  });

  it("changes the password to CAIRN_NEW_PASSWORD, and removes it with --remove", async () => {
    const file = join(tempDir(), "survey.cairn");
    passwords(undefined, PASSWORD);
    await cairnJson("demo", file);
    await cairnJson("password", file);

    // No new password: a usage mistake, and the project is not touched.
    passwords(PASSWORD);
    const missing = await cairnInProcess("password", file);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^cairn password: set CAIRN_NEW_PASSWORD .*--remove/);

    passwords(PASSWORD, NEW_PASSWORD);
    expect(await cairnInProcess("password", file)).toEqual({
      status: 0,
      stdout: `Changed the password of ${file}\n`,
      stderr: "",
    });
    // The old password no longer opens it, so it cannot change it either.
    passwords(PASSWORD, "third");
    expect((await cairnInProcess("password", file)).stderr).toMatch(/not right for survey\.cairn/);

    passwords(NEW_PASSWORD);
    expect(await cairnJson("password", file, "--remove")).toEqual({
      path: file,
      encrypted: false,
    });
    passwords(undefined);
    expect((await cairnJson("show", file)).respondents).toBe(18);
    expect((await cairnInProcess("password", file, "--remove")).stdout).toBe(
      `${file} has no password\n`,
    );
  });
});
