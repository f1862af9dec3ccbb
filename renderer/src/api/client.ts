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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
