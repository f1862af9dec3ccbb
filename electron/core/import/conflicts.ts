/**
 * The conflicts one import meets: each is settled by the user's earlier choice for it or by
 * the import's policy, or left for the user. The counts stay exact; the lists are capped.
 */
import type {
  ConflictDecision,
  ConflictPolicy,
  ImportConflict,
  ImportReport,
} from "../../../shared/import/mapping.ts";

/** At most this many conflicts and warnings are listed; the counts stay exact. */
export const LIST_LIMIT = 500;

export class Conflicts {
  private readonly decisions: ReadonlyMap<string, "keep" | "replace">;
  /** Listed conflicts: those left to the user first, so each Apply shows the next ones. */
  private readonly unsettledConflicts: ImportConflict[] = [];
  private readonly settledConflicts: ImportConflict[] = [];
  private conflictCount = 0;
  private unsettled = 0;

  constructor(
    decisions: readonly ConflictDecision[] | undefined,
    private readonly onConflict: ConflictPolicy,
  ) {
    this.decisions = new Map((decisions ?? []).map((d) => [d.key, d.choice]));
  }

  /** The user's choice for a conflict, or null when it is left for them to make. */
  settle(key: string, conflict: ImportConflict): "keep" | "replace" | null {
    this.conflictCount++;
    const choice = this.decisions.get(key) ?? this.onConflict;
    if (choice === "fail") {
      this.unsettled++;
      if (this.unsettledConflicts.length < LIST_LIMIT) this.unsettledConflicts.push(conflict);
      return null;
    }
    if (this.settledConflicts.length < LIST_LIMIT) this.settledConflicts.push(conflict);
    return choice;
  }

  /** True when no conflict was left to the user, so the import can be applied. */
  get allSettled(): boolean {
    return this.unsettled === 0;
  }

  /** The report's conflict fields, and a warning when the list does not hold them all. */
  report(): {
    fields: Pick<ImportReport, "conflicts" | "conflicts_total" | "conflicts_unsettled">;
    warning: string | null;
  } {
    const conflicts = [...this.unsettledConflicts, ...this.settledConflicts].slice(0, LIST_LIMIT);
    const warning =
      this.conflictCount > conflicts.length
        ? `${this.conflictCount} conflicts; the first ${conflicts.length} are listed`
        : null;
    return {
      fields: {
        conflicts,
        conflicts_total: this.conflictCount,
        conflicts_unsettled: this.unsettled,
      },
      warning,
    };
  }
}
