/**
 * Names a Cairn project needs unique and non-blank (question labels, respondent ids,
 * attribute names, sibling codes) taken from a file that promises neither: a blank one
 * gets a numbered stand-in, a taken one " (2)", " (3)"…
 */
export class UniqueNames {
  private readonly taken = new Set<string>();
  /** The number to try next for a name asked for again: 10,000 twins stay linear. */
  private readonly next = new Map<string, number>();

  constructor(private readonly keyOf: (name: string) => string = (name) => name) {}

  /** The name to use, and whether it differs from the one asked for. */
  take(wanted: string): { name: string; renamed: boolean } {
    let name = wanted;
    if (this.taken.has(this.keyOf(name))) {
      const key = this.keyOf(wanted);
      let n = this.next.get(key) ?? 2;
      do name = `${wanted} (${n++})`;
      while (this.taken.has(this.keyOf(name)));
      this.next.set(key, n);
    }
    this.taken.add(this.keyOf(name));
    return { name, renamed: name !== wanted };
  }
}

/** A REFI value as attribute text: booleans "true"/"false", numbers as JavaScript writes them. */
export function valueText(value: string | number | boolean | null): string | null {
  if (value === null) return null;
  const text = typeof value === "string" ? value.trim() : String(value);
  return text === "" ? null : text;
}

/** A file's date as Cairn stores dates (ISO, milliseconds), or null when it is not a date. */
export function isoDate(text: string | null): string | null {
  if (text === null) return null;
  let iso = recentDates.get(text);
  if (iso === undefined) {
    const time = Date.parse(text);
    iso = Number.isNaN(time) ? null : new Date(time).toISOString();
    // Codings made in one session share their dates; a small cache saves parsing them.
    if (recentDates.size > 10_000) recentDates.clear();
    recentDates.set(text, iso);
  }
  return iso;
}

const recentDates = new Map<string, string | null>();
