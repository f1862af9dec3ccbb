/**
 * The flags of `cairn code`, `uncode` and `segments` checked before the project is opened:
 * anything wrong here is a usage mistake (exit 2), whatever the file holds.
 */
import type { z } from "zod";
import { api, type ApiParsedInput } from "../../../shared/api/contract.ts";
import type { AnswerId, SegmentId } from "../../../shared/domain.ts";
import { UsageError } from "./args.ts";

/** "Safety > Risk assessment" as the names of its levels. */
export function codePathFlag(command: string, value: string): string[] {
  const path = value.split(">").map((name) => name.trim());
  if (path.some((name) => name === "")) {
    throw new UsageError(
      `cairn ${command}: --code "${value}" has an empty level; write a path like "Safety>Risk"`,
    );
  }
  return path;
}

/** A count or offset: digits only (no signs, fractions or exponents). */
export function wholeNumberFlag(command: string, flag: string, value: string): number {
  const number = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) {
    throw new UsageError(`cairn ${command}: --${flag} must be a whole number, not "${value}"`);
  }
  return number;
}

export function segmentIdFlag(command: string, value: string | undefined): SegmentId {
  if (value === undefined)
    throw new UsageError(`cairn ${command}: say which segment: --segment ID`);
  const id = wholeNumberFlag(command, "segment", value);
  if (id < 1) throw new UsageError(`cairn ${command}: --segment must be a segment id (1, 2, ...)`);
  return id as SegmentId;
}

export function requiredFlag(command: string, flag: string, value: string | undefined): string {
  if (value === undefined || value.trim() === "") {
    throw new UsageError(`cairn ${command}: --${flag} is required`);
  }
  return value;
}

export interface CodingFlags {
  readonly coder?: string;
  readonly code?: string;
  readonly start?: string;
  readonly end?: string;
  readonly memo?: string;
}

/**
 * What `cairn code` asks the coding service for, validated by the API's own schema, so
 * the CLI accepts exactly what the app does. The answer is found later, in the project.
 */
export function applyInput(
  command: string,
  flags: CodingFlags,
): Omit<ApiParsedInput<"coding.apply">, "answerId"> {
  const coder = requiredFlag(command, "coder", flags.coder);
  const path = codePathFlag(command, requiredFlag(command, "code", flags.code));
  if ((flags.start === undefined) !== (flags.end === undefined)) {
    throw new UsageError(
      `cairn ${command}: give both --start and --end, or neither to code the whole answer`,
    );
  }
  const start =
    flags.start === undefined ? undefined : wholeNumberFlag(command, "start", flags.start);
  const end = flags.end === undefined ? undefined : wholeNumberFlag(command, "end", flags.end);
  if (start !== undefined && end !== undefined && end <= start) {
    throw new UsageError(`cairn ${command}: --end (${end}) must be after --start (${start})`);
  }
  const parsed = api["coding.apply"].input.safeParse({
    answerId: 1, // a stand-in: the schema checks the rest now, the answer is looked up later
    code: { path },
    coder,
    ...(start !== undefined && end !== undefined ? { start, end } : {}),
    ...(flags.memo !== undefined ? { memo: flags.memo } : {}),
  });
  if (!parsed.success) throw new UsageError(`cairn ${command}: ${describeIssue(parsed.error)}`);
  const { answerId: _standIn, ...input } = parsed.data;
  return input;
}

export function withAnswer(
  input: Omit<ApiParsedInput<"coding.apply">, "answerId">,
  answerId: AnswerId,
): ApiParsedInput<"coding.apply"> {
  return { ...input, answerId };
}

const FLAG_OF_FIELD: Record<string, string> = { code: "--code", coder: "--coder", memo: "--memo" };

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid arguments";
  const flag = FLAG_OF_FIELD[String(issue.path[0])];
  return flag ? `${flag}: ${issue.message}` : issue.message;
}
