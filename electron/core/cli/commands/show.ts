import type { ProjectSummary } from "../../../../shared/domain.ts";
import { parse, singleFile } from "../args.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";

/** The JSON shape of `cairn show FILE --json` (a contract: extend, never change). */
export function showJson(summary: ProjectSummary) {
  return {
    path: summary.path,
    name: summary.name,
    schema_version: summary.schemaVersion,
    respondents: summary.respondents,
    attributes: summary.attributes,
    coders: summary.coders.map((coder) => coder.name),
    questions: summary.questions.map((q) => ({
      label: q.label,
      text: q.text,
      position: q.position,
      section: q.section,
      answered: q.answered,
      empty: q.empty,
      non_response: q.non_response,
    })),
  };
}

export function showCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("show", argv, { json: { type: "boolean" } });
  const summary = withProject(singleFile("show", positionals), (session) => session.summary());
  if (values.json) return printJson(output, showJson(summary));
  output.out(`${summary.name} (${summary.path})`);
  output.out(
    `${summary.respondents} respondents; attributes: ${summary.attributes.join(", ") || "none"}`,
  );
  output.out(`coders: ${summary.coders.map((c) => c.name).join(", ") || "none"}`);
  for (const q of summary.questions) {
    output.out(
      `${q.position}. ${q.label}: ${q.answered} answered, ${q.empty} empty, ${q.non_response} non-response`,
    );
  }
}
