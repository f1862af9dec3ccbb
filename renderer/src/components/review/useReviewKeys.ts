/**
 * The review queue's keys, when no text field has the keyboard: A, B, H (both), N
 * (neither), E (edit) decide; ←/→ or K/J move through the queue; U goes to the next
 * undecided item. Listening on the document, ahead of the window's coding keys (K opens
 * the code picker there), and marking the key handled.
 */
import { useEffect, useRef } from "react";
import type { ReviewDecision } from "../../../../shared/api/agreement-api.ts";
import { isComposing, isPlainKey, isTextEntry } from "../../coding/keys.ts";
import { DECISION_KEYS } from "./review-text.ts";

/** `decide` null: the decision keys are off (editing passages). */
export function useReviewKeys(decide: ((decision: ReviewDecision) => void) | null): void {
  const latest = useRef(decide);
  useEffect(() => {
    latest.current = decide;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isComposing(event) || !isPlainKey(event)) return;
      if (isTextEntry(event.target) || event.shiftKey) return;
      const decision = DECISION_KEYS[event.key.toLowerCase()];
      if (decision === undefined || latest.current === null) return;
      event.preventDefault();
      latest.current(decision);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}

export type Move = "previous" | "next" | "undecided";

const MOVES: Readonly<Record<string, Move>> = {
  ArrowLeft: "previous",
  k: "previous",
  ArrowRight: "next",
  j: "next",
  u: "undecided",
};

/** ←/→, K/J and U move through the queue (also while editing: the edit is dropped). */
export function useMoveKeys(move: (to: Move) => void): void {
  const latest = useRef(move);
  useEffect(() => {
    latest.current = move;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isComposing(event) || !isPlainKey(event)) return;
      if (isTextEntry(event.target) || event.shiftKey) return;
      const to = MOVES[event.key.length === 1 ? event.key.toLowerCase() : event.key];
      if (to === undefined) return;
      event.preventDefault();
      latest.current(to);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
