/**
 * A project password (issue 9, decision 0017): the file is encrypted at rest, WAL included;
 * it opens only with its password; a wrong one changes nothing; the password can be
 * changed and removed. Real files; each open of an encrypted file derives its key
 * (PBKDF2, about a tenth of a second), so the stories share their steps.
 */
import Database from "better-sqlite3";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CairnError } from "../../shared/api/errors.ts";
import { probeHeader } from "../../electron/core/db/header.ts";
import { createCore } from "../../electron/core/core.ts";
import type { ProjectSession } from "../../electron/core/services/project-session.ts";
import { importFiles } from "../helpers/import.ts";
import { coreValue } from "../helpers/core.ts";
import { fileHash, fixedClock, newSession, snapshot } from "../helpers/project.ts";
import { useTempDir } from "../helpers/temp.ts";

const tempDir = useTempDir();

/** Quotes, a backslash, spaces, accents and an emoji: none of it may reach SQL text. */
const PASSWORD = `it's a "quoted" pass\\word — Grüße 🔑`;
const NEW_PASSWORD = "'; DROP TABLE answers; --";
const SECRET = "The night patrol at Kigali market frightened my sister";

/** The action is refused with this code and a message like this. */
function expectCairnError(action: () => unknown, code: CairnError["code"], message: RegExp) {
  expect(action).toThrow(
    expect.objectContaining({ name: "CairnError", code, message: expect.stringMatching(message) }),
  );
}

function contains(path: string, text: string): boolean {
  return readFileSync(path).includes(Buffer.from(text, "utf8"));
}

/** A protected project into which a survey with a sensitive answer was imported. */
async function protectedSurvey(dir: string): Promise<{ path: string; session: ProjectSession }> {
  const path = join(dir, "survey.cairn");
  const session = newSession();
  session.create(path);
  expect(session.setPassword(undefined, PASSWORD).encrypted).toBe(true);
  const csv = join(dir, "survey.csv");
  writeFileSync(csv, `id,What happened?\nR1,${SECRET}\nR2,Nothing to report\n`);
  await importFiles(session, [csv]);
  return { path, session };
}

