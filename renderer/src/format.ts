/** "1 question", "7,908 rows": a number with its noun, as people write it. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? singular : plural}`;
}
