/**
 * Warnings about rows, one per message however often it happens: a file with the same
 * oddity on every row gives one line with a count and where it was first seen.
 */
export class RowWarnings {
  private readonly warnings = new Map<string, { count: number; first: number }>();

  add(message: string, line: number): void {
    const entry = this.warnings.get(message);
    if (entry) entry.count++;
    else this.warnings.set(message, { count: 1, first: line });
  }

  /** One line per message; `unit` is what the source counts in ("line", "row", "file"). */
  lines(unit: string): string[] {
    return [...this.warnings].map(
      ([message, { count, first }]) =>
        `${message} (${count} ${count === 1 ? "time" : "times"}, first at ${unit} ${first})`,
    );
  }
}
