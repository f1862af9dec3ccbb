/**
 * The survey grid a REFI project becomes (decision 0016). A Cairn-shaped file (cases
 * that hold sources, and sets of sources, each source in one case and one set, no case
 * with two sources in one set) gives the same grid back: sets are the questions, cases
 * the respondents, each case's source in a set its answer. Any other file is one
 * respondent per text source, answering one question "Text".
 */
import { questionDescriptionFields } from "../../../../shared/refi/code-description.ts";
import { guidKey, type RefiProject, type RefiTextSource } from "../model.ts";
import { UniqueNames, valueText } from "./names.ts";
import type { ImportWarnings } from "./report.ts";

export interface PlannedQuestion {
  readonly label: string;
  readonly text: string;
  /** The "Section: …" paragraph of a Cairn question set's description, else "". */
  readonly section: string;
}

export interface PlannedRespondent {
  readonly externalId: string;
  /** One value per attribute (the plan's order), null when it has none. */
  readonly values: readonly (string | null)[];
  /** One source per question, null for a blank cell. */
  readonly answers: readonly (RefiTextSource | null)[];
  /** A Cairn-shaped file's case description: the respondent's memos. */
  readonly memo: string | null;
}

export interface GridPlan {
  readonly kind: "cairn" | "generic";
  readonly questions: readonly PlannedQuestion[];
  readonly attributes: readonly string[];
  readonly respondents: readonly PlannedRespondent[];
}

export function planGrid(project: RefiProject, warnings: ImportWarnings): GridPlan {
  const texts = new Map(project.sources.map((source) => [guidKey(source.guid), source]));
  // A case or set naming a GUID two sources share cannot say which it means.
  const repeated = project.sources.length - texts.size;
  warnings.count("duplicateSource", repeated);
  return repeated === 0 && isCairnShaped(project, texts)
    ? cairnGrid(project, texts, warnings)
    : genericGrid(project, texts, warnings);
}

/** Sets whose members are sources (code sets belong to the codebook). */
function sourceSets(project: RefiProject) {
  return project.sets.filter((set) => set.memberSourceGuids.length > 0);
}

function isCairnShaped(project: RefiProject, texts: ReadonlyMap<string, RefiTextSource>): boolean {
  if (sourceSets(project).length === 0) return false;
  if (!project.cases.some((c) => c.sourceGuids.length > 0)) return false;
  const inCase = new Map<string, number>();
  project.cases.forEach((c, index) => {
    for (const guid of c.sourceGuids) {
      const key = guidKey(guid);
      inCase.set(key, inCase.has(key) ? -1 : index);
    }
  });
  const inSet = new Set<string>();
  const caseAndSet = new Set<string>();
  for (const [index, set] of sourceSets(project).entries()) {
    for (const guid of set.memberSourceGuids) {
      const key = guidKey(guid);
      if (inSet.has(key)) return false;
      inSet.add(key);
      const owner = inCase.get(key);
      if (owner === undefined || owner === -1) return false;
      if (caseAndSet.has(`${owner}:${index}`)) return false;
      caseAndSet.add(`${owner}:${index}`);
    }
  }
  // Every text source has its place in the grid, or the grid would lose it.
  for (const key of texts.keys())
    if (!inSet.has(key) || inCase.get(key) === undefined) return false;
  return true;
}

