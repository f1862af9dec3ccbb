/** REFI-QDA colours ("#rrggbb" or "#rgb") as Cairn keeps them: "#rrggbb", lower case. */

const COLOR = /^#([0-9a-f]{6}|[0-9a-f]{3})$/i;

export type ColorReading =
  | { readonly color: string | null; readonly malformed: false }
  | { readonly color: null; readonly malformed: true };

/** A missing colour is null; one that is not "#rgb" or "#rrggbb" is null and malformed. */
export function readColor(raw: string | undefined): ColorReading {
  if (raw === undefined || raw.trim() === "") return { color: null, malformed: false };
  const match = COLOR.exec(raw.trim());
  const hex = match?.[1]?.toLowerCase();
  if (hex === undefined) return { color: null, malformed: true };
  const wide = hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex;
  return { color: `#${wide}`, malformed: false };
}
