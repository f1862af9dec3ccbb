/** A hand-made agreement report for the renderer's pure helpers (rows, cells, copy). */
import type {
  AgreementReport,
  AnswerAgreementRow,
  PooledAnswerAgreement,
} from "../../shared/api/agreement-api.ts";
import { defined, undefinedBecause } from "../../shared/agreement/statistic.ts";
import type { CodeId, CodeNode, CoderId, QuestionId } from "../../shared/domain.ts";

export const NEITHER = "neither coder used this code in these answers";

/** Aoife and Ben over 3 answers: both used Risk on 1, Aoife alone on 1, Ben on none else. */
export function figures(
  both: number,
  aOnly: number,
  bOnly: number,
  neither: number,
  kappa: number | null,
): PooledAnswerAgreement {
  const units = both + aOnly + bOnly + neither;
  const statistic = kappa === null ? undefinedBecause(NEITHER) : defined(kappa);
  return {
    units,
    both,
    aOnly,
    bOnly,
    neither,
    allAgree: both + neither,
    percent: units === 0 ? undefinedBecause("no units") : defined((both + neither) / units),
    cohenKappa: { ...statistic, interval: null },
    fleissKappa: statistic,
    krippendorffAlpha: {
      ...statistic,
      interval:
        kappa === null
          ? null
          : {
              low: kappa - 0.2,
              high: Math.min(1, kappa + 0.2),
              level: 0.95,
              resamples: 1000,
              defined: 990,
            },
    },
    brennanPrediger:
      units === 0 ? undefinedBecause("no units") : defined((2 * (both + neither)) / units - 1),
  };
}

function node(id: number, path: string[], children: CodeNode[] = []): CodeNode {
  return {
    id: id as CodeId,
    name: path[path.length - 1] ?? "",
    path,
    color: "#123456",
    description: "",
    whenToUse: "",
    whenNotToUse: "",
    example: "",
    children,
  };
}

/** Safety (1) > Risk (2), Planning (3); Training (4). */
export const TREE = [
  node(1, ["Safety"], [node(2, ["Safety", "Risk"]), node(3, ["Safety", "Planning"])]),
  node(4, ["Training"]),
];

function row(
  id: number,
  parent: number | null,
  path: string[],
  category: boolean,
  f: PooledAnswerAgreement,
): AnswerAgreementRow {
  return { codeId: id as CodeId, parentId: parent as CodeId | null, path, category, ...f };
}

export const REPORT: AgreementReport = {
  coders: [
    { id: 1 as CoderId, name: "Aoife" },
    { id: 2 as CoderId, name: "Ben" },
  ],
  questions: [{ id: 2 as QuestionId, label: "Q2", position: 2 }],
  answers: 3,
  answersNotSeen: 2,
  threshold: 0.9,
  resamples: 1000,
  seed: 1,
  computedAt: "2026-11-24T09:00:00.000Z",
  answerLevel: {
    // The core's order is not the tree's: the table follows the codebook.
    rows: [
      row(4, null, ["Training"], false, figures(0, 0, 0, 3, null)),
      row(2, 1, ["Safety", "Risk"], false, figures(1, 1, 0, 1, 0.4)),
      row(1, null, ["Safety"], true, figures(2, 0, 1, 0, -0.5)),
      row(3, 1, ["Safety", "Planning"], false, figures(1, 0, 1, 1, 0.4)),
    ],
    pooled: figures(2, 1, 1, 5, 0.333333),
  },
  segmentLevel: {
    rows: [
      {
        codeId: 2 as CodeId,
        parentId: 1 as CodeId,
        path: ["Safety", "Risk"],
        segments: 3,
        agreements: 2,
        aSegments: 2,
        bSegments: 1,
        percent: defined(2 / 3),
        brennanPrediger: defined(0.5),
      },
      {
        codeId: 1 as CodeId,
        parentId: null,
        path: ["Safety"],
        segments: 1,
        agreements: 0,
        aSegments: 0,
        bSegments: 1,
        percent: defined(0),
        brennanPrediger: defined(-0.5),
      },
    ],
    pooled: {
      segments: 4,
      agreements: 2,
      aSegments: 2,
      bSegments: 2,
      percent: defined(0.5),
      brennanPrediger: defined(0.25),
    },
    codes: 3,
  },
  segmentLevelReason: null,
};
