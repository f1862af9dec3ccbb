/**
 * The one door into the core for every transport: look the name up in the contract,
 * validate the input, run the handler, and wrap the outcome in the result envelope.
 * Bad input and user errors come back as `{ ok: false }` with a sentence to show;
 * anything else is a bug, logged here and reported as `internal`.
 */
import type { z } from "zod";
import { api, isApiName, type ApiName } from "../../../shared/api/contract.ts";
import { CairnError, type Result } from "../../../shared/api/errors.ts";
import type { Handlers } from "./handlers.ts";

export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isApiName(name)) {
    return { ok: false, error: { code: "bad_input", message: `unknown operation "${name}"` } };
  }
  const parsed = api[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: "bad_input", message: `${name}: ${describeIssues(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    return { ok: false, error: toApiError(name, error) };
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ` : "") + issue.message)
    .join("; ");
}

function toApiError(name: ApiName, error: unknown) {
  if (error instanceof CairnError) return error.toApiError();
  console.error(`cairn: ${name} failed unexpectedly`, error);
  const message = error instanceof Error ? error.message : String(error);
  return { code: "internal" as const, message: `${name} failed: ${message}` };
}
