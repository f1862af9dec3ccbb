/**
 * The code auto-coding applies, as the coder reads it: a code of the codebook by id, or a
 * path typed in the chooser, which may name a code that exists already (names compared
 * as the core compares them) or one that applying will create.
 */
import { codePathKey } from "../../../shared/codes/names.ts";
import type { CodeId } from "../../../shared/domain.ts";

export type ChosenCode = { readonly id: number } | { readonly path: readonly string[] };

interface Known {
  readonly path: readonly string[];
}

export function codeAtPath<C extends Known>(
  codes: ReadonlyMap<CodeId, C>,
  path: readonly string[],
): C | undefined {
  const key = codePathKey(path);
  for (const code of codes.values()) {
    if (codePathKey(code.path) === key) return code;
  }
  return undefined;
}

/** The code's path ("Safety > Risk"), or the new path to create. */
export function codeLabel(codes: ReadonlyMap<CodeId, Known>, code: ChosenCode): string {
  if ("path" in code) return (codeAtPath(codes, code.path)?.path ?? code.path).join(" > ");
  return codes.get(code.id as CodeId)?.path.join(" > ") ?? "the code";
}
