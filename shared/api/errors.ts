/**
 * Errors that cross the API boundary. Every failure a user can cause has a code and
 * one sentence they can act on; `internal` is reserved for bugs.
 */
export const ERROR_CODES = [
  "bad_input",
  "not_found",
  "no_project",
  "not_a_project",
  "newer_version",
  "locked",
  "password_required",
  "wrong_password",
  "damaged",
  "busy",
  "cancelled",
  "io",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
}

export class CairnError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "CairnError";
    this.code = code;
  }

  toApiError(): ApiError {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: ApiError): Result<never> {
  return { ok: false, error };
}

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.message === "string" &&
    typeof candidate.code === "string" &&
    (ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}
