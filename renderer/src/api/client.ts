/** Typed calls into the core: a failed call becomes an `ApiCallError` to catch or show. */
import type {
  ApiEventName,
  ApiEvents,
  ApiInput,
  ApiName,
  ApiOutput,
} from "../../../shared/api/contract.ts";
import type { ApiError } from "../../../shared/api/errors.ts";
import { detectTransport, type Transport } from "./transport.ts";

export class ApiCallError extends Error {
  readonly code: ApiError["code"];

  constructor(error: ApiError) {
    super(error.message);
    this.name = "ApiCallError";
    this.code = error.code;
  }
}

let transport: Transport | null = null;

function current(): Transport {
  transport ??= detectTransport();
  return transport;
}

export async function call<N extends ApiName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>> {
  const result = await current().call(name, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as ApiOutput<N>;
}

export function subscribe<E extends ApiEventName>(
  event: E,
  listener: (payload: ApiEvents[E]) => void,
): () => void {
  return current().on(event, listener);
}

/**
 * An error as a sentence for the user. Refused input is described in the contract's own
 * words; an operation and a field put in front of them ("coding.apply: code.path.0: ")
 * mean nothing to the user and are left out. (A file name in front, as an import's
 * "survey.csv: line 3 ...", is followed by words, not a field, and stays.)
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof ApiCallError && error.code === "bad_input") {
    return error.message.replace(/^[a-z]+\.[a-z][A-Za-z]*: [A-Za-z_$][\w$]*(?:\.[\w$]+)*: /, "");
  }
  return error.message;
}
