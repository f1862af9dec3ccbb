/**
 * Before a review starts, the screen says what it will have (issue 7): the answers both
 * coders have seen, the disagreements to settle, and the codings they agree on that
 * starting copies to the consensus. Counting writes nothing.
 */
import { describe, expect, it } from "vitest";
import type { ReviewPreview } from "../../shared/api/agreement-api.ts";
import type { HistoryState } from "../../shared/domain.ts";
import { coreValue, useCoreProject } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { reviewSurvey } from "./review-survey.ts";

const tempDir = useTempDir();
const open = useCoreProject();

describe("previewing the review of Anna and Ben", () => {
  it("counts what the review would have, as the survey's story says", async () => {
    const dir = tempDir();
    const survey = await reviewSurvey(dir);
    const core = open(dir, survey.path);
    const coderIds = [survey.coder("Anna"), survey.coder("Ben")];

    // R1-R3 of Q1 and R1 of Q2 (R4 Ben has not seen); three items, three agreed pairs.
    const preview = coreValue<ReviewPreview>(await core.call("review.preview", { coderIds }));
    expect(preview).toEqual({ answers: 4, disagreements: 3, agreed: 3 });

    // On Q2 alone they agree on everything.
    const q2 = coreValue<ReviewPreview>(
      await core.call("review.preview", { coderIds, questionIds: [survey.question("Q2")] }),
    );
    expect(q2).toEqual({ answers: 1, disagreements: 0, agreed: 1 });

    // At a threshold of 70%, Lighting on R1 (15/20) agrees too.
    const loose = coreValue<ReviewPreview>(
      await core.call("review.preview", { coderIds, threshold: 0.7 }),
    );
    expect(loose).toEqual({ answers: 4, disagreements: 2, agreed: 4 });
  });

  it("writes nothing: no step to undo, no consensus coder, no review", async () => {
    const dir = tempDir();
    const survey = await reviewSurvey(dir);
    const core = open(dir, survey.path);
    const db = core.session.db();
    const counts = () =>
      db
        .prepare(
          `SELECT (SELECT count(*) FROM coders), (SELECT count(*) FROM segments),
                  (SELECT count(*) FROM done_marks), (SELECT count(*) FROM reviews)`,
        )
        .raw()
        .get();
    const history = coreValue<HistoryState>(await core.call("history.state", {}));
    const before = counts();

    await core.call("review.preview", { coderIds: [survey.coder("Anna"), survey.coder("Ben")] });

    expect(coreValue<HistoryState>(await core.call("history.state", {}))).toEqual(history);
    expect(counts()).toEqual(before);
  });

  it("refuses a coder or a question the project does not have, as starting does", async () => {
    const dir = tempDir();
    const survey = await reviewSurvey(dir);
    const core = open(dir, survey.path);
    const anna = survey.coder("Anna");
    const ben = survey.coder("Ben");

    const noCoder = await core.call("review.preview", { coderIds: [anna, 999] });
    expect(noCoder).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "there is no coder 999 in this project" },
    });
    const noQuestion = await core.call("review.preview", {
      coderIds: [anna, ben],
      questionIds: [999],
    });
    expect(noQuestion).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "there is no question 999 in this project" },
    });
    const sameCoder = await core.call("review.preview", { coderIds: [anna, anna] });
    expect(sameCoder).toMatchObject({ ok: false, error: { code: "bad_input" } });
  });
});
