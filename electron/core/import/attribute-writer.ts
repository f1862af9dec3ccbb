/**
 * Writes a row's attribute cells to its respondent. A value that differs from the project's
 * is a conflict to settle; one that differs from an earlier row of the same respondent (a
 * long export) is a warning, and the first value stays.
 */
import type { RespondentId } from "../../../shared/domain.ts";
import { attributeConflictKey } from "../../../shared/import/mapping.ts";
import type { Db } from "../db/project-file.ts";
import { attributeValue, ensureAttribute, setRespondentAttribute } from "../db/respondents.ts";
import type { ColumnPlan } from "./column-plan.ts";
import type { Conflicts } from "./conflicts.ts";
import type { RowWarnings } from "./warnings.ts";

export class AttributeWriter {
  private readonly attributeIds: { index: number; id: number; name: string }[];
  /**
   * A long export's first value per respondent and attribute, so later rows are compared
   * with the file (not with the project, which is the first row's business).
   */
  private readonly fileValues: Map<number, Map<number, string>> | null;

  /** Adds the attributes the project does not have yet. */
  constructor(
    private readonly db: Db,
    attributes: ColumnPlan["attributes"],
    private readonly conflicts: Conflicts,
    private readonly warnings: RowWarnings,
    oneRowPerAnswer: boolean,
  ) {
    this.fileValues = oneRowPerAnswer ? new Map() : null;
    this.attributeIds = attributes.map((a) => ({
      index: a.index,
      name: a.name,
      id: ensureAttribute(db, a.name),
    }));
  }

  /** `isNew`: this import created the respondent, so the project has no values to compare. */
  write(
    cells: readonly string[],
    line: number,
    externalId: string,
    respondent: RespondentId,
    isNew: boolean,
  ): void {
    for (const attribute of this.attributeIds) {
      const value = (cells[attribute.index] ?? "").trim();
      if (value === "") continue;
      if (this.fileValues) {
        const values = this.fileValues.get(respondent) ?? new Map<number, string>();
        this.fileValues.set(respondent, values);
        const earlier = values.get(attribute.id);
        if (earlier !== undefined) {
          // A long export repeats a respondent's attributes on every row: a row that
          // disagrees with an earlier one is the file's inconsistency, not a new wave.
          if (earlier !== value) {
            this.warnings.add(
              `"${attribute.name}" differs between rows of one respondent; the first value was kept`,
              line,
            );
          }
          continue;
        }
        values.set(attribute.id, value);
      }
      const existing = isNew ? null : attributeValue(this.db, respondent, attribute.id);
      if (existing === value) continue;
      if (existing !== null) {
        const key = attributeConflictKey(externalId, attribute.name);
        const choice = this.conflicts.settle(key, {
          kind: "attribute",
          key,
          respondent: externalId,
          attribute: attribute.name,
          existing,
          incoming: value,
          line,
        });
        if (choice !== "replace") continue;
      }
      setRespondentAttribute(this.db, respondent, attribute.id, value);
    }
  }
}
