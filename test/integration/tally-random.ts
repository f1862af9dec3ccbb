/**
 * Seeded random small surveys for the tally property tests (tally-property.test.ts):
 * imported and coded through the core's services, random filters and scopes, and random
 * edits through the API. A generator per seed, so that a failure repeats.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { TallyScope } from "../../shared/api/tally-api.ts";
import type { AnswerId, CodeId, CoderId, QuestionId } from "../../shared/domain.ts";
import type { ImportMapping } from "../../shared/import/mapping.ts";
import type { Core } from "../../electron/core/core.ts";
import { applyCode, setAnswerStatusUndoably } from "../../electron/core/coding/coding-service.ts";
import { moveCode } from "../../electron/core/coding/code-move.ts";
import type { Db } from "../../electron/core/db/project-file.ts";
import { NOW } from "../helpers/coding-project.ts";
import { importFiles } from "../helpers/import.ts";
import { newSession } from "../helpers/project.ts";
import type { Survey } from "./tally-oracle.ts";

/** mulberry32: a small seeded generator, so that a failing seed repeats. */
export function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const some = <T>(list: readonly T[]): T[] => list.filter(() => next() < 0.5);
  return { next, int, pick, some };
}
export type Random = ReturnType<typeof generator>;

const TEXT = "Support for victims and better standards";
const COUNTRIES = ["Ireland", "Malta", "Cyprus", ""];
const TYPES = ["NGO", "Gov"];
const PATHS = [
  "Safety",
  "Safety>Risk",
  "Safety>Support",
  "Safety>Risk>Night",
  "Funding",
  "Funding>Grants",
  "Unclear",
  "Other>Misc>Rare",
];

/** A random survey, imported and coded through the core's services. */
export async function randomSurvey(dir: string, random: Random): Promise<string> {
  const questions = 1 + random.int(3);
  const labels = Array.from({ length: questions }, (_, i) => `Q${i + 1}`);
  const rows = Array.from({ length: 3 + random.int(8) }, (_, i) => [
    `R${i + 1}`,
    random.pick(COUNTRIES),
    random.pick(TYPES),
    ...labels.map(() => random.pick([TEXT, TEXT, TEXT, "", "n/a"])),
  ]);
  const csv = join(dir, "survey.csv");
  writeFileSync(
    csv,
    [["id", "Country", "Type", ...labels], ...rows].map((r) => r.join(",")).join("\n"),
  );
  const mapping: ImportMapping = {
    idColumn: "id",
    attributeColumns: ["Country", "Type"],
    questions: labels.map((label) => ({ column: label, label, text: `Question ${label}` })),
    codeColumns: [],
    long: null,
    codeDelimiter: ";",
    codeSeparator: ">",
    nonResponses: ["n/a"],
  };
  const path = join(dir, "survey.cairn");
  const session = newSession();
  session.create(path);
  await importFiles(session, [csv], { mapping });
  const db = session.db();
  codeAtRandom(db, random, 4 + random.int(30));
  shuffleStatuses(db, random);
  reorderCodes(db, random);
  // An answer row gone (a long-format import leaves such gaps): the respondent is missing.
  for (let i = random.int(3); i > 0; i--) {
    db.prepare(
      "DELETE FROM answers WHERE id = (SELECT id FROM answers ORDER BY random() LIMIT 1)",
    ).run();
  }
  session.close();
  return path;
}

function answers(db: Db): { id: AnswerId; text: string; status: string }[] {
  return db.prepare("SELECT id, text, status FROM answers ORDER BY id").all() as never;
}

/** Random passages by Anna and Ben, non-responses included (coded while marked answered). */
function codeAtRandom(db: Db, random: Random, n: number): void {
  const codable = answers(db).filter((a) => a.text !== "");
  for (let i = 0; i < n && codable.length > 0; i++) {
    const answer = random.pick(codable);
    const start = random.int(answer.text.length - 1);
    const end = start + 1 + random.int(Math.min(6, answer.text.length - start));
    const flip = answer.status === "non_response";
    if (flip) setAnswerStatusUndoably(db, answer.id, "answered", NOW);
    const input = { answerId: answer.id, code: { path: random.pick(PATHS).split(">") } };
    applyCode(db, { ...input, coder: random.pick(["Anna", "Ben"]), start, end }, NOW);
    if (flip) setAnswerStatusUndoably(db, answer.id, "non_response", NOW);
  }
}

function shuffleStatuses(db: Db, random: Random): void {
  for (const answer of answers(db)) {
    if (answer.text === "" || random.next() > 0.2) continue;
    const status = answer.status === "answered" ? "non_response" : "answered";
    setAnswerStatusUndoably(db, answer.id, status, NOW);
  }
}

