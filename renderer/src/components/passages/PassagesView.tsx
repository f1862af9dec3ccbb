// TODO(issue 5): being built.
export function PassagesView() {
  return <p className="notice">Coming in this issue.</p>;
}
