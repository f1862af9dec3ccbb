/**
 * Settling a review's disagreements (issue 7, decision 0015): each decision writes the
 * consensus passages of one code on one answer, is one undoable step, and stays in the
 * file, so the review resumes where it stopped.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Core } from "../../electron/core/core.ts";
import type { ReviewDecision, ReviewItem, ReviewState } from "../../shared/api/agreement-api.ts";
import type { ProjectEdit } from "../../shared/domain.ts";
import { coreValue } from "../helpers/core.ts";
import { useTempDir } from "../helpers/temp.ts";
import { openCore, reviewSurvey, type ReviewSurvey } from "./review-survey.ts";

const tempDir = useTempDir();
let core: Core | null = null;
afterEach(() => {
  core?.shutdown();
  core = null;
});

type Started = ProjectEdit & { review: ReviewState };
type Decided = ProjectEdit & { review: ReviewState; item: ReviewItem };

interface Reviewing {
  readonly core: Core;
  readonly survey: ReviewSurvey;
  readonly dir: string;
  readonly review: ReviewState;
  readonly items: readonly ReviewItem[];
  decide(
    index: number,
    decision: ReviewDecision,
    more?: { passages?: { start: number; end: number }[]; comment?: string },
  ): Promise<Decided>;
}

async function reviewing(): Promise<Reviewing> {
  const dir = tempDir();
  const survey = await reviewSurvey(dir);
  const opened = openCore(dir, survey.path);
  core = opened;
  const { review } = coreValue<Started>(
    await opened.call("review.start", { coderIds: [survey.coder("Anna"), survey.coder("Ben")] }),
  );
  const items = coreValue<ReviewItem[]>(
    await opened.call("review.items", { reviewId: review.reviewId, offset: 0, limit: 200 }),
  );
  return {
    core: opened,
    survey,
    dir,
    review,
    items,
    decide: async (index, decision, more = {}) =>
      coreValue<Decided>(
        await opened.call("review.decide", {
          reviewId: review.reviewId,
          answerId: items[index]!.answerId,
          codeId: items[index]!.codeId,
          decision,
          ...more,
        }),
      ),
  };
}

/** The item as it is now: its decision, comment and consensus passages. */
async function itemNow(core: Core, reviewId: number, index: number): Promise<ReviewItem> {
  const [item] = coreValue<ReviewItem[]>(
    await core.call("review.items", { reviewId, offset: index, limit: 1 }),
  );
  return item!;
}

describe("deciding a disagreement", () => {
  it("keep A, keep B, keep both and keep neither build the consensus passages", async () => {
    const { decide } = await reviewing();
    // R1's Lighting: Anna 35-50, Ben 30-50.
    expect((await decide(0, "a")).item.consensus).toEqual([{ start: 35, end: 50 }]);
    expect((await decide(0, "b")).item.consensus).toEqual([{ start: 30, end: 50 }]);
    expect((await decide(0, "both")).item.consensus).toEqual([{ start: 30, end: 50 }]);
    const neither = await decide(0, "neither", { comment: "not about lighting as such" });
    expect(neither.item).toMatchObject({
      decision: "neither",
      comment: "not about lighting as such",
      consensus: [],
    });
    // R3's Praise, which only Ben used: keep Ben.
    const kept = await decide(2, "b");
    expect(kept.item.consensus).toEqual([{ start: 0, end: 22 }]);
    expect(kept.review).toMatchObject({ total: 3, decided: 2, next: 1 });
    expect(kept.history.undo).toBe("Review Praise: keep Ben");
  });

  it("an edit keeps the passages given, merged where they overlap", async () => {
    const { decide, review, core } = await reviewing();
    const edited = await decide(0, "edit", {
      passages: [
        { start: 42, end: 46 },
        { start: 35, end: 43 },
        { start: 0, end: 6 },
      ],
    });
    expect(edited.item.consensus).toEqual([
      { start: 0, end: 6 },
      { start: 35, end: 46 },
    ]);
    const outside = await core.call("review.decide", {
      reviewId: review.reviewId,
      answerId: edited.item.answerId,
      codeId: edited.item.codeId,
      decision: "edit",
      passages: [{ start: 40, end: 60 }],
    });
    expect(outside).toMatchObject({ ok: false, error: { code: "bad_input" } });
    expect((await itemNow(core, review.reviewId, 0)).consensus).toEqual(edited.item.consensus);
  });

  it("refuses a pair that is not in the queue", async () => {
    const { core, survey, review } = await reviewing();
    // Both coders coded Safety alike on R1: agreed, not an item.
    const result = await core.call("review.decide", {
      reviewId: review.reviewId,
      answerId: survey.answer("R1", "Q1"),
      codeId: survey.code("Safety"),
      decision: "neither",
    });
    expect(result).toMatchObject({ ok: false, error: { code: "bad_input" } });
    expect(!result.ok && result.error.message).toMatch(/not in the review's queue/);
  });

  it("undo takes back the passages and the decision together, and redo brings both", async () => {
    const { core, decide, review } = await reviewing();
    await decide(1, "a", { comment: "clearly lighting" });
    const undone = coreValue<ProjectEdit & { label: string }>(await core.call("history.undo", {}));
    expect(undone.label).toBe("Review Lighting: keep Anna");
    expect(await itemNow(core, review.reviewId, 1)).toMatchObject({
      decision: null,
      comment: "",
      consensus: [],
    });
    const scope = { coderIds: [review.coders[0].id, review.coders[1].id] };
    expect(coreValue<ReviewState>(await core.call("review.state", scope))).toMatchObject({
      decided: 0,
      next: 0,
    });

    await core.call("history.redo", {});
    expect(await itemNow(core, review.reviewId, 1)).toMatchObject({
      decision: "a",
      comment: "clearly lighting",
      consensus: [{ start: 23, end: 39 }],
    });
  });
});

describe("resuming a review", () => {
  it("finds the decisions again after the file is closed and reopened", async () => {
    const { core: first, decide, survey, dir, review } = await reviewing();
    await decide(0, "both");
    await decide(1, "neither", { comment: "a passing remark" });
    first.shutdown();
    core = null;

    const again = openCore(dir, survey.path);
    core = again;
    const pairs = [survey.coder("Ben"), survey.coder("Anna")] as const;
    const state = coreValue<ReviewState>(await again.call("review.state", { coderIds: pairs }));
    expect(state).toMatchObject({ reviewId: review.reviewId, total: 3, decided: 2, next: 2 });

    // Starting it again (coders in either order) resumes it: no new step, no new coder.
    const historyBefore = coreValue(await again.call("history.state", {}));
    const resumed = coreValue<Started>(await again.call("review.start", { coderIds: pairs }));
    expect(resumed.review).toEqual(state);
    expect(resumed.history).toEqual(historyBefore);
    const reviews = again.session.db().prepare("SELECT count(*) FROM reviews").pluck().get();
    expect(reviews).toBe(1);
    expect(await itemNow(again, review.reviewId, 1)).toMatchObject({
      decision: "neither",
      comment: "a passing remark",
    });
  });

  it("a review of other questions is another review", async () => {
    const { core, survey, review } = await reviewing();
    const other = coreValue<Started>(
      await core.call("review.start", {
        coderIds: [survey.coder("Anna"), survey.coder("Ben")],
        questionIds: [survey.question("Q1")],
        consensus: "consensus Q1",
      }),
    );
    expect(other.review.reviewId).not.toBe(review.reviewId);
    expect(other.review).toMatchObject({
      questions: [{ label: "Q1" }],
      total: 3,
      agreed: 2,
      consensus: { name: "consensus Q1" },
    });
  });
});