describe("a project with a password", () => {
  it("keeps every answer out of the file and its WAL in plain, while open and after closing", async () => {
    const { path, session } = await protectedSurvey(tempDir());
    // The import is committed to the WAL, not yet folded into the file.
    expect(readdirSync(tempDir())).toContain("survey.cairn-wal");
    for (const file of [path, `${path}-wal`]) {
      expect(contains(file, SECRET)).toBe(false);
      expect(contains(file, "Kigali")).toBe(false);
      expect(contains(file, "SQLite format 3")).toBe(false);
    }
    expect(session.password()).toBe(PASSWORD);
    expect(session.summary().encrypted).toBe(true);
    session.close();
    expect(readdirSync(tempDir())).not.toContain("survey.cairn-wal");
    expect(contains(path, "Kigali")).toBe(false);
    expect(probeHeader(path)).toEqual({ kind: "encrypted" });
  });

  it("opens only with its password, and a failed open leaves the file byte for byte as it was", async () => {
    const { path, session } = await protectedSurvey(tempDir());
    session.close();
    const hash = fileHash(path);
    const files = readdirSync(tempDir());
    const reader = newSession();
    expectCairnError(() => reader.open(path), "password_required", /is protected by a password$/);
    expectCairnError(
      () => reader.open(path, { password: "its a quoted password" }),
      "wrong_password",
      /^the password is not right for survey\.cairn; nothing was changed$/,
    );
    // Nearly right is still wrong: the password is not trimmed or normalised.
    expectCairnError(() => reader.open(path, { password: `${PASSWORD} ` }), "wrong_password", /./);
    expect(reader.isOpen).toBe(false);
    expect(fileHash(path)).toBe(hash);
    expect(readdirSync(tempDir())).toEqual(files);

    const summary = reader.open(path, { password: PASSWORD });
    expect(summary.encrypted).toBe(true);
    expect(summary.respondents).toBe(2);
    const texts = reader.db().prepare("SELECT text FROM answers ORDER BY id").pluck().all();
    expect(texts).toEqual([SECRET, "Nothing to report"]);
    reader.close();
  });

  it("changes its password only when given the current one; the old one then stops working", async () => {
    const { path, session } = await protectedSurvey(tempDir());
    const before = snapshot(session.db());
    expectCairnError(
      () => session.setPassword(undefined, NEW_PASSWORD),
      "password_required",
      /is protected by a password/,
    );
    expectCairnError(
      () => session.setPassword("not it", NEW_PASSWORD),
      "wrong_password",
      /not right for survey\.cairn; nothing was changed/,
    );
    expectCairnError(() => session.setPassword(PASSWORD, ""), "bad_input", /required/);
    expect(session.password()).toBe(PASSWORD);

    // The same password again is no change at all.
    expect(session.setPassword(PASSWORD, PASSWORD).encrypted).toBe(true);
    expect(session.setPassword(PASSWORD, NEW_PASSWORD).encrypted).toBe(true);
    expect(session.password()).toBe(NEW_PASSWORD);
    expect(snapshot(session.db())).toBe(before);
    // Still open and writable under the new key, with nothing left of the change.
    session.db().prepare("UPDATE project_meta SET value = 'Renamed' WHERE key = 'name'").run();
    session.close();
    expect(readdirSync(tempDir()).sort()).toEqual(["survey.cairn", "survey.csv"]);

    const reader = newSession();
    expectCairnError(() => reader.open(path, { password: PASSWORD }), "wrong_password", /./);
    expect(reader.open(path, { password: NEW_PASSWORD }).name).toBe("Renamed");
    reader.close();
  });

  it("without its password is a plain SQLite file again, which any SQLite tool reads", async () => {
    const { path, session } = await protectedSurvey(tempDir());
    const before = snapshot(session.db());
    expect(session.setPassword(PASSWORD, null).encrypted).toBe(false);
    expect(session.password()).toBeNull();
    expect(snapshot(session.db())).toBe(before);
    // Removing a password the project no longer has changes nothing.
    expect(session.setPassword(undefined, null).encrypted).toBe(false);
    session.close();
    expect(probeHeader(path)).toMatchObject({ kind: "sqlite" });
    const plain = new Database(path, { readonly: true });
    expect(plain.prepare("SELECT count(*) FROM answers").pluck().get()).toBe(2);
    plain.close();
    // A password given for a plain project is not needed, and not kept.
    const reader = newSession();
    expect(reader.open(path, { password: "anything" }).encrypted).toBe(false);
    reader.close();
  });

  it("is set and unlocked through the API, as the window does", async () => {
    const dir = tempDir();
    const path = join(dir, "sample.cairn");
    const core = createCore({ shell: "browser", userDataDir: join(dir, "home"), now: fixedClock });
    try {
      coreValue(await core.call("project.create", { path, sample: true }));
      coreValue(await core.call("codes.create", { path: ["Fear of reprisal"] }));
      const set = coreValue<{ encrypted: boolean }>(
        await core.call("project.setPassword", { password: PASSWORD }),
      );
      expect(set.encrypted).toBe(true);
      // The file was rewritten under the window's feet: the undo history goes on.
      const undone = coreValue<{ label: string }>(await core.call("history.undo", {}));
      expect(undone.label).toMatch(/Fear of reprisal/);
      const names = coreValue<{ name: string }[]>(await core.call("codes.tree", {}));
      expect(names.map((code) => code.name)).not.toContain("Fear of reprisal");
      coreValue(await core.call("project.close", {}));
      const refused = await core.call("project.open", { path });
      expect(refused).toMatchObject({ ok: false, error: { code: "password_required" } });
      const wrong = await core.call("project.unlock", { path, password: "guess" });
      expect(wrong).toMatchObject({ ok: false, error: { code: "wrong_password" } });
      const unlocked = coreValue<{ encrypted: boolean; respondents: number }>(
        await core.call("project.unlock", { path, password: PASSWORD }),
      );
      expect(unlocked).toMatchObject({ encrypted: true, respondents: 18 });
    } finally {
      core.shutdown();
    }
  });
});

describe("files that are not a protected Cairn project", () => {
  it("a text file or an empty one is still not a Cairn project, password or not", () => {
    const dir = tempDir();
    const text = join(dir, "notes.cairn");
    // Whole 512-byte blocks of text: its size alone does not make it look encrypted.
    writeFileSync(text, "Interview notes, not a project.\n".repeat(64));
    const empty = join(dir, "empty.cairn");
    writeFileSync(empty, "");
    for (const path of [text, empty]) {
      expectCairnError(() => newSession().open(path), "not_a_project", /not a Cairn project/);
      expectCairnError(
        () => newSession().open(path, { password: PASSWORD }),
        "not_a_project",
        /not a Cairn project/,
      );
    }
  });

  it("an encrypted SQLite database of another app is refused once unlocked, unchanged", () => {
    const path = join(tempDir(), "other.db");
    const other = new Database(path);
    other.pragma("cipher = 'sqlcipher'");
    other.pragma("legacy = 4");
    other.key(Buffer.from(PASSWORD));
    other.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('private')");
    other.close();
    const hash = fileHash(path);
    expectCairnError(
      () => newSession().open(path, { password: PASSWORD }),
      "not_a_project",
      /is an encrypted SQLite database but not a Cairn project/,
    );
    expect(fileHash(path)).toBe(hash);
  });
});