function cairnGrid(
  project: RefiProject,
  texts: ReadonlyMap<string, RefiTextSource>,
  warnings: ImportWarnings,
): GridPlan {
  // An unanswered question is a set without members; sets of codes are not questions.
  const sets = project.sets.filter(
    (set) => set.memberSourceGuids.length > 0 || set.memberCodeGuids.length === 0,
  );
  const labels = new UniqueNames();
  const questions = sets.map((set, index) => {
    const wanted = set.name.trim() === "" ? `Question ${index + 1}` : set.name.trim();
    const { name, renamed } = labels.take(wanted);
    if (renamed || wanted !== set.name.trim()) warnings.count("duplicateQuestion");
    const { text, section } = questionDescriptionFields(set.description ?? "");
    return { label: name, text, section };
  });
  const questionOf = new Map<string, number>();
  sets.forEach((set, index) => {
    for (const guid of set.memberSourceGuids) questionOf.set(guidKey(guid), index);
  });
  const { names: attributes, index: attributeIndex } = planAttributes(project, warnings);
  const ids = new UniqueNames();
  const respondents = project.cases.map((c, index): PlannedRespondent => {
    const wanted = (c.name ?? "").trim() || `Case ${index + 1}`;
    const { name, renamed } = ids.take(wanted);
    if (renamed) warnings.count("duplicateRespondent");
    const values: (string | null)[] = attributes.map(() => null);
    for (const value of c.values) setValue(values, attributeIndex, value, warnings);
    const answers: (RefiTextSource | null)[] = questions.map(() => null);
    for (const guid of c.sourceGuids) {
      const source = texts.get(guidKey(guid));
      const question = questionOf.get(guidKey(guid));
      if (source === undefined || question === undefined) warnings.count("unknownSource");
      else answers[question] = source;
    }
    const memo = c.description !== null && c.description.trim() !== "" ? c.description : null;
    return { externalId: name, values, answers, memo };
  });
  return { kind: "cairn", questions, attributes, respondents };
}

function genericGrid(
  project: RefiProject,
  texts: ReadonlyMap<string, RefiTextSource>,
  warnings: ImportWarnings,
): GridPlan {
  const { names: attributes, index: attributeIndex } = planAttributes(project, warnings);
  const caseOf = new Map<string, (typeof project.cases)[number]>();
  const several = new Set<string>();
  for (const c of project.cases) {
    for (const guid of c.sourceGuids) {
      const key = guidKey(guid);
      if (!texts.has(key)) continue;
      if (caseOf.has(key)) several.add(key);
      else caseOf.set(key, c);
    }
  }
  warnings.count("sourceInCases", several.size);
  const ids = new UniqueNames();
  const respondents: PlannedRespondent[] = [];
  for (const [index, source] of project.sources.entries()) {
    if (source.text === null) continue; // counted by the importer, with every other
    const wanted = (source.name ?? "").trim() || `Source ${index + 1}`;
    const { name, renamed } = ids.take(wanted);
    if (renamed) warnings.count("duplicateRespondent");
    const values: (string | null)[] = attributes.map(() => null);
    for (const value of caseOf.get(guidKey(source.guid))?.values ?? []) {
      setValue(values, attributeIndex, value, warnings);
    }
    for (const value of source.values) setValue(values, attributeIndex, value, warnings);
    respondents.push({ externalId: name, values, answers: [source], memo: null });
  }
  // A file without text (users and codes only) makes no question either.
  const questions = respondents.length === 0 ? [] : [{ label: "Text", text: "", section: "" }];
  return { kind: "generic", questions, attributes, respondents };
}

/** Attribute names from the variables, in the file's order; a variable's index by GUID. */
function planAttributes(project: RefiProject, warnings: ImportWarnings) {
  const unique = new UniqueNames();
  const index = new Map<string, number>();
  const names = project.variables.map((variable, at) => {
    const wanted = variable.name.trim() || `Variable ${at + 1}`;
    const { name, renamed } = unique.take(wanted);
    if (renamed || wanted !== variable.name.trim()) warnings.count("duplicateAttribute");
    index.set(guidKey(variable.guid), at);
    return name;
  });
  return { names, index };
}

function setValue(
  values: (string | null)[],
  attributeIndex: ReadonlyMap<string, number>,
  value: RefiProject["cases"][number]["values"][number],
  warnings: ImportWarnings,
): void {
  const at = attributeIndex.get(guidKey(value.variableGuid));
  if (at === undefined) {
    warnings.count("unknownVariable");
    return;
  }
  const text = valueText(value.value);
  if (text !== null) values[at] = text;
}
