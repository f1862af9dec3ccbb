/**
 * `tally.responseRate`: who answered (the question, or at least one question) against
 * the population sizes the user gave: "15 of 45 member organisations (33%)", "12 of 25
 * countries (48%)", and the same per attribute value. Attributes without sizes are listed
 * too, their rates null.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import type { ResponseRate, ResponseRateRow } from "../../../shared/api/tally-api.ts";
import type { QuestionId } from "../../../shared/domain.ts";
import { fraction } from "../../../shared/tally/figures.ts";
import { naturalOrder } from "../db/attribute-values.ts";
import { answeredFlags, respondentIdBound, splitByAttribute } from "../db/crosstab.ts";
import { readPopulations } from "../db/populations.ts";
import type { Db } from "../db/project-file.ts";
import { questionExists } from "../db/questions.ts";
import { statement } from "../db/statements.ts";
import { countByValue } from "./crosstab.ts";

type Populations = ReturnType<typeof readPopulations>;
type AttributeRate = ResponseRate["attributes"][number];

export function responseRate(db: Db, questionId: QuestionId | undefined): ResponseRate {
  if (questionId !== undefined && !questionExists(db, questionId)) {
    throw new CairnError("not_found", `question ${questionId} is not in this project`);
  }
  // Indexed by respondent id: its length bounds every such array of this call.
  const answered = answeredFlags(db, questionId ?? null, respondentIdBound(db));
  const populations = readPopulations(db);
  const respondents = statement(db, "SELECT count(*) FROM respondents").pluck().get() as number;
  return {
    questionId: questionId ?? null,
    overall: rateRow(respondents, count(answered), populations.overall),
    attributes: populations.attributes.map((attribute) => attributeRate(db, attribute, answered)),
  };
}

function attributeRate(
  db: Db,
  attribute: Populations["attributes"][number],
  answered: Uint8Array,
): AttributeRate {
  const counts = new Map<string | null, { respondents: number; answered: number }>();
  // A value nobody has but whose population was given still gets its row: "0 of 4".
  for (const { value } of attribute.byValue) counts.set(value, { respondents: 0, answered: 0 });
  const split = splitByAttribute(db, attribute.attributeId, [], answered.length);
  for (const { value, respondents, answered: n } of countByValue(split, answered)) {
    counts.set(value, { respondents, answered: n });
  }
  const sizes = new Map(attribute.byValue.map(({ value, size }) => [value, size]));
  const values = [...counts.keys()].filter((value): value is string => value !== null);
  values.sort(naturalOrder);
  const order: (string | null)[] = counts.has(null) ? [...values, null] : values;
  const valuesAnswered = values.filter((value) => (counts.get(value)?.answered ?? 0) > 0).length;
  return {
    name: attribute.name,
    valuesAnswered,
    valuesPopulation: attribute.values,
    valuesRate: attribute.values === null ? null : fraction(valuesAnswered, attribute.values),
    values: order.map((value) => {
      const count = counts.get(value) ?? { respondents: 0, answered: 0 };
      const size = value === null ? null : (sizes.get(value) ?? null);
      return { value, ...rateRow(count.respondents, count.answered, size) };
    }),
  };
}

function count(flags: Uint8Array): number {
  let n = 0;
  for (const flag of flags) n += flag;
  return n;
}

function rateRow(
  respondents: number,
  answered: number,
  population: number | null,
): ResponseRateRow {
  return {
    respondents,
    answered,
    population,
    rate: population === null ? null : fraction(answered, population),
  };
}
