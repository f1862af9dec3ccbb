// TODO(issue 5): being built.
export function SearchView() {
  return <p className="notice">Coming in this issue.</p>;
}
