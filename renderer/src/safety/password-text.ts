/**
 * The words and checks of the Password dialog: what is missing or mismatched before the
 * core is asked, and what happened after. Pure, so they are tested without a window.
 */
import { fileNameOf } from "../../../shared/project-files.ts";

/** Set one (the project has none), change it, or remove it. */
export type PasswordMode = "set" | "change" | "remove";

export interface PasswordFields {
  readonly current: string;
  readonly next: string;
  readonly repeat: string;
}

/**
 * The first problem with what was typed, as one sentence, or null when the core may be
 * asked. Passwords are never trimmed: a space is part of one.
 */
export function passwordProblem(mode: PasswordMode, fields: PasswordFields): string | null {
  if (mode !== "set" && fields.current === "") return "Type the current password.";
  if (mode === "remove") return null;
  if (fields.next === "") return "Type the new password.";
  if (fields.repeat === "") return "Type the new password again to be sure of it.";
  if (fields.next !== fields.repeat) return "The two new passwords are not the same.";
  if (mode === "change" && fields.next === fields.current) {
    return "The new password is the same as the current one.";
  }
  return null;
}

/** What the core did, once it answered. */
export function passwordDoneText(mode: PasswordMode): string {
  switch (mode) {
    case "set":
      return "The project is now protected by a password: Cairn asks for it each time the project is opened.";
    case "change":
      return "The password is changed: use the new one from now on.";
    case "remove":
      return "The password is removed: the project opens without one.";
  }
}

/** The note beside Set a password: what a password does and does not cover. */
export const PASSWORD_NOTE =
  "The project file and its backups are encrypted with it. Cairn cannot recover a " +
  "forgotten password: without it, the project cannot be opened. Exports (workbooks, " +
  "CSV, REFI-QDA) are written as plain files, readable by anyone who has them.";

/** "survey" from "/home/me/survey.cairn": the project's name before it is open. */
export function projectNameOf(path: string): string {
  const file = fileNameOf(path);
  return file.replace(/\.cairn$/i, "") || file;
}
