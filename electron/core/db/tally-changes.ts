/**
 * Tells the kept tallies (tally/tally-cache.ts) when something other than segments
 * changed under them: TEMP triggers on this connection bump a counter when an answer's
 * status changes (the answered/empty/non-response figures) and when respondents, their
 * answers, attributes or questions come, go or change (everything). The WHEN clause
 * calls a function that counts and answers false, so the triggers write nothing and cost
 * a function call per row, only on a connection that has kept a tally. The file holds
 * no trigger.
 */
import type { Db } from "./project-file.ts";

export interface TallyVersions {
  /** Bumped when an answer's status changes. */
  statuses: number;
  /** Bumped when respondents, answers, attributes or questions come, go or change. */
  structure: number;
}

const versions = new WeakMap<Db, TallyVersions>();

/** The connection's counters, the triggers created on first use. */
export function tallyVersions(db: Db): Readonly<TallyVersions> {
  let counters = versions.get(db);
  if (!counters) {
    const fresh: TallyVersions = { statuses: 0, structure: 0 };
    db.function("cairn_tally_touched", { deterministic: false }, (kind: unknown) => {
      if (kind === 1) fresh.statuses++;
      else fresh.structure++;
      return 0;
    });
    createTriggers(db);
    versions.set(db, fresh);
    counters = fresh;
  }
  return counters;
}

const STATUS = 1;
const STRUCTURE = 2;

function createTriggers(db: Db): void {
  const trigger = (name: string, when: string, table: string, kind: number) =>
    `CREATE TEMP TRIGGER IF NOT EXISTS cairn_tally_${name} ${when} ON main.${table}
     WHEN cairn_tally_touched(${kind}) BEGIN SELECT 0; END;`;
  db.exec(
    [
      trigger("answer_status", "AFTER UPDATE OF status", "answers", STATUS),
      trigger("answer_moved", "AFTER UPDATE OF respondent_id, question_id", "answers", STRUCTURE),
      trigger("answer_insert", "AFTER INSERT", "answers", STRUCTURE),
      trigger("answer_delete", "AFTER DELETE", "answers", STRUCTURE),
      trigger("respondent_insert", "AFTER INSERT", "respondents", STRUCTURE),
      trigger("respondent_delete", "AFTER DELETE", "respondents", STRUCTURE),
      trigger("respondent_update", "AFTER UPDATE OF id", "respondents", STRUCTURE),
      trigger("value_insert", "AFTER INSERT", "respondent_attributes", STRUCTURE),
      trigger("value_delete", "AFTER DELETE", "respondent_attributes", STRUCTURE),
      trigger("value_update", "AFTER UPDATE", "respondent_attributes", STRUCTURE),
      trigger("attribute_insert", "AFTER INSERT", "attributes", STRUCTURE),
      trigger("attribute_delete", "AFTER DELETE", "attributes", STRUCTURE),
      trigger("attribute_update", "AFTER UPDATE OF id, name", "attributes", STRUCTURE),
      trigger("question_insert", "AFTER INSERT", "questions", STRUCTURE),
      trigger("question_delete", "AFTER DELETE", "questions", STRUCTURE),
      trigger("question_update", "AFTER UPDATE OF id", "questions", STRUCTURE),
    ].join("\n"),
  );
}
