/**
 * What the code chooser lists for what the user typed: every code and category of the
 * codebook in tree order while nothing is typed, else the codes whose path holds the
 * typed letters in order (case and accents ignored, shared/codes/fuzzy.ts), best first.
 * Optionally "Top level" first (a move's destination) and "Create code 'A > B'" when no
 * code has exactly the typed name or path. Pure.
 */
import { exactCodeMatch, fuzzyRank, parseCodePathInput } from "../../../../shared/codes/fuzzy.ts";
import type { CodeId, CodeNode } from "../../../../shared/domain.ts";

/** A code or category as the chooser shows it. */
export interface ChooserCode {
  readonly id: CodeId;
  readonly path: readonly string[];
  readonly color: string;
  readonly depth: number;
  /** A category: choosing it means its whole subtree. */
  readonly isCategory: boolean;
}

export type CodeChoice =
  | { readonly kind: "code"; readonly id: CodeId }
  | { readonly kind: "create"; readonly path: readonly string[] }
  | { readonly kind: "top" };

export type ChooserOption =
  | {
      readonly kind: "code";
      readonly code: ChooserCode;
      /** UTF-16 indices of the path joined with " > " to show in bold. */
      readonly matched: readonly number[];
    }
  | { readonly kind: "create"; readonly path: readonly string[] }
  | { readonly kind: "top" };

export interface ChooserSettings {
  /** Offer "Top level" first while nothing is typed. */
  readonly topLevel?: boolean;
  /** Offer to create the typed path when no code has it exactly. */
  readonly create?: boolean;
  /** The most codes listed for a typed query. */
  readonly limit?: number;
}

/** The codebook in tree order with each node's depth, leaving out the excluded ids. */
export function chooserCodes(
  nodes: readonly CodeNode[],
  excluded: ReadonlySet<CodeId> = new Set(),
  depth = 0,
): ChooserCode[] {
  return nodes.flatMap((node) => [
    ...(excluded.has(node.id)
      ? []
      : [
          {
            id: node.id,
            path: node.path,
            color: node.color,
            depth,
            isCategory: node.children.length > 0,
          },
        ]),
    ...chooserCodes(node.children, excluded, depth + 1),
  ]);
}

export function chooserOptions(
  query: string,
  codes: readonly ChooserCode[],
  settings: ChooserSettings = {},
): ChooserOption[] {
  const typed = query.trim() !== "";
  const byId = new Map(codes.map((code) => [code.id as number, code]));
  const ranked = fuzzyRank(query, codes, typed ? (settings.limit ?? 100) : codes.length);
  const options: ChooserOption[] = ranked.map((match) => ({
    kind: "code",
    code: byId.get(match.id) as ChooserCode,
    matched: match.matched,
  }));
  const path = parseCodePathInput(query);
  // After the codes the text matches: "polic" then Enter means Police, not a new code
  // "polic" (this chooser picks codes for whole actions, such as coding every hit).
  if (settings.create && path.length > 0 && exactCodeMatch(query, codes) === null) {
    options.push({ kind: "create", path });
  }
  if (settings.topLevel && !typed) options.unshift({ kind: "top" });
  return options;
}

export function choiceOf(option: ChooserOption): CodeChoice {
  switch (option.kind) {
    case "code":
      return { kind: "code", id: option.code.id };
    case "create":
      return { kind: "create", path: option.path };
    case "top":
      return { kind: "top" };
  }
}

/** Names an option across renders (a React key, an element id suffix). */
export function optionKey(option: ChooserOption): string {
  return option.kind === "code" ? `code-${option.code.id}` : option.kind;
}
