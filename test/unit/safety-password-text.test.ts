import { describe, expect, it } from "vitest";
import { ApiCallError } from "../../renderer/src/api/client.ts";
import { recoveryFor } from "../../renderer/src/safety/open-failure.ts";
import { asSentence } from "../../renderer/src/safety/sentence.ts";
import {
  passwordDoneText,
  passwordProblem,
  projectNameOf,
} from "../../renderer/src/safety/password-text.ts";

const typed = (current: string, next: string, repeat: string) => ({ current, next, repeat });

describe("the Password dialog's checks, before the core is asked", () => {
  it("setting one needs the new password twice, the same", () => {
    expect(passwordProblem("set", typed("", "", ""))).toBe("Type the new password.");
    expect(passwordProblem("set", typed("", "kestrel", ""))).toBe(
      "Type the new password again to be sure of it.",
    );
    expect(passwordProblem("set", typed("", "kestrel", "Kestrel"))).toBe(
      "The two new passwords are not the same.",
    );
    expect(passwordProblem("set", typed("", "kestrel", "kestrel"))).toBeNull();
  });

  it("never trims: a trailing space is part of a password", () => {
    expect(passwordProblem("set", typed("", "kestrel ", "kestrel"))).toBe(
      "The two new passwords are not the same.",
    );
    expect(passwordProblem("set", typed("", " ", " "))).toBeNull();
  });

  it("changing one needs the current one first, and a different new one", () => {
    expect(passwordProblem("change", typed("", "b", "b"))).toBe("Type the current password.");
    expect(passwordProblem("change", typed("a", "a", "a"))).toBe(
      "The new password is the same as the current one.",
    );
    expect(passwordProblem("change", typed("a", "b", "c"))).toBe(
      "The two new passwords are not the same.",
    );
    expect(passwordProblem("change", typed("a", "b", "b"))).toBeNull();
  });

  it("removing one needs only the current one", () => {
    expect(passwordProblem("remove", typed("", "", ""))).toBe("Type the current password.");
    expect(passwordProblem("remove", typed("a", "", ""))).toBeNull();
  });

  it("says what happened in one sentence", () => {
    expect(passwordDoneText("set")).toMatch(/^The project is now protected by a password/);
    expect(passwordDoneText("change")).toMatch(/^The password is changed/);
    expect(passwordDoneText("remove")).toMatch(/^The password is removed/);
  });

  it("names a project that is not open yet by its file", () => {
    expect(projectNameOf("/home/ana/surveys/members 2026.cairn")).toBe("members 2026");
    expect(projectNameOf("C:\\Surveys\\Wave.CAIRN")).toBe("Wave");
    expect(projectNameOf("/data/notes")).toBe("notes");
  });
});

describe("an open the window can still finish", () => {
  it("asks for the password of an encrypted project", () => {
    const error = new ApiCallError({ code: "password_required", message: "needs a password" });
    expect(recoveryFor("/s/a.cairn", error)).toEqual({ kind: "unlock", path: "/s/a.cairn" });
  });

  it("offers a damaged project's backup, with the core's sentence", () => {
    const failure = { code: "damaged", message: "a.cairn is damaged: page 4 is unreadable" };
    expect(recoveryFor("/s/a.cairn", failure)).toEqual({
      kind: "damaged",
      path: "/s/a.cairn",
      message: failure.message,
    });
  });

  it("leaves any other failure to the error banner", () => {
    expect(recoveryFor("/s/a.cairn", { code: "not_found", message: "no such file" })).toBeNull();
    expect(recoveryFor("/s/a.cairn", { code: "wrong_password", message: "wrong" })).toBeNull();
  });
});

describe("the core's messages under a field", () => {
  it("read as sentences: a capital first, a full stop last", () => {
    expect(asSentence("the password is not right for a.cairn; nothing was changed")).toBe(
      "The password is not right for a.cairn; nothing was changed.",
    );
    expect(asSentence("Type the current password.")).toBe("Type the current password.");
    expect(asSentence("Is it there?")).toBe("Is it there?");
    expect(asSentence("")).toBe("");
  });
});
