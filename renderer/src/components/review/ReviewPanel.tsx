/** The review queue: one disagreement at a time, decided into the consensus coder (issue 7). */
export function ReviewPanel() {
  return <p>Review queue: not built yet.</p>;
}
