/**
 * Whose coding an export can count: every coder merged, each coder, and the consensus
 * when the coders the Agreement tab compares have a review (its consensus coder is the
 * one the core exports). Blind mode offers only the coder's own work (decision 0015).
 */
import { useEffect, useState } from "react";
import type { CoderId } from "../../../../shared/domain.ts";
import { call } from "../../api/client.ts";
import type { CodingChoice } from "../../export/export-request.ts";
import { useAgreement, useAgreementChoice } from "../../stores/agreement.ts";
import { useCoderId, useCoding } from "../../stores/coding.ts";
import { useProject } from "../../stores/project.ts";

export interface CodingOption {
  readonly value: CodingChoice;
  readonly label: string;
}

const NONE: never[] = [];

/** The options, and the agreement's coders (for the Agreement sheet). */
export function useCodingChoices(): {
  readonly options: readonly CodingOption[];
  readonly agreementCoderIds: readonly CoderId[];
} {
  const coders = useProject((s) => s.summary?.coders ?? NONE);
  const blind = useCoding((s) => s.blind);
  const activeId = useCoderId();
  const { coderIds } = useAgreementChoice();
  const picked = useAgreement((s) => s.coderIds.length >= 2);
  // The review of which pair it is: a reply for an older pair is never shown.
  const [found, setFound] = useState<{ pair: string; consensus: string | null } | null>(null);

  const [a, b] = coderIds;
  const pair = `${a}-${b}`;
  useEffect(() => {
    if (a === undefined || b === undefined) return;
    let current = true;
    call("review.state", { coderIds: [a, b] }).then(
      (review) => current && setFound({ pair, consensus: review?.consensus.name ?? null }),
      // No review to offer: the other choices stand.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [a, b, pair]);
  const consensus = found?.pair === pair ? found.consensus : null;

  if (blind) {
    const mine = coders.find((coder) => coder.id === activeId);
    return {
      options: mine ? [{ value: mine.id, label: `${mine.name} (you)` }] : [],
      agreementCoderIds: NONE,
    };
  }
  return {
    options: [
      { value: "all", label: "All coders, merged" },
      ...coders.map((coder) => ({ value: coder.id, label: coder.name })),
      ...(consensus !== null
        ? [{ value: "consensus" as const, label: `Consensus (${consensus}, after review)` }]
        : []),
    ],
    // Only coders the user picked in the Agreement tab; otherwise the core's default
    // (the last review's, or the first two) holds.
    agreementCoderIds: picked ? coderIds : NONE,
  };
}
