/**
 * The figures beside a code in the codebook: "12 · 9 resp." (passages, then the
 * respondents they are in), and a tooltip that spells them out. A code with sub-codes
 * shows its whole branch, since that is the theme's size; the tooltip gives both.
 */
import type { CodeCount } from "../../../shared/api/codebook-api.ts";
import { count } from "../format.ts";

export interface CountLabel {
  /** Compact, beside the name. */
  readonly text: string;
  /** Spelled out, on hover and for screen readers. */
  readonly title: string;
  /** Nothing coded: shown faint. */
  readonly empty: boolean;
}

/** The figures of a code nobody's passages are counted for yet (the unnamed "Mine"). */
export const NO_COUNTS: Figures = {
  segments: 0,
  respondents: 0,
  subtreeSegments: 0,
  subtreeRespondents: 0,
};

type Figures = Omit<CodeCount, "codeId">;

const n = (value: number) => value.toLocaleString("en");

function spelled(segments: number, respondents: number): string {
  if (segments === 0) return "no coded passages";
  return `${count(segments, "coded passage")} from ${count(respondents, "respondent")}`;
}

export function countLabel(
  name: string,
  figures: Figures | undefined,
  hasChildren: boolean,
): CountLabel | null {
  if (!figures) return null;
  const segments = hasChildren ? figures.subtreeSegments : figures.segments;
  const respondents = hasChildren ? figures.subtreeRespondents : figures.respondents;
  const text = segments === 0 ? "0" : `${n(segments)} · ${n(respondents)} resp.`;
  const title = hasChildren
    ? `${name} with its sub-codes: ${spelled(figures.subtreeSegments, figures.subtreeRespondents)}.\n` +
      `${name} itself: ${spelled(figures.segments, figures.respondents)}.`
    : `${name}: ${spelled(figures.segments, figures.respondents)}.`;
  return { text, title, empty: segments === 0 };
}
