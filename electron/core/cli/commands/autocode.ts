/**
 * `cairn autocode FILE QUERY --code PATH --coder NAME [--scope hit|sentence|answer]
 * [--question Q] [--regex] [--case-sensitive] [--json]`: codes every hit of a search
 * (or its sentence, or its whole answer) as the app's auto-code does, through the same
 * service: missing codes are created, passages merge with the coder's touching segments
 * of the code, and the whole run is one step the app can undo.
 */
import { api } from "../../../../shared/api/contract.ts";
import { AUTOCODE_SCOPES, type AutocodeScope } from "../../../../shared/api/search-api.ts";
import { applyAutocode, previewAutocode } from "../../search/autocode-service.ts";
import { parse, UsageError } from "../args.ts";
import { codePathFlag, requiredFlag } from "../coding-flags.ts";
import { codePaths, questionNamed } from "../coding-lookup.ts";
import { printJson, type Output } from "../output.ts";
import { withProject } from "../project.ts";
import { fileAndQuery, searchRequest } from "./search.ts";

const OPTIONS = {
  code: { type: "string" },
  coder: { type: "string" },
  scope: { type: "string" },
  question: { type: "string" },
  regex: { type: "boolean" },
  "case-sensitive": { type: "boolean" },
  json: { type: "boolean" },
} as const;

export function autocodeCommand(argv: string[], output: Output): void {
  const { positionals, values } = parse("autocode", argv, OPTIONS);
  const [file, query] = fileAndQuery("autocode", positionals);
  const path = codePathFlag("autocode", requiredFlag("autocode", "code", values.code));
  const coder = requiredFlag("autocode", "coder", values.coder);
  const scope = scopeFlag(values.scope);
  const parsed = api["autocode.apply"].input.safeParse({
    ...searchRequest("autocode", query, values),
    scope,
    code: { path },
    coder,
  });
  if (!parsed.success) {
    throw new UsageError(`cairn autocode: ${parsed.error.issues[0]?.message ?? "bad arguments"}`);
  }

  withProject(file, (session) => {
    const db = session.db();
    const questionId =
      values.question === undefined ? undefined : questionNamed(db, values.question).id;
    const input = { ...parsed.data, ...(questionId === undefined ? {} : { questionId }) };
    const preview = previewAutocode(db, input);
    const { coded, codeId } = applyAutocode(db, input, new Date().toISOString());
    const alreadyCoded = preview.passages.filter((p) => p.alreadyCoded).length;
    const codePath = codePaths(db).get(codeId) ?? path;
    if (values.json) {
      printJson(output, {
        code: codePath,
        coder: parsed.data.coder,
        scope,
        hits: preview.passages.length,
        coded,
        already_coded: alreadyCoded,
      });
      return;
    }
    output.out(
      `coded ${coded} passage${coded === 1 ? "" : "s"} with ${codePath.join(">")} for ` +
        `${parsed.data.coder} (${preview.passages.length} hits, ${alreadyCoded} already coded)` +
        (preview.truncated ? "; more hits than one auto-code takes were left out" : ""),
    );
  });
}

function scopeFlag(value: string | undefined): AutocodeScope {
  if (value === undefined) return "hit";
  const scope = AUTOCODE_SCOPES.find((s) => s === value);
  if (!scope) {
    throw new UsageError(`cairn autocode: --scope must be hit, sentence or answer, not "${value}"`);
  }
  return scope;
}
