/**
 * The agreement table's columns, shared by the table on screen and the copied text so
 * both say the same thing. Two coders: the 2x2 counts, percent agreement, Cohen's kappa,
 * Krippendorff's alpha and Brennan & Prediger; more coders: all agree, mean pairwise
 * agreement, Fleiss' kappa, alpha and B&P (Cohen's kappa is for two). Segment level:
 * segments, agreements, percent and B&P with chance 1/k.
 */
import type {
  PooledAnswerAgreement,
  SegmentAgreementRow,
} from "../../../shared/api/agreement-api.ts";
import { coefficientCell, countCell, percentCell, type Cell } from "./cells.ts";
import type { ExplanationId } from "./explanations.ts";

export type SegmentFigures = Omit<SegmentAgreementRow, "codeId" | "parentId" | "path">;

export interface AgreementColumn<F> {
  readonly id: string;
  /** The header on screen and in the copy. */
  readonly title: string;
  /** The header where the table is narrow (the full one is its tooltip). */
  readonly short?: string;
  /** A coefficient: its interval is shown beside it and copied in two more columns. */
  readonly estimate?: boolean;
  readonly explain: ExplanationId;
  cell(figures: F): Cell;
  /** Copied as several numeric columns instead of the one text ("5 (3 / 2)"). */
  readonly copyParts?: {
    readonly titles: readonly string[];
    values(figures: F): readonly number[];
  };
}

type Named = readonly { readonly name: string }[];

export function answerColumns(coders: Named): AgreementColumn<PooledAnswerAgreement>[] {
  const units: AgreementColumn<PooledAnswerAgreement> = {
    id: "units",
    title: "Units",
    explain: "units",
    cell: (f) => countCell(f.units),
  };
  const alpha: AgreementColumn<PooledAnswerAgreement> = {
    id: "alpha",
    title: "Krippendorff's α",
    short: "Kripp. α",
    estimate: true,
    explain: "alpha",
    cell: (f) => coefficientCell(f.krippendorffAlpha),
  };
  const bp: AgreementColumn<PooledAnswerAgreement> = {
    id: "bp",
    title: "Brennan & Prediger",
    short: "B&P κ",
    explain: "brennanPrediger",
    cell: (f) => coefficientCell(f.brennanPrediger),
  };
  if (coders.length > 2) {
    return [
      units,
      {
        id: "allAgree",
        title: "All agree",
        explain: "allAgree",
        cell: (f) => countCell(f.allAgree),
      },
      {
        id: "percent",
        title: "% agreement (mean pairwise)",
        short: "% agr. (pairs)",
        explain: "percentMean",
        cell: (f) => percentCell(f.percent),
      },
      {
        id: "fleiss",
        title: "Fleiss' κ",
        explain: "fleiss",
        cell: (f) => coefficientCell(f.fleissKappa),
      },
      alpha,
      bp,
    ];
  }
  const [a, b] = [coders[0]?.name ?? "A", coders[1]?.name ?? "B"];
  return [
    units,
    { id: "both", title: "Both", explain: "both", cell: (f) => countCell(f.both ?? 0) },
    { id: "aOnly", title: `Only ${a}`, explain: "onlyOne", cell: (f) => countCell(f.aOnly ?? 0) },
    { id: "bOnly", title: `Only ${b}`, explain: "onlyOne", cell: (f) => countCell(f.bOnly ?? 0) },
    { id: "neither", title: "Neither", explain: "neither", cell: (f) => countCell(f.neither ?? 0) },
    {
      id: "percent",
      title: "% agreement",
      explain: "percent",
      cell: (f) => percentCell(f.percent),
    },
    {
      id: "cohen",
      title: "Cohen's κ",
      estimate: true,
      explain: "cohen",
      cell: (f) => coefficientCell(f.cohenKappa),
    },
    alpha,
    bp,
  ];
}

export function segmentColumns(coders: Named): AgreementColumn<SegmentFigures>[] {
  const [a, b] = [coders[0]?.name ?? "A", coders[1]?.name ?? "B"];
  return [
    {
      id: "segments",
      title: `Segments (${a} / ${b})`,
      short: "Segments",
      explain: "segments",
      copyParts: {
        titles: ["Segments", `Segments ${a}`, `Segments ${b}`],
        values: (f) => [f.segments, f.aSegments, f.bSegments],
      },
      cell: (f) => {
        const total = countCell(f.segments);
        const text = `${total.text} (${countCell(f.aSegments).text} / ${countCell(f.bSegments).text})`;
        return {
          ...total,
          text,
          detail: `${total.text} segments: ${f.aSegments} by ${a}, ${f.bSegments} by ${b}`,
        };
      },
    },
    {
      id: "agreements",
      title: "Agreements",
      explain: "agreements",
      cell: (f) => countCell(f.agreements),
    },
    {
      id: "percent",
      title: "% agreement",
      explain: "segmentPercent",
      cell: (f) => percentCell(f.percent),
    },
    {
      id: "bp",
      title: "Brennan & Prediger's κ",
      short: "B&P κ",
      explain: "segmentKappa",
      cell: (f) => coefficientCell(f.brennanPrediger),
    },
  ];
}
