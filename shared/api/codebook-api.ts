/**
 * The codebook part of the API: managing the tree of categories and codes (recolour,
 * describe, move, delete, merge), the counts beside each node, and a codebook shared as
 * a CSV or XLSX file. Creating, renaming and pinning codes are in the main contract.
 */
import { z } from "zod";
import type { CodeId, CoderId, ProjectEdit } from "../domain.ts";
import { codeId, coderId, entry, filePath, wellFormed } from "./schemas.ts";

/** A code's colour: #rrggbb (the core stores it lower-cased). */
export const codeColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "a colour is #rrggbb");

const descriptionText = z
  .string()
  .max(20_000, "a description is at most 20,000 characters")
  .refine(wellFormed, "the description holds half a character; type it again");

/** One node's counts: its own segments, and with everything below it (a category). */
export interface CodeCount {
  readonly codeId: CodeId;
  /** Segments of this code itself, and the respondents they are in. */
  readonly segments: number;
  readonly respondents: number;
  /** Segments of the code and all its descendants; respondents counted once. */
  readonly subtreeSegments: number;
  readonly subtreeRespondents: number;
}

export interface CodeCounts {
  /** Whose segments were counted; null for all coders together. */
  readonly coderId: CoderId | null;
  /** Every code of the tree, zeros included. */
  readonly counts: readonly CodeCount[];
}

/** What deleting a code (with everything below it) would remove. */
export interface DeletionImpact {
  /** The code itself and its descendants. */
  readonly codes: number;
  readonly segments: number;
  readonly respondents: number;
  /** Memos written on those codes (a segment's memo goes with its segment). */
  readonly memos: number;
}

export interface MergeReport {
  /** Segments that moved to the target. */
  readonly moved: number;
  /** Of those, how many merged into a same-coder segment of the target they overlapped. */
  readonly merged: number;
}

export const CODEBOOK_FORMATS = ["csv", "xlsx"] as const;
export type CodebookFormat = (typeof CODEBOOK_FORMATS)[number];

export interface CodebookImportReport {
  /** Codes the file added (parents included), updated (colour or description) or left. */
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  /** What a lenient read bent (a REFI-QDA .qdc whose ids are not GUIDs…), one sentence each. */
  readonly warnings?: readonly string[];
}

export const codebookApi = {
  /** Segments and respondents beside each node, for one coder or all. */
  "codes.counts": entry<CodeCounts>()(z.object({ coderId: coderId.optional() }).strict()),
  "codes.recolor": entry<ProjectEdit>()(z.object({ codeId, color: codeColor }).strict()),
  /** The code's definition, when to use it, when not to, and an example. */
  "codes.describe": entry<ProjectEdit>()(
    z
      .object({
        codeId,
        description: descriptionText,
        whenToUse: descriptionText,
        whenNotToUse: descriptionText,
        example: descriptionText,
      })
      .strict(),
  ),
  /**
   * Moves a code (with its subtree) under `parentId` (null: the top level), at
   * `position` among its new siblings (0 first; past the end: last). Refused when the
   * parent is the code itself or below it, or holds a sibling of the same name.
   */
  "codes.move": entry<ProjectEdit>()(
    z
      .object({
        codeId,
        parentId: codeId.nullable(),
        position: z.number().int().min(0),
      })
      .strict(),
  ),
  "codes.deletionImpact": entry<DeletionImpact>()(z.object({ codeId }).strict()),
  /** Deletes a code, its descendants, their segments and memos; one undoable step. */
  "codes.delete": entry<ProjectEdit>()(z.object({ codeId }).strict()),
  /**
   * Merges codes into `targetId`: their segments move to it (a coder's overlapping or
   * touching segments join, memos concatenated), their children move under it, their
   * code memos join its memo, and they are deleted. One undoable step.
   */
  "codes.merge": entry<ProjectEdit & MergeReport>()(
    z
      .object({
        sourceIds: z.array(codeId).min(1, "choose the codes to merge").max(1000),
        targetId: codeId,
      })
      .strict(),
  ),

  /**
   * Reads a codebook file (columns: path with ">" between levels, color, description,
   * and optionally "when to use", "when not to use", "example") into the project:
   * missing codes are created, existing ones take the file's colour and description.
   * One undoable step; a file with an unknown column or a bad row changes nothing.
   */
  "codebook.import": entry<ProjectEdit & CodebookImportReport>()(
    z.object({ path: filePath }).strict(),
  ),
  /** Writes the codebook to a file; the format follows the extension unless given. */
  "codebook.export": entry<{ path: string; codes: number }>()(
    z.object({ path: filePath, format: z.enum(CODEBOOK_FORMATS).optional() }).strict(),
  ),
} as const;
