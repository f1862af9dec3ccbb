/**
 * Coder names that differ only in case or spacing name the same person: "Anna  Smith"
 * typed on one machine and "anna smith" on another must not become two coders.
 */
export function coderNameKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("en");
}
