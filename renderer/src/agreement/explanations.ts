/**
 * What each column of the agreement report means, in plain words, one click away from
 * its header (the ⓘ button). A methods reviewer reads these to check that the numbers
 * are the ones they expect; a student reads them to learn which one to report.
 */

export type ExplanationId =
  | "unitAnswer"
  | "units"
  | "both"
  | "onlyOne"
  | "neither"
  | "allAgree"
  | "percent"
  | "percentMean"
  | "cohen"
  | "fleiss"
  | "alpha"
  | "brennanPrediger"
  | "unitSegment"
  | "segments"
  | "agreements"
  | "segmentPercent"
  | "segmentKappa";

export interface Explanation {
  readonly title: string;
  readonly paragraphs: readonly string[];
}

const CHANCE =
  "Two coders who never read the answers would still agree now and then by chance, all " +
  "the more when a code is rare (or very common): if both leave a code off 95% of the " +
  "answers, they agree on at least 90% of them without trying. A chance-corrected " +
  "coefficient says how far the coders got from that chance level towards perfect " +
  "agreement: 1 is perfect, 0 is no better than chance, below 0 is worse than chance.";

const INTERVAL =
  "The 95% interval in brackets comes from a bootstrap over answers: the answers are drawn " +
  "again with replacement (1,000 times, with a fixed seed, so the figures repeat), all " +
  "codes of an answer moving together, and the middle 95% of the recomputed values is shown.";

const UNIT_ANSWER =
  "A unit is one (answer, code) pair: for every answer both coders marked done and every " +
  "code in the codebook, each coder either used the code on the answer (present) or did " +
  "not (absent). A category counts as present when any code below it is. Answers that a " +
  "coder has not marked done are left out: an answer not yet read is not a disagreement.";

export const EXPLANATIONS: Readonly<Record<ExplanationId, Explanation>> = {
  unitAnswer: { title: "Answer level", paragraphs: [UNIT_ANSWER] },
  units: {
    title: "Units",
    paragraphs: [
      UNIT_ANSWER,
      "The pooled row counts the units of every code as applied (a code's own passages, " +
        "not its subtree), so one passage is never counted once per level of the tree.",
    ],
  },
  both: {
    title: "Both",
    paragraphs: ["Units where both coders used the code on the answer: agreement on presence."],
  },
  onlyOne: {
    title: "Only one coder",
    paragraphs: [
      "Units where this coder used the code on the answer and the other did not: the " +
        "disagreements, which the review queue lets you settle one by one.",
    ],
  },
  neither: {
    title: "Neither",
    paragraphs: [
      "Units where neither coder used the code on the answer: agreement on absence. " +
        "Rare codes have many of these, which is why percent agreement alone flatters them.",
    ],
  },
  allAgree: {
    title: "All agree",
    paragraphs: [
      "Units on which every chosen coder gives the same value (all present or all absent).",
    ],
  },
  percent: {
    title: "% agreement",
    paragraphs: [
      "The share of units on which the two coders agree (both or neither). It does not " +
        "correct for chance, so it is high for any code that is rarely used.",
    ],
  },
  percentMean: {
    title: "% agreement (mean pairwise)",
    paragraphs: [
      "With more than two coders: for each unit, the share of pairs of coders who agree; " +
        "then the mean over units (Fleiss' P-bar). It does not correct for chance.",
    ],
  },
  cohen: {
    title: "Cohen's kappa (κ)",
    paragraphs: [
      CHANCE,
      "Cohen's kappa takes chance from each coder's own habits: how often coder A uses the " +
        "code, times how often coder B does, plus the same for leaving it off. It is " +
        "undefined when chance agreement is already perfect (both coders used only " +
        "'absent', say): then there is nothing to correct, and Cairn says so rather than " +
        "printing 0 or 1.",
      INTERVAL,
    ],
  },
  fleiss: {
    title: "Fleiss' kappa (κ)",
    paragraphs: [
      CHANCE,
      "Fleiss' kappa generalises Scott's pi to any number of coders: chance comes from the " +
        "pooled use of the code by all coders. For two coders it equals Scott's pi, not " +
        "Cohen's kappa.",
    ],
  },
  alpha: {
    title: "Krippendorff's alpha (α, nominal)",
    paragraphs: [
      CHANCE,
      "Krippendorff's alpha compares the disagreement observed with the disagreement " +
        "expected from how often the values occur overall, for any number of coders. " +
        "It is the coefficient content-analysis journals usually ask for; values of " +
        "0.80 and above are commonly taken as reliable, 0.667 as the lowest for tentative " +
        "conclusions.",
      INTERVAL,
    ],
  },
  brennanPrediger: {
    title: "Brennan & Prediger's kappa",
    paragraphs: [
      "A chance-corrected agreement that assumes every value is equally likely by chance: " +
        "1/q with q the number of values defined in advance. For present/absent q = 2, " +
        "so it is simply 2 × agreement − 1. Unlike Cohen's kappa it does not drop to " +
        "nothing when a code is rare, which some reviewers prefer for sparse codes.",
    ],
  },
  unitSegment: {
    title: "Segment level",
    paragraphs: [
      "Every coded passage (segment) of either coder is a unit. It agrees when the other " +
        "coder has a passage with the same code on the same answer that overlaps it " +
        "enough: the shared characters divided by the characters either passage covers " +
        "(intersection over union) reach the threshold. This is MAXQDA's rule; the " +
        "threshold is inclusive.",
      "Cairn does not count characters as NVivo does: counted per character, the uncoded " +
        "text both coders leave alone counts as agreement, so long answers with short " +
        "passages look reliable whatever the coders did.",
    ],
  },
  segments: {
    title: "Segments",
    paragraphs: [
      "The passages with this code on the answers compared, of both coders together, and " +
        "of each coder in brackets. Each is one unit at segment level.",
    ],
  },
  agreements: {
    title: "Agreements",
    paragraphs: [
      "The segments the other coder matched: a passage of the same code on the same answer " +
        "whose overlap (intersection over union) reaches the threshold.",
    ],
  },
  segmentPercent: {
    title: "% agreement (segment level)",
    paragraphs: ["Agreements divided by segments. Pooled: over every segment of every code."],
  },
  segmentKappa: {
    title: "Brennan & Prediger's kappa (segment level)",
    paragraphs: [
      "Segment-level agreement corrected for chance as MAXQDA does: chance is 1/k with k " +
        "the number of codes in the table, so kappa = (agreement − 1/k) / (1 − 1/k).",
    ],
  },
};
