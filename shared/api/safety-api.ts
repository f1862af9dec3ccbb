/**
 * The safety and privacy part of the API: rotating backups of the open project and
 * restoring one, the project's password (encryption at rest), and a pseudonymised copy
 * to hand to a second coder or an archive. Decisions 0017 (password),
 * 0018 (backups) and 0019 (pseudonymisation) record how each works.
 */
import { z } from "zod";
import type { ProjectSummary } from "../domain.ts";
import { entry, filePath } from "./schemas.ts";

/** Why a backup was made. */
export const BACKUP_REASONS = ["open", "timer", "manual", "before-restore", "migration"] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** What a backup holds, counted when it was made. */
export interface BackupCounts {
  readonly respondents: number;
  readonly questions: number;
  readonly answers: number;
  readonly codes: number;
  readonly segments: number;
  readonly coders: number;
}

export interface BackupInfo {
  /** Absolute path of the backup file. */
  readonly path: string;
  /** Its file name, as the dialog lists it. */
  readonly file: string;
  /** When it was made, ISO 8601 in UTC. */
  readonly createdAt: string;
  readonly reason: BackupReason;
  readonly bytes: number;
  /** Null when the backup's counts could not be read (a damaged or foreign file). */
  readonly counts: BackupCounts | null;
  /** Made under the project's current password (or both plain): restorable without asking. */
  readonly encrypted: boolean;
}

export interface BackupSettings {
  /** How many automatic backups are kept; the oldest go first. */
  readonly keep: number;
  /** A backup is made after this many minutes in which the project changed. */
  readonly intervalMinutes: number;
}

export interface BackupListing {
  /** The project the backups belong to. */
  readonly project: string;
  /** The folder beside the project that holds them ("survey.cairn-backups"). */
  readonly folder: string;
  readonly settings: BackupSettings;
  /** Newest first. */
  readonly backups: readonly BackupInfo[];
  /**
   * The last automatic backup of the open project that failed (a full disk...), until
   * one succeeds again; the app kept working. Absent when none failed.
   */
  readonly lastError?: { readonly at: string; readonly message: string };
}

export const backupSettingsSchema = z
  .object({
    keep: z.number().int().min(1).max(200).optional(),
    intervalMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
  })
  .strict();

/** A project password: what the user typed, never trimmed. */
export const password = z
  .string()
  .min(1, "a password is required")
  .max(1024, "a password is at most 1,024 characters")
  .refine((text) => !text.includes("\u0000"), "a password cannot contain a NUL character");

export interface RestoreReport {
  /** The project, now holding the backup's content, and open. */
  readonly summary: ProjectSummary;
  /** The backup restored. */
  readonly restored: string;
  /**
   * Where the project's state from just before the restore was kept: a backup in the same
   * folder, or (for a damaged file) the damaged file itself, renamed. Null when there
   * was nothing to keep.
   */
  readonly keptAs: string | null;
}

/** One term of a pseudonymisation list: a name or phrase and what replaces it. */
export const pseudonymTermSchema = z
  .object({
    find: z.string().trim().min(1, "a term to replace is required").max(500),
    replace: z.string().max(500),
  })
  .strict();
export type PseudonymTerm = z.output<typeof pseudonymTermSchema>;

export const pseudonymiseOptionsSchema = z
  .object({
    terms: z.array(pseudonymTermSchema).max(100_000).default([]),
    /** Match terms regardless of case ("anna" finds "Anna"); the default. */
    ignoreCase: z.boolean().default(true),
    /** Match terms only as whole words ("Ann" does not touch "Annual"); the default. */
    wholeWords: z.boolean().default(true),
    /** Replace e-mail addresses with "[email]". */
    emails: z.boolean().default(false),
    /** Replace telephone numbers with "[phone]". */
    phones: z.boolean().default(false),
    /** Replace web addresses with "[url]". */
    urls: z.boolean().default(false),
  })
  .strict();
export type PseudonymiseOptions = z.output<typeof pseudonymiseOptionsSchema>;

/** How often one term (or pattern) was replaced. */
export interface PseudonymCount {
  /** The term, or "e-mail addresses", "telephone numbers", "web addresses". */
  readonly find: string;
  readonly replace: string;
  readonly count: number;
}

export interface PseudonymiseReport {
  /** The copy written; the open project is unchanged. */
  readonly path: string;
  readonly replacements: number;
  readonly byTerm: readonly PseudonymCount[];
  readonly answersChanged: number;
  /** Segments whose start or end moved with the text before or inside them. */
  readonly segmentsReanchored: number;
  readonly memosChanged: number;
  readonly attributeValuesChanged: number;
  readonly respondentIdsChanged: number;
}

/** What a pseudonymisation would do, without writing anything. */
export interface PseudonymisePreview {
  readonly replacements: number;
  readonly byTerm: readonly PseudonymCount[];
  readonly answersChanged: number;
  /** A few changed passages, before and after, for the dialog. */
  readonly examples: readonly { readonly before: string; readonly after: string }[];
}

export const safetyApi = {
  /** The open project's backups, or (`project`) those of a project that is not open. */
  "backup.list": entry<BackupListing>()(z.object({ project: filePath.optional() }).strict()),
  /** Backs the open project up now ("Back up now"). */
  "backup.create": entry<BackupInfo>()(z.object({}).strict()),
  /**
   * Replaces the project's content with a backup's. The current state is kept first (a
   * backup, or the damaged file renamed); `project` names a project that is not open (a
   * damaged one that failed to open); `password` is the backup's, when it differs.
   */
  "backup.restore": entry<RestoreReport>()(
    z
      .object({ backup: filePath, project: filePath.optional(), password: password.optional() })
      .strict(),
  ),
  "backup.settings": entry<BackupSettings>()(backupSettingsSchema),

  /** Opens a password-protected project (project.open answers `password_required`). */
  "project.unlock": entry<ProjectSummary>()(z.object({ path: filePath, password }).strict()),
  /**
   * Sets, changes or removes (`password: null`) the open project's password. `current`
   * is required when the project has one.
   */
  "project.setPassword": entry<ProjectSummary>()(
    z.object({ current: password.optional(), password: password.nullable() }).strict(),
  ),

  /** Counts what a pseudonymisation would replace in the open project. */
  "project.pseudonymisePreview": entry<PseudonymisePreview>()(pseudonymiseOptionsSchema),
  /** Writes a pseudonymised copy of the open project to `target` (which must not exist). */
  "project.pseudonymise": entry<PseudonymiseReport>()(
    pseudonymiseOptionsSchema.extend({ target: filePath }),
  ),
};
