/**
 * The core's handlers for inter-coder agreement (shared/api/agreement-api.ts).
 */
import { agreementReport } from "../agreement/agreement-service.ts";
import { writeAgreementWorkbook } from "../agreement/report-xlsx.ts";
import { latestReviewBefore } from "../db/reviews.ts";
import type { Handlers, HandlerContext } from "./handlers.ts";

type AgreementHandlers = Pick<Handlers, "agreement.get" | "agreement.export">;

export function agreementHandlers(context: HandlerContext): AgreementHandlers {
  const { session } = context;
  return {
    "agreement.get": (scope) => agreementReport(session.db(), scope, context.now()),
    "agreement.export": async ({ scope, path }) => {
      const db = session.db();
      const report = agreementReport(db, scope, context.now());
      // The figures recorded when a review of these coders started, beside today's.
      await writeAgreementWorkbook(report, latestReviewBefore(db, scope.coderIds), path);
      return { path };
    },
  };
}
