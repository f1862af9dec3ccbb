/**
 * Which coders and questions the agreement view compares, from what the user chose and
 * what the project has: chosen coders that still exist, topped up to two with the
 * project's first coders (so the view opens on a comparison without a choice), and
 * chosen questions that still exist (none: every question).
 */
import type { Coder, CoderId, QuestionId } from "../../../shared/domain.ts";

export function chosenCoders(stored: readonly CoderId[], available: readonly Coder[]): CoderId[] {
  const known = new Set(available.map((c) => c.id));
  const chosen = [...new Set(stored)].filter((id) => known.has(id));
  for (const coder of available) {
    if (chosen.length >= 2) break;
    if (!chosen.includes(coder.id)) chosen.push(coder.id);
  }
  return chosen;
}

/** The coders with `coderId` in slot `index`; a coder already in another slot swaps. */
export function withCoderAt(
  coders: readonly CoderId[],
  index: number,
  coderId: CoderId,
): CoderId[] {
  const next = [...coders];
  const previous = next[index];
  const elsewhere = next.indexOf(coderId);
  if (elsewhere !== -1 && previous !== undefined) next[elsewhere] = previous;
  next[index] = coderId;
  return next;
}

export function chosenQuestions(
  stored: readonly QuestionId[],
  available: readonly { readonly id: QuestionId }[],
): QuestionId[] {
  const known = new Set(available.map((q) => q.id));
  return stored.filter((id) => known.has(id));
}
