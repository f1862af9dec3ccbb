/**
 * The one door into the core for every transport: look the name up in the contract,
 * validate the input, run the handler, and wrap the outcome in the result envelope.
 * Bad input and user errors come back as `{ ok: false }` with a sentence to show;
 * anything else is a bug, logged here and reported as `internal`.
 */
import { z } from "zod";
import { api, isApiName, type ApiName } from "../../../shared/api/contract.ts";
import { CairnError, type Result } from "../../../shared/api/errors.ts";
import { storageError, storageFailureOf } from "../coding/write-failure.ts";
import type { Handlers } from "./handlers.ts";

/** What the user was doing, for a write the file refused ("could not import: ..."). */
const WRITES: Partial<Record<ApiName, string>> = {
  "import.run": "import",
  "refi.import": "import",
  "codebook.import": "import the codebook",
  "coders.merge": "merge the coder's file",
};

export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isApiName(name)) {
    return { ok: false, error: { code: "bad_input", message: `unknown operation "${name}"` } };
  }
  const parsed = api[name].input.safeParse(rawInput ?? {}, { error: genericIssue });
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: "bad_input", message: describeIssues(parsed.error) },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toApiError(name, error) };
  }
}

/**
 * The contract's own sentences ("a code name is at most 200 characters"), each once:
 * they are shown to the user, who cannot act on an operation's name or a field's path.
 */
function describeIssues(error: z.ZodError): string {
  // On one line, and the first few: a hostile key or 100,000 bad items stay one sentence.
  return [...new Set(error.issues.map((i) => i.message.replace(/\s+/g, " ")))]
    .slice(0, 3)
    .join("; ");
}

/**
 * zod's own wording, for a check the contract gave no sentence: input no form sends, so
 * a bug, and where it is helps to fix it ("Invalid input: expected number, received
 * string (at start)"). The contract's sentences take precedence over this.
 */
function genericIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const fallback = z.config().localeError?.(issue);
  const message = typeof fallback === "string" ? fallback : fallback?.message;
  if (message === undefined || !issue.path || issue.path.length === 0) return message;
  return `${message} (at ${issue.path.map(String).join(".")})`;
}

function toApiError(name: ApiName, error: unknown) {
  if (error instanceof CairnError) return error.toApiError();
  // The file refused a write outside an undoable step (an import, a codebook file): not
  // a bug, and SQLite rolled the transaction back (docs/decisions/0020-crash-safety.md).
  const failure = storageFailureOf(error);
  if (failure !== null) return storageError(WRITES[name] ?? "save", failure).toApiError();
  console.error(`cairn: ${name} failed unexpectedly`, error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal" as const, message: `${name} failed: ${message}` };
}
