/**
 * A review outlives changes to the codebook: a code deleted after decisions were taken
 * on it leaves the queue (its decisions and consensus passages go with it, in the same
 * undoable step), and undoing the deletion brings the decision back as it was.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Core } from "../../electron/core/core.ts";
import type { ReviewItem, ReviewState } from "../../shared/api/agreement-api.ts";
import type { ProjectEdit } from "../../shared/domain.ts";
import { coreValue } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { openCore, reviewSurvey } from "./review-survey.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => {
  core?.shutdown();
  core = null;
});

describe("a code deleted after the review started", () => {
  it("leaves the queue with its decision; undo brings both back", async () => {
    const dir = tempDir();
    const survey = await reviewSurvey(dir);
    const opened = openCore(dir, survey.path);
    core = opened;
    const coderIds = [survey.coder("Anna"), survey.coder("Ben")];
    const { review } = coreValue<ProjectEdit & { review: ReviewState }>(
      await opened.call("review.start", { coderIds }),
    );
    const lighting = survey.code("Lighting");
    coreValue(
      await opened.call("review.decide", {
        reviewId: review.reviewId,
        answerId: survey.answer("R1", "Q1"),
        codeId: lighting,
        decision: "both",
        comment: "night lighting",
      }),
    );
    const state = async () =>
      coreValue<ReviewState>(await opened.call("review.state", { coderIds }));
    expect(await state()).toMatchObject({ total: 3, decided: 1 });

    coreValue(await opened.call("codes.delete", { codeId: lighting }));
    expect(await state()).toMatchObject({ total: 1, decided: 0, next: 0 });
    const refused = await opened.call("review.decide", {
      reviewId: review.reviewId,
      answerId: survey.answer("R1", "Q1"),
      codeId: lighting,
      decision: "a",
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "bad_input" } });

    coreValue(await opened.call("history.undo", {}));
    expect(await state()).toMatchObject({ total: 3, decided: 1 });
    const [item] = coreValue<ReviewItem[]>(
      await opened.call("review.items", { reviewId: review.reviewId, offset: 0, limit: 1 }),
    );
    expect(item).toMatchObject({
      decision: "both",
      comment: "night lighting",
      consensus: [{ start: 30, end: 50 }],
    });
  });
});