/** Siblings out of creation order, so that tree order is not id order. */
function reorderCodes(db: Db, random: Random): void {
  const codes = db.prepare("SELECT id AS codeId, parent_id AS parentId FROM codes").all() as {
    codeId: CodeId;
    parentId: CodeId | null;
  }[];
  for (const code of random.some(codes)) moveCode(db, { ...code, position: 0 }, NOW);
}

/** Random attribute filters: one or two entries, the same attribute twice at times. */
function randomFilter(random: Random): TallyScope["attributes"] {
  const entry = () => {
    const name = random.pick(["Country", "Type"]);
    const known = name === "Country" ? COUNTRIES : TYPES;
    const values = [...random.some([...known, "Nowhere"]), random.pick(known)];
    return { name, values };
  };
  return random.next() < 0.6 ? [entry()] : [entry(), entry()];
}

export function scopes(survey: Survey, random: Random): TallyScope[] {
  const questions = [undefined, ...survey.questions.map((q) => q.id as QuestionId)];
  const coders = [undefined, ...[...survey.coders.keys()].map((id) => id as CoderId)];
  const filters = [undefined, randomFilter(random), randomFilter(random)];
  return questions.flatMap((questionId) =>
    coders.flatMap((coderId) =>
      filters.map((attributes) => ({
        ...(questionId !== undefined && { questionId }),
        ...(coderId !== undefined && { coderId }),
        ...(attributes && { attributes }),
      })),
    ),
  );
}

/** One random edit through the API, as the app makes them; a refusal is fine (and checked). */
export async function randomEdit(core: Core, random: Random): Promise<string> {
  const db = core.session.db();
  const one = <T>(sql: string) => db.prepare(sql).get() as T | undefined;
  const codeId = () => one<{ id: CodeId }>("SELECT id FROM codes ORDER BY random() LIMIT 1")?.id;
  const kind = random.pick([
    "apply",
    "apply",
    "apply",
    "remove",
    "status",
    "undo",
    "undo",
    "redo",
    "merge",
    "delete",
    "move",
    "recode",
  ] as const);
  let input: unknown;
  let name: string;
  switch (kind) {
    case "apply": {
      const answer = one<{ id: AnswerId }>(
        "SELECT id FROM answers WHERE text <> '' AND status = 'answered' ORDER BY random() LIMIT 1",
      );
      const start = random.int(TEXT.length - 2);
      name = "coding.apply";
      input = answer && {
        answerId: answer.id,
        code: { path: random.pick(PATHS).split(">") },
        coder: random.pick(["Anna", "Ben", "Cleo"]),
        start,
        end: start + 1 + random.int(4),
      };
      break;
    }
    case "remove": {
      const ids = db.prepare("SELECT id FROM segments ORDER BY random() LIMIT 2").pluck().all();
      name = "coding.remove";
      input = ids.length ? { segmentIds: ids } : undefined;
      break;
    }
    case "recode": {
      const segment = one<{ id: number }>("SELECT id FROM segments ORDER BY random() LIMIT 1");
      name = "coding.recode";
      input = segment && { segmentId: segment.id, code: { path: random.pick(PATHS).split(">") } };
      break;
    }
    case "status": {
      const answer = one<{ id: AnswerId; status: string }>(
        "SELECT id, status FROM answers WHERE text <> '' ORDER BY random() LIMIT 1",
      );
      name = "answers.setStatus";
      input = answer && {
        answerId: answer.id,
        status: answer.status === "answered" ? "non_response" : "answered",
      };
      break;
    }
    case "undo":
    case "redo":
      name = `history.${kind}`;
      input = {};
      break;
    case "merge": {
      const [source, target] = [codeId(), codeId()];
      name = "codes.merge";
      input = source && target && { sourceIds: [source], targetId: target };
      break;
    }
    case "delete": {
      name = "codes.delete";
      const id = codeId();
      input = id && { codeId: id };
      break;
    }
    case "move": {
      const [id, parentId] = [codeId(), random.next() < 0.4 ? null : codeId()];
      name = "codes.move";
      input = id && { codeId: id, parentId: parentId ?? null, position: random.int(3) };
      break;
    }
  }
  if (input === undefined) return `${kind}: nothing to do`;
  const result = await core.call(name, input);
  // Refused (a code merged into itself, moved below itself): one sentence, no change.
  if (!result.ok) expect(["bad_input", "not_found", "conflict"]).toContain(result.error.code);
  return `${name} ${JSON.stringify(input)} ${result.ok ? "" : result.error.message}`;
}
