/**
 * A code's colour and descriptive fields as a codebook file carries them, read and
 * written one code at a time (a codebook has hundreds of codes, not millions).
 */
import type { CodeId } from "../../../shared/domain.ts";
import type { Db } from "./project-file.ts";
import { statement } from "./statements.ts";

export interface CodeDetails {
  readonly color: string;
  readonly description: string;
  readonly whenToUse: string;
  readonly whenNotToUse: string;
  readonly example: string;
}

export function codeDetails(db: Db, id: CodeId): CodeDetails | undefined {
  const row = statement(
    db,
    `SELECT color, description, when_to_use, when_not_to_use, example FROM codes WHERE id = ?`,
  ).get(id) as
    | {
        color: string;
        description: string;
        when_to_use: string;
        when_not_to_use: string;
        example: string;
      }
    | undefined;
  return (
    row && {
      color: row.color,
      description: row.description,
      whenToUse: row.when_to_use,
      whenNotToUse: row.when_not_to_use,
      example: row.example,
    }
  );
}

export function setCodeDetails(db: Db, id: CodeId, details: CodeDetails): void {
  statement(
    db,
    `UPDATE codes SET color = ?, description = ?, when_to_use = ?, when_not_to_use = ?, example = ?
      WHERE id = ?`,
  ).run(
    details.color.toLowerCase(),
    details.description,
    details.whenToUse,
    details.whenNotToUse,
    details.example,
    id,
  );
}
