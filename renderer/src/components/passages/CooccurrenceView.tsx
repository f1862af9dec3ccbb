// TODO(issue 5): being built.
export function CooccurrenceView() {
  return <p className="notice">Coming in this issue.</p>;
}
